// SPDX-License-Identifier: GPL-3.0-or-later
// scorefile.cpp — choose the reader or writer from the file name.
#include "io/scorefile.h"

#include "io/midifile.h"
#include "io/musicxml.h"
#include "io/musicxmlwriter.h"
#include "io/tuttifile.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tutti {

ScoreFormat scoreFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"mid"_s || suffix == u"midi"_s || suffix == u"kar"_s || suffix == u"smf"_s)
        return ScoreFormat::Midi;
    if (suffix == u"musicxml"_s || suffix == u"xml"_s || suffix == u"mxl"_s)
        return ScoreFormat::MusicXml;
    if (suffix == u"tutti"_s)
        return ScoreFormat::Tutti;
    return ScoreFormat::Unknown;
}

ScoreReadResult readScoreFile(const QString &path, const MusicXmlOptions &musicXml)
{
    const QFileInfo info(path);
    if (!info.exists())
        return ScoreReadResult::failure(path + u": no such file"_s);
    if (info.isDir())
        return ScoreReadResult::failure(path + u": is a folder, not a score file"_s);
    switch (scoreFormatForPath(path)) {
    case ScoreFormat::Midi: return readMidiFile(path);
    case ScoreFormat::MusicXml: return readMusicXmlFile(path, musicXml);
    case ScoreFormat::Tutti: return readTuttiFile(path);
    case ScoreFormat::Unknown: break;
    }
    return ScoreReadResult::failure(path + u": unknown file type (Tutti reads .mid, .midi, .musicxml, .xml, "
                                           ".mxl and .tutti)"_s);
}

QString writeScoreFile(const Score &score, const QString &path, QStringList *warnings)
{
    if (warnings)
        warnings->clear();
    switch (scoreFormatForPath(path)) {
    case ScoreFormat::Midi: return writeMidiFile(score, path);
    case ScoreFormat::Tutti: return writeTuttiFile(score, path);
    case ScoreFormat::MusicXml: return writeMusicXmlFile(score, path, warnings);
    case ScoreFormat::Unknown: break;
    }
    return path + u": unknown file type to write (use .mid, .musicxml, .mxl or .tutti)"_s;
}

} // namespace tutti
// end of scorefile.cpp
