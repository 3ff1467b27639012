// SPDX-License-Identifier: GPL-3.0-or-later
// bargrid.h — the snap grid counted from every bar line, so that each bar starts on a grid
// point even after a metre change (3/4 then 4/4 on a half-note grid) or where a bar is not a
// whole number of grid steps (6/8 with quarter triplets).
//
// Usage:
//   const BarGrid grid(score, editor.gridStep());
//   Tick start = grid.floor(mouseTick);      // the grid point at or before the tick
//   Tick end = grid.ceil(mouseTick);         // at or after
//   Tick onset = grid.nearest(note.start);   // the closer one (the later one on a tie)
//
// Within a bar the points are barStart + k * step, plus the next bar line, so a bar's last
// cell may be shorter than a step. Ticks before 0 use the plain grid from tick 0.
#pragma once

#include "score/score.h"
#include "score/timemap.h"

namespace tutti {

class BarGrid
{
public:
    BarGrid(const Score &score, Tick step); // step >= 1

    Tick step() const { return m_step; }
    Tick floor(Tick tick) const;
    Tick ceil(Tick tick) const;
    Tick nearest(Tick tick) const;
    Tick after(Tick tick) const { return ceil(tick + 1); }   // the first point later than tick
    Tick before(Tick tick) const { return floor(tick - 1); } // the last point earlier than tick

private:
    TimeMap m_map;
    Tick m_step;
};

} // namespace tutti
// end of bargrid.h
