// SPDX-License-Identifier: GPL-3.0-or-later
// librarybesidecore.h — the shared libraries Tutti opens on first use, beside libtutti_core.so.
//
// Usage:
//   QString error;
//   void *entry = tutti::openLibraryBesideCore(u"libtutti_model.so"_s, "tuttiModelPlugin", error);
//   if (!entry) return fail(u"... could not be loaded: "_s + error);
//
// The model library (LibTorch) and the app library (the GUI, sound and MIDI) lie in the same
// folder as libtutti_core.so: the build's lib/, or lib/tutti/ where Tutti is installed. Each
// is opened once by its caller and never unloaded.
#pragma once

#include <QString>

namespace tutti {

// The path of `fileName` in the folder of the file that holds tutti_core.
QString libraryBesideCore(const QString &fileName);

// Opens that library (every symbol bound now, kept out of the global scope) and returns its
// exported C function `entry`; nullptr and the loader's one-line reason in `error` otherwise.
void *openLibraryBesideCore(const QString &fileName, const char *entry, QString &error);

} // namespace tutti
// end of librarybesidecore.h
