// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlwriter.h — MusicXML export: partwise MusicXML 4.0, plain (.musicxml) or compressed (.mxl).
//
// Usage:
//   tutti::MusicXmlWriteResult r = tutti::writeMusicXml(score);      // the document in memory
//   if (!r.ok()) report(r.error);
//   QStringList warnings;
//   QString error = tutti::writeMusicXmlFile(score, u"draft.mxl"_s, &warnings); // empty on success
//
// One part per track: its name, General MIDI program and channel (<midi-instrument>), and a
// standard instrument sound; drum tracks become percussion parts whose notes name their drum
// sound (<midi-unpitched>). Key, time signature and tempo are written where they change.
// Notes are spelled into measures of notated values: ties across bar lines and across the
// beats the metre keeps visible, dotted values, triplets, chords, overlapping notes in
// separate voices, a clef (or a grand staff for keyboards) from each part's range, and
// pitches spelled from the key. Times go onto a grid of 32nd notes and twelfths of a
// quarter, finer (down to 1024th notes) where the score's resolution allows; a note the grid
// cannot spell exactly is moved to its nearest point and counted in one warning.
// readMusicXml() reads a written file back to the same notes whenever none was moved.
#pragma once

#include "score/score.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tutti {

struct MusicXmlWriteResult
{
    QByteArray xml;       // UTF-8 MusicXML document; empty on failure
    QString error;        // empty on success
    QStringList warnings; // notes moved onto the grid, one line
    int movedNotes = 0;   // notes whose start or end the grid could not spell exactly

    bool ok() const { return error.isEmpty(); }
};

// Fails only for a score without tracks or one too long for MusicXML measures.
MusicXmlWriteResult writeMusicXml(const Score &score);
// .mxl (any case) is written compressed, everything else as plain MusicXML; the file is
// replaced only once complete. Returns an error naming the path, empty on success.
QString writeMusicXmlFile(const Score &score, const QString &path, QStringList *warnings = nullptr);

} // namespace tutti
// end of musicxmlwriter.h
