// SPDX-License-Identifier: GPL-3.0-or-later
// copyguard.h — what the sampler asks so that it never writes a copy of a training piece.
//
// Usage:
//   std::shared_ptr<const tutti::CopyGuard> guard = tutti::makeIndexCopyGuard(index); // analysis/
//   request.copyGuard = guard;                    // suggestion.h: on unless avoidCopies is false
//   // inside the sampler, for one track's line so far (one pitch per onset, oldest first):
//   std::bitset<128> ruledOut = guard->copyingPitches(line, nextStep);
//   // once a candidate is finished, its notes in the tracks they went to:
//   if (guard->copies(score, candidate)) drawAgain();
//
// An interface so core/generation needs nothing of the originality index and a test can
// hand in a fake. A line is what the originality check compares (analysis/originalityindex.h):
// one pitch per onset, onsets in twelfths of a quarter note.
#pragma once

#include <bitset>
#include <cstdint>
#include <span>

namespace tutti {

struct Score;
struct Suggestion;

struct LinePoint
{
    std::int64_t step = 0; // onset, twelfths of a quarter note
    int pitch = 0;         // 0..127
};

class CopyGuard
{
public:
    virtual ~CopyGuard() = default;
    // The pitches that, as the next note of `line` at `step` (after the line's last onset),
    // would end a passage the originality check flags as copied. Must be cheap: it is asked
    // for every sampled note.
    virtual std::bitset<128> copyingPitches(std::span<const LinePoint> line, std::int64_t step) const = 0;
    // Whether the finished candidate copies, judged as the originality check judges it: its
    // notes in the tracks they went to. The sampler sees one line per instrument, so the notes
    // that two tracks of one instrument share out (two violins) can hide a copy from
    // copyingPitches; a candidate this flags is drawn again.
    virtual bool copies(const Score &score, const Suggestion &candidate) const = 0;
};

} // namespace tutti
// end of copyguard.h
