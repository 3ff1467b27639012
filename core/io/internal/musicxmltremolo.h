// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmltremolo.h — tremolos written out as the repeated notes a player plays.
//
// Usage (inside core/io only):
//   std::vector<tutti::WrittenNote> heard = tutti::playTremolos(measure.notes, ticksPerQuarter);
//
// A tremolo repeats at the value its strokes and the note's own beams or flags make together
// (one stroke on a quarter: eighths; one stroke on an eighth: 16ths), as MuseScore plays it. A single-note tremolo repeats its note or
// chord for the note's length; a two-note tremolo alternates its first and second note or
// chord over both their lengths. A note shorter than two repetitions stays as written. Notes
// without a tremolo pass through unchanged.
#pragma once

#include "musicxmldocument.h"

#include <vector>

namespace tutti {

std::vector<WrittenNote> playTremolos(const std::vector<WrittenNote> &notes, int ticksPerQuarter);

} // namespace tutti
// end of musicxmltremolo.h
