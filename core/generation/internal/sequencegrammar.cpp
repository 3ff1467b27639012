// SPDX-License-Identifier: GPL-3.0-or-later
// sequencegrammar.cpp — the MMT sequence order as a mask.
#include "generation/eventmask.h"

#include "representation/instruments.h"

#include <algorithm>
#include <limits>

namespace tutti {
namespace {

template<typename Allowed>
void keepOnly(std::span<float> logits, Allowed allowed)
{
    for (std::size_t code = 0; code < logits.size(); ++code) {
        if (!allowed(static_cast<int>(code)))
            logits[code] = -std::numeric_limits<float>::infinity();
    }
}

bool typeAllowed(const SamplingState &state, int type)
{
    const std::vector<Event> &history = *state.history;
    if (history.empty())
        return type == static_cast<int>(EventType::StartOfSong);
    // The last slot of a full sequence can only end the song.
    if (static_cast<int>(history.size()) + 1 >= state.maxEvents && type != static_cast<int>(EventType::EndOfSong))
        return false;
    switch (history.back().eventType()) {
    case EventType::StartOfSong:
        return type == static_cast<int>(EventType::Instrument);
    case EventType::Instrument:
        return type == static_cast<int>(EventType::StartOfNotes)
            || (type == static_cast<int>(EventType::Instrument) && history.back().instrument < instrumentCount);
    case EventType::StartOfNotes:
        return type == static_cast<int>(EventType::Note);
    case EventType::Note:
    case EventType::InfillMiddle:
        return type == static_cast<int>(EventType::Note) || type == static_cast<int>(EventType::EndOfSong);
    case EventType::EndOfSong:
    case EventType::InfillContextAfter:
        return false;
    }
    return false;
}

int highestDeclaredInstrument(const SamplingState &state)
{
    for (int code = instrumentCount; code >= 1; --code) {
        if (state.declaredInstruments.test(static_cast<std::size_t>(code)))
            return code;
    }
    return 0;
}

} // namespace

void SequenceGrammar::apply(const SamplingState &state, Field field, std::span<float> logits) const
{
    const Event &current = state.current;
    const Event *last = state.lastNote;
    switch (field) {
    case Field::Type:
        keepOnly(logits, [&](int code) { return typeAllowed(state, code); });
        break;
    case Field::Beat:
        keepOnly(logits, [&](int code) {
            return code >= std::max(state.firstBeatCode, last ? int(last->beat) : 1) && code <= state.lastBeatCode;
        });
        break;
    case Field::Position:
        keepOnly(logits, [&](int code) {
            const bool sameBeat = last && current.beat == last->beat;
            return code >= (sameBeat ? int(last->position) : 1) && code <= positionsPerBeat;
        });
        break;
    case Field::Pitch:
        keepOnly(logits, [](int code) { return code >= 1 && code <= 128; });
        break;
    case Field::Duration:
        keepOnly(logits, [](int code) { return durationTwelfths(code) > 0; });
        break;
    case Field::Instrument:
        if (current.eventType() == EventType::Instrument) {
            const int highest = highestDeclaredInstrument(state);
            keepOnly(logits, [&](int code) { return code > highest && code <= instrumentCount; });
        } else {
            keepOnly(logits, [&](int code) { return code >= 1 && state.declaredInstruments.test(static_cast<std::size_t>(code)); });
        }
        break;
    }
}

} // namespace tutti
// end of sequencegrammar.cpp
