// SPDX-License-Identifier: GPL-3.0-or-later
// noteclipboard.h — copied notes as bytes for the system clipboard, so that notes copied in
// one Tutti can be pasted into another (or into the same one after a restart).
//
// Usage:
//   auto *mime = new QMimeData;
//   mime->setData(noteClipboardMimeType, encodeClipboardNotes(editor.clipboard(), score.ticksPerQuarter));
//   QGuiApplication::clipboard()->setMimeData(mime);
//   ...
//   std::optional<std::vector<Note>> notes =
//       decodeClipboardNotes(mime->data(noteClipboardMimeType), score.ticksPerQuarter);
//   if (notes) editor.setClipboard(*notes);
//
// The bytes are a small JSON object: {"tuttiNotes": 1, "ticksPerQuarter": 480, "notes":
// [[start, length, pitch, velocity], ...]} with starts relative to the first one. Decoding
// checks every value (and at most maxClipboardNotes notes), rescales the ticks to the
// receiving score's resolution, and returns nullopt for anything else.
#pragma once

#include "score/score.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace tutti {

inline const QString noteClipboardMimeType = QStringLiteral("application/x-tutti-notes");
inline constexpr int maxClipboardNotes = 1'000'000;

QByteArray encodeClipboardNotes(const std::vector<Note> &notes, int ticksPerQuarter);
std::optional<std::vector<Note>> decodeClipboardNotes(const QByteArray &bytes, int ticksPerQuarter);

} // namespace tutti
// end of noteclipboard.h
