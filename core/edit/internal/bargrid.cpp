// SPDX-License-Identifier: GPL-3.0-or-later
// bargrid.cpp — grid points restarting at each bar line.
#include "edit/bargrid.h"

#include "edit/noteedits.h"

#include <algorithm>

namespace tutti {

BarGrid::BarGrid(const Score &score, Tick step)
    : m_map(score)
    , m_step(std::max<Tick>(1, step))
{
}

Tick BarGrid::floor(Tick tick) const
{
    if (tick < 0)
        return snapFloor(tick, m_step);
    const Tick barStart = m_map.barStart(m_map.barAt(tick));
    return barStart + snapFloor(tick - barStart, m_step);
}

Tick BarGrid::ceil(Tick tick) const
{
    const Tick below = floor(tick);
    if (below == tick)
        return tick;
    if (tick < 0)
        return below + m_step;
    return std::min(below + m_step, m_map.barStart(m_map.barAt(tick) + 1));
}

Tick BarGrid::nearest(Tick tick) const
{
    const Tick below = floor(tick);
    const Tick above = ceil(tick);
    return tick - below < above - tick ? below : above;
}

} // namespace tutti
// end of bargrid.cpp
