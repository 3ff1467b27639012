// SPDX-License-Identifier: GPL-3.0-or-later
// pitchname.h — how Tutti names a MIDI pitch and which pitches are the piano's black keys.
//
// Usage:
//   QString name = tutti::pitchName(60);        // "C4": middle C, sharps for the black keys
//   bool black = tutti::isBlackKey(61);         // true (C#)
//
// The one naming the keyboard, the notes, the drag label, the attention and teaching views
// and `tutti info` share. Pitches are MIDI numbers, 0..127; negative ones are named as if
// the octaves went on below 0 ("B-2" for -1).
#pragma once

#include <QString>

namespace tutti {

QString pitchName(int pitch);
bool isBlackKey(int pitch);

} // namespace tutti
// end of pitchname.h
