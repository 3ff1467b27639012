// SPDX-License-Identifier: GPL-3.0-or-later
// eventticks.h — where an MMT note event falls in a score: the one conversion from the
// model's twelfths of a beat to a score's ticks.
//
// Usage:
//   tutti::Tick start = tutti::eventStartTick(note, score.ticksPerQuarter);   // beat 0 = tick 0
//   tutti::Tick length = tutti::eventLengthTicks(note, score.ticksPerQuarter); // >= 1
//   tutti::Tick at = windowStart + start;                                      // a window's notes
//
// Every conversion rounds to the nearest tick, halves up, so that a note's start and end
// land on the same ticks whichever code converts them (the decoder, the suggestions and the
// teaching view all do). At 480 or 960 ticks per quarter every twelfth is a whole number of
// ticks; at 100, one twelfth (8.33) becomes 8 ticks, two (16.67) become 17, and 1.5 (12.5)
// become 13. Twelfths < 0 are not meant to occur.
#pragma once

#include "representation/event.h"
#include "score/score.h"

#include <cstdint>

namespace tutti {

// twelfths / 12 quarter notes in ticks, to the nearest tick (halves up).
Tick ticksFromTwelfths(std::int64_t twelfths, int ticksPerQuarter);
// A note event's onset, counted from its window's beat 0.
Tick eventStartTick(const Event &note, int ticksPerQuarter);
// A note event's duration, at least one tick (0 twelfths for an invalid duration code: 1 tick).
Tick eventLengthTicks(const Event &note, int ticksPerQuarter);

} // namespace tutti
// end of eventticks.h
