// SPDX-License-Identifier: GPL-3.0-or-later
// eventticks.cpp — twelfths of a beat to ticks, rounded once, in one place.
#include "representation/eventticks.h"

#include <algorithm>

namespace tutti {

Tick ticksFromTwelfths(std::int64_t twelfths, int ticksPerQuarter)
{
    // twelfths * tpq / 12, plus one half, floored: (2 * twelfths * tpq + 12) / 24.
    return (2 * twelfths * ticksPerQuarter + positionsPerBeat) / (2 * positionsPerBeat);
}

Tick eventStartTick(const Event &note, int ticksPerQuarter)
{
    return ticksFromTwelfths(note.onsetTwelfths(), ticksPerQuarter);
}

Tick eventLengthTicks(const Event &note, int ticksPerQuarter)
{
    return std::max<Tick>(1, ticksFromTwelfths(durationTwelfths(note.duration), ticksPerQuarter));
}

} // namespace tutti
// end of eventticks.cpp
