// SPDX-License-Identifier: GPL-3.0-or-later
// mxlcontainer.h — the MusicXML document inside a compressed .mxl file.
//
// Usage (inside core/io only):
//   tutti::MxlContent content = tutti::readMxlContainer(u"quartet.mxl"_s);
//   if (!content.error.isEmpty()) return ScoreReadResult::failure(content.error);
//   parse(content.xml);   // the root file META-INF/container.xml names
//   QByteArray zip = tutti::mxlPackage(xml, &error);          // and the other way
//
// Falls back to the first .xml or .musicxml entry outside META-INF when the container
// file is missing or names nothing usable. Entries larger than maxMxlEntryBytes once
// uncompressed are refused (a zip bomb), checked while inflating, not just from the header.
#pragma once

#include <QByteArray>
#include <QString>

namespace tutti {

inline constexpr qint64 maxMxlEntryBytes = 200LL * 1024 * 1024;

struct MxlContent
{
    QByteArray xml;
    QString entryName; // the root file's path inside the archive
    QString error;     // empty on success; names the .mxl file
};

// With prefixBytes > 0, only about that many bytes of the root file (at least that many
// where the file is longer): enough for its header.
MxlContent readMxlContainer(const QString &path, qint64 prefixBytes = -1);

// A compressed .mxl holding `xml` as score.musicxml, with the mimetype entry and the
// META-INF/container.xml that names it. Empty, with `error` set, if zipping failed.
QByteArray mxlPackage(const QByteArray &xml, QString *error);

} // namespace tutti
// end of mxlcontainer.h
