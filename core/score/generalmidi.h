// SPDX-License-Identifier: GPL-3.0-or-later
// generalmidi.h — the General MIDI Level 1 instrument names, in one place.
//
// Usage:
//   QString name = tutti::generalMidiProgramName(40);    // "Violin"
//   QString family = tutti::generalMidiFamilyName(40);   // "Strings"
//
// Programs are 0-based (0..127), as stored in Track::program and sent in a MIDI program
// change; the GM standard numbers them 1..128 in print. Each family holds eight programs.
#pragma once

#include <QString>

namespace tutti {

// Empty for a program outside 0..127.
QString generalMidiProgramName(int program);
QString generalMidiFamilyName(int program);

} // namespace tutti
// end of generalmidi.h
