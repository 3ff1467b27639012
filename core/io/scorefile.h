// SPDX-License-Identifier: GPL-3.0-or-later
// scorefile.h — open and save any score file Tutti knows, chosen by file name.
//
// Usage:
//   tutti::ScoreReadResult r = tutti::readScoreFile(path);          // .mid .midi .kar .smf
//   QString error = tutti::writeScoreFile(r.score, u"out.tutti"_s);  // .musicxml .xml .mxl
//                                                                    // .tutti (read and write)
//   tutti::readScoreFile(path, tutti::MusicXmlOptions::forListening()); // repeats played out
//
// MusicXML options apply to MusicXML files only; without them repeats stay as written.
// Writing MusicXML may move notes the notation grid cannot spell: `warnings` counts them.
#pragma once

#include "musicxml.h"
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
ScoreReadResult readScoreFile(const QString &path, const MusicXmlOptions &musicXml = {});
// Empty on success; otherwise one line naming the path.
QString writeScoreFile(const Score &score, const QString &path, QStringList *warnings = nullptr);

} // namespace tutti
// end of scorefile.h
