// SPDX-License-Identifier: GPL-3.0-or-later
// midifile.h — Standard MIDI File reading (formats 0, 1 and 2) and writing (format 1).
//
// Usage:
//   tutti::ScoreReadResult r = tutti::readMidiFile(u"song.mid"_s);
//   if (!r.ok()) qWarning() << r.error;   // "song.mid: byte 1234: track chunk length ..."
//   QString error = tutti::writeMidiFile(r.score, u"copy.mid"_s);   // empty on success
//
// Reading never crashes, hangs or allocates without bound on hostile bytes: every length is
// checked against what is left of the input. SMPTE time division, empty files and files
// that are not MIDI are refused with a message. What other players tolerate is read with a
// warning: system common and real-time messages inside a track are skipped, a last track a
// few bytes short is read up to its last complete event, and format 2's independent
// sequences play one after another. Format 0 and multi-channel format 1 tracks are split
// into one Score track per channel (and per program, where a channel changes program
// between notes). Channel 10 (index 9) becomes a drum track.
#pragma once

#include "readresult.h"

#include <QByteArray>
#include <QString>

namespace tutti {

// `fileName` only labels error messages.
ScoreReadResult readMidi(const QByteArray &bytes, const QString &fileName);
ScoreReadResult readMidiFile(const QString &path);

// Format 1: a conductor track (title, tempo, time and key signatures), then one track per
// Score track with its name, program, volume, pan and notes, at the score's resolution.
QByteArray writeMidi(const Score &score);
QString writeMidiFile(const Score &score, const QString &path); // empty on success

} // namespace tutti
// end of midifile.h
