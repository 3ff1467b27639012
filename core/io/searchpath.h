// SPDX-License-Identifier: GPL-3.0-or-later
// searchpath.h — the first file of a search order that exists.
//
// Usage:
//   QString path = tutti::firstExistingFile(modelSearchOrder()); // canonical, or empty
//
// The model, the originality index and the default SoundFont are each found this way.
#pragma once

#include <QFileInfo>
#include <QString>
#include <QStringList>

namespace tutti {

inline QString firstExistingFile(const QStringList &searchOrder)
{
    for (const QString &path : searchOrder) {
        const QFileInfo file(path);
        if (file.isFile())
            return file.canonicalFilePath();
    }
    return {};
}

} // namespace tutti
// end of searchpath.h
