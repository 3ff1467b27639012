// SPDX-License-Identifier: GPL-3.0-or-later
// eventmask.h — rules that forbid codes while an event is sampled.
//
// Usage:
//   class OnlyCMajor final : public tutti::EventMask {     // a musical control (later)
//       void apply(const tutti::SamplingState &state, tutti::Field field,
//                  std::span<float> logits) const override { ... logits[code] = -inf; }
//   };
//   tutti::generate(session, prompt, params, {}, {&onlyCMajor});
//
// The sampler draws an event one field at a time (type first, then beat, position, pitch,
// duration, instrument); before each draw every mask may set logits of forbidden codes to
// -infinity. SequenceGrammar is always applied first; controls such as key, range or
// infill regions add masks of their own.
#pragma once

#include "representation/event.h"

#include <bitset>
#include <cstdint>
#include <span>
#include <vector>

namespace tutti {

struct SamplingState
{
    const std::vector<Event> *history = nullptr; // every event so far, prompt included
    Event current;                               // fields drawn so far; the rest are 0
    std::bitset<65> declaredInstruments;         // instrument codes of the instrument events
    const Event *lastNote = nullptr;             // in history; nullptr before the first note
    int maxEvents = maxSequenceEvents;           // the sequence may not grow past this
    // Beat codes a note may take: the window, or after a middle marker the infill gap.
    int firstBeatCode = 1;
    int lastBeatCode = maxBeatsPerWindow;
    int promptEvents = 0;                        // history[0, promptEvents) is the prompt
    std::uint64_t run = 0;                       // differs between generate() calls: masks key caches on it
};

class EventMask
{
public:
    virtual ~EventMask() = default;
    virtual void apply(const SamplingState &state, Field field, std::span<float> logits) const = 0;
};

// The order MMT sequences follow: start-of-song, instruments ascending, start-of-notes,
// notes, end-of-song. Beats never go backwards, nor positions within a beat; notes only
// use declared instruments; beats stay inside the window. MMT's own sampler left the
// instrument list skippable and the instruments unchecked. After a prompt in fill-in-the-
// middle order (infill.h) the notes stay inside the gap; the sampler never writes markers.
class SequenceGrammar final : public EventMask
{
public:
    void apply(const SamplingState &state, Field field, std::span<float> logits) const override;
};

} // namespace tutti
// end of eventmask.h
