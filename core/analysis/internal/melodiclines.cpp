// SPDX-License-Identifier: GPL-3.0-or-later
// melodiclines.cpp — chords to one voice, on the twelfth-of-a-beat grid.
#include "melodiclines.h"

#include <algorithm>

namespace tutti {

std::int64_t stepOfTick(Tick tick, int ticksPerQuarter)
{
    const std::int64_t quarter = std::max(1, ticksPerQuarter);
    return (tick * 12 * 2 + quarter) / (2 * quarter);
}

std::vector<LineNote> melodicLine(const Track &track, int ticksPerQuarter, Tick from, Tick to, Voice voice)
{
    std::vector<LineNote> notes;
    if (track.isDrum)
        return notes;
    for (const Note &note : track.notes) {
        if (note.start >= from && note.start < to && note.start >= 0 && note.pitch >= 0 && note.pitch <= 127)
            notes.push_back({stepOfTick(note.start, ticksPerQuarter), note.pitch, note.start,
                             note.start + std::max<Tick>(1, note.length)});
    }
    // Within a step the kept note sorts first: highest pitch for the top voice, lowest for the bottom.
    std::sort(notes.begin(), notes.end(), [voice](const LineNote &a, const LineNote &b) {
        if (a.step != b.step)
            return a.step < b.step;
        if (a.pitch != b.pitch)
            return voice == Voice::Top ? a.pitch > b.pitch : a.pitch < b.pitch;
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    notes.erase(std::unique(notes.begin(), notes.end(),
                            [](const LineNote &a, const LineNote &b) { return a.step == b.step; }),
                notes.end());
    return notes;
}

std::uint16_t intervalSymbol(int previousPitch, std::int64_t previousStep, int pitch, std::int64_t step)
{
    const int interval = pitch - previousPitch + 128;                       // 1..255
    const int gap = static_cast<int>(std::min<std::int64_t>(step - previousStep, 255)); // 1..255
    return static_cast<std::uint16_t>((interval << 8) | gap);
}

} // namespace tutti
// end of melodiclines.cpp
