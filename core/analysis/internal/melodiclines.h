// SPDX-License-Identifier: GPL-3.0-or-later
// melodiclines.h — one melodic line per voice of a track: a note per onset, chords reduced.
//
// Usage (inside core/analysis only):
//   std::vector<LineNote> top = melodicLine(track, score.ticksPerQuarter, from, to, Voice::Top);
//   std::uint16_t s = intervalSymbol(top[i - 1], top[i]);   // what the index compares
//
// Onsets are rounded to twelfths of a quarter note, as the MMT representation quantises
// them; notes that land on the same step form one chord, and a voice keeps one pitch of
// it: the highest (Top) or the lowest (Bottom). Two notes are compared through the
// interval between them (semitones) and the gap between their onsets (steps), so the same
// line transposed gives the same symbols.
#pragma once

#include "score/score.h"

#include <cstdint>
#include <vector>

namespace tutti {

enum class Voice
{
    Top,
    Bottom,
};

struct LineNote
{
    std::int64_t step = 0; // onset, twelfths of a quarter note
    int pitch = 0;
    Tick start = 0;        // the chosen note's own onset and end, in the score's ticks
    Tick end = 0;
};

// The voice of the notes whose onset lies in [from, to), by ascending step. Drum tracks
// have no melodic line (their pitches are sounds) and give an empty vector.
std::vector<LineNote> melodicLine(const Track &track, int ticksPerQuarter, Tick from, Tick to, Voice voice);

// Twelfths of a quarter note, rounded to nearest (halves up); tick >= 0.
std::int64_t stepOfTick(Tick tick, int ticksPerQuarter);

// 0 never appears between two notes of a line: it marks the start of a line.
inline constexpr std::uint16_t lineStartSymbol = 0;

// (interval + 128) in the high byte, the onset gap capped at 255 steps in the low byte.
// Precondition: previous.step < next.step, pitches 0..127.
std::uint16_t intervalSymbol(int previousPitch, std::int64_t previousStep, int pitch, std::int64_t step);

} // namespace tutti
// end of melodiclines.h
