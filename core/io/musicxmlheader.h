// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlheader.h — what a MusicXML file says about itself: titles, composer, encoders.
//
// Usage:
//   tutti::MusicXmlHeader header = tutti::readMusicXmlHeader(u"lc5163799.mxl"_s);
//   if (header.error.isEmpty()) show(header.title(), header.composer, header.software);
//
// Only the header (everything before the part list) of the file's first 64 KiB is read, so
// that a corpus of thousands of files lists in seconds; .mxl, .musicxml and .xml alike.
#pragma once

#include <QString>
#include <QStringList>

namespace tutti {

struct MusicXmlHeader
{
    QString workTitle;     // <work><work-title>
    QString movementTitle; // <movement-title>
    QString composer;      // <identification><creator type="composer">
    QStringList software;  // <identification><encoding><software>, in order: the encoders
    QString error;         // empty when the file could be opened

    // "Le lever (6 Mélodies)": the movement and its work where both are given and differ,
    // else whichever is given; empty when neither is.
    QString title() const;
};

MusicXmlHeader readMusicXmlHeader(const QString &path);

} // namespace tutti
// end of musicxmlheader.h
