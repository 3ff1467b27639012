// SPDX-License-Identifier: GPL-3.0-or-later
// infill.h — fill-in-the-middle order: how a decoder-only model learns to fill a gap.
//
// Usage:
//   tutti::InfillGap gap;
//   gap.firstBeat = 16;  gap.endBeat = 24;              // beats 16..23 of the window
//   gap.instruments.set(25);                            // the violin's notes there are the middle
//   std::vector<tutti::Event> prompt = tutti::infillPrompt(sequence, gap);
//   // ... the model samples the middle's notes after the prompt, then end-of-song
//   std::vector<tutti::Event> training = tutti::infillSequence(sequence, gap);
//
// A plain sequence is: start-of-song, instruments, start-of-notes, notes, [end-of-song].
// Its fill-in-the-middle form keeps the header and reorders the notes:
//   header, notes before the gap,
//   context-after marker (beat = the gap's first beat),
//   notes from the gap on that are not middle notes (other instruments inside the gap,
//   every instrument after it), in time order,
//   middle marker (beat = the gap's last beat),
//   the middle notes (the gap's instruments inside the gap), in time order, end-of-song.
// Both markers carry beat codes inside the gap, so the model sees the gap's bounds through
// the beat embedding it already has. The vocabulary is unchanged (types 5 and 6 were
// reserved for this in representation version 1).
#pragma once

#include "representation/event.h"

#include <bitset>
#include <span>
#include <vector>

namespace tutti {

struct InfillGap
{
    int firstBeat = 0;                // in the window, 0-based
    int endBeat = 0;                  // one past the gap's last beat; firstBeat < endBeat <= 256
    std::bitset<65> instruments;      // instrument codes whose notes in the gap form the middle

    bool isMiddle(const Event &note) const;
};

// The fill-in-the-middle form of `sequence` (see above): same events plus the two markers,
// and always an end-of-song after the middle.
std::vector<Event> infillSequence(std::span<const Event> sequence, const InfillGap &gap);

// The same up to and including the middle marker: what the model continues from.
std::vector<Event> infillPrompt(std::span<const Event> sequence, const InfillGap &gap);

} // namespace tutti
// end of infill.h
