// SPDX-License-Identifier: GPL-3.0-or-later
// infill.cpp — reordering a sequence for fill-in-the-middle.
#include "representation/infill.h"

#include <algorithm>

namespace tutti {

bool InfillGap::isMiddle(const Event &note) const
{
    const int beat = note.beatValue();
    return beat >= firstBeat && beat < endBeat && note.instrument >= 0 && note.instrument < 65
        && instruments.test(static_cast<std::size_t>(note.instrument));
}

std::vector<Event> infillPrompt(std::span<const Event> sequence, const InfillGap &gap)
{
    std::vector<Event> before;
    std::vector<Event> after;
    std::vector<Event> out;
    out.reserve(sequence.size() + 2);
    for (const Event &event : sequence) {
        if (!event.isNote()) {
            if (event.eventType() != EventType::EndOfSong)
                out.push_back(event); // the header
            continue;
        }
        if (event.beatValue() < gap.firstBeat)
            out.push_back(event);
        else if (!gap.isMiddle(event))
            after.push_back(event);
    }
    Event contextAfter = Event::ofType(EventType::InfillContextAfter);
    contextAfter.beat = static_cast<std::int16_t>(gap.firstBeat + 1);
    out.push_back(contextAfter);
    out.insert(out.end(), after.begin(), after.end());
    Event middle = Event::ofType(EventType::InfillMiddle);
    middle.beat = static_cast<std::int16_t>(gap.endBeat); // code of the last beat, endBeat - 1
    out.push_back(middle);
    return out;
}

std::vector<Event> infillSequence(std::span<const Event> sequence, const InfillGap &gap)
{
    std::vector<Event> out = infillPrompt(sequence, gap);
    for (const Event &event : sequence) {
        if (event.isNote() && gap.isMiddle(event))
            out.push_back(event);
    }
    out.push_back(Event::ofType(EventType::EndOfSong));
    return out;
}

} // namespace tutti
// end of infill.cpp
