// SPDX-License-Identifier: GPL-3.0-or-later
// musicxml.h — MusicXML import: .musicxml/.xml (partwise) and compressed .mxl.
//
// Usage:
//   tutti::ScoreReadResult r = tutti::readMusicXmlFile(u"quartet.mxl"_s);
//   tutti::MusicXmlOptions playback;                                  // as a player hears it:
//   playback.expandRepeats = playback.expandTremolos = true;
//   tutti::ScoreReadResult heard = tutti::readMusicXmlFile(u"quartet.mxl"_s, playback);
//
// ScoreReadResult::playback says how repeats and tremolos were read ("repeats played out: 3
// repeat bar lines, 1 volta group; tremolos as written").
//
// Parts become tracks with General MIDI programs (from <midi-instrument>, else guessed from
// the part or instrument name). Ties merge into one note. Grace notes are skipped (they take
// no time in MusicXML); each skip is counted in a warning.
#pragma once

#include "readresult.h"

#include <QByteArray>
#include <QString>

namespace tutti {

struct MusicXmlOptions
{
    bool expandRepeats = false;  // play repeats and volta endings out, as a performance would
    bool expandTremolos = false; // write tremolos out as the repeated notes a player plays
    // With expandRepeats: keep the written order where the structure is ambiguous (parts
    // disagree on repeat bar lines or endings, a D.S. has no segno, or the repeats would play
    // absurdly long). ScoreReadResult::playback says which way was taken, and why.
    bool onlyUnambiguousRepeats = false;

    // What Tutti's GUI and CLI use unless told otherwise: repeats played out where the
    // structure is unambiguous, tremolos as written.
    static MusicXmlOptions forListening() { return {true, false, true}; }
};

// `bytes` is an uncompressed MusicXML document; `fileName` only labels messages.
ScoreReadResult readMusicXml(const QByteArray &bytes, const QString &fileName,
                             const MusicXmlOptions &options = {});
// Reads .musicxml, .xml or .mxl (a zip with META-INF/container.xml naming the root file).
ScoreReadResult readMusicXmlFile(const QString &path, const MusicXmlOptions &options = {});

// General MIDI program (0-based) for an instrument or part name such as "Violoncello",
// "Viola 2" or "Soprano"; -1 when nothing matches.
int programFromInstrumentName(const QString &name);

} // namespace tutti
// end of musicxml.h
