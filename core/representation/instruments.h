// SPDX-License-Identifier: GPL-3.0-or-later
// instruments.h — the 64 MMT instruments and how General MIDI programs fold into them.
//
// Usage:
//   int code = tutti::instrumentForProgram(42);          // 27, cello
//   QString name = tutti::instrumentName(code);           // "cello"
//   int program = tutti::programForInstrument(code);      // 42, written back when decoding
//
// This is the only place that knows the table. Programs are 0-based General MIDI numbers.
// As in MMT, programs 76-78, 96-103, 112-116 and 120-127 (sound effects and the odd ethnic
// or percussive sounds the table has no room for) have no instrument: their tracks are
// dropped when encoding, and so are drum tracks (Track::isDrum, MIDI channel 10), whose
// pitches name drum sounds rather than notes. MMT's public code agrees with this table:
// fiddle (110) plays as violin, tremolo and pizzicato strings (44, 45) as strings.
#pragma once

#include <QString>

namespace tutti {

inline constexpr int instrumentCount = 64;

// Instrument code 1..64, or 0 when the program (0..127) is dropped or out of range.
int instrumentForProgram(int program);
// The program a decoded track gets (MMT's choice where several fold together: 0 for piano,
// 49 for strings, 52 for voices, ...); -1 for codes outside 1..64.
int programForInstrument(int instrumentCode);
// MMT's name, e.g. "english-horn"; empty for codes outside 1..64.
QString instrumentName(int instrumentCode);
// Lowest and highest MIDI pitch the instrument plays (a generous written range, used to
// keep transposed training data playable); 0..127 where the instrument has no clear range.
int lowestPitch(int instrumentCode);
int highestPitch(int instrumentCode);

} // namespace tutti
// end of instruments.h
