// scorefile.h — open and save any score file Tutti knows, chosen by file name.
//
// Usage:
//   tutti::ScoreReadResult r = tutti::readScoreFile(path);          // .mid .midi .kar
//   QString error = tutti::writeScoreFile(r.score, u"out.tutti"_s);  // .musicxml .xml .mxl
//                                                                    // .tutti (read and write)
// MusicXML is import only: writing it is refused with a message.
#pragma once

#include "readresult.h"

#include <QString>

namespace tutti {

enum class ScoreFormat
{
    Unknown,
    Midi,
    MusicXml,
    Tutti,
};

ScoreFormat scoreFormatForPath(const QString &path);
ScoreReadResult readScoreFile(const QString &path);
QString writeScoreFile(const Score &score, const QString &path); // empty on success

} // namespace tutti
// end of scorefile.h
