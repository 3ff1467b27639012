// SPDX-License-Identifier: GPL-3.0-or-later
// noteedits.cpp — snapping and note arithmetic.
#include "edit/noteedits.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti {

Tick SnapGrid::ticks(int ticksPerQuarter) const
{
    const double whole = 4.0 * ticksPerQuarter / denominator;
    return std::max<Tick>(1, std::llround(triplet ? whole * 2.0 / 3.0 : whole));
}

const std::vector<SnapGrid> &snapGrids()
{
    static const std::vector<SnapGrid> grids = {
        {u"1/1"_s, 1, false},
        {u"1/2"_s, 2, false},
        {u"1/4"_s, 4, false},
        {u"1/4T"_s, 4, true},
        {u"1/8"_s, 8, false},
        {u"1/8T"_s, 8, true},
        {u"1/16"_s, 16, false},
        {u"1/16T"_s, 16, true},
        {u"1/32"_s, 32, false},
    };
    return grids;
}

Tick snapFloor(Tick tick, Tick step)
{
    const Tick quotient = tick / step;
    return (tick % step != 0 && tick < 0 ? quotient - 1 : quotient) * step;
}

Tick snapCeil(Tick tick, Tick step)
{
    const Tick floor = snapFloor(tick, step);
    return floor == tick ? tick : floor + step;
}

Tick snapNearest(Tick tick, Tick step)
{
    return snapFloor(tick + step / 2, step);
}

Note quantizedNote(const Note &note, const BarGrid &grid)
{
    Note result = note;
    result.start = grid.nearest(note.start);
    result.length = std::max(grid.step(), snapNearest(note.length, grid.step()));
    return result;
}

std::vector<Note> quantizedNotes(const std::vector<Note> &notes, const BarGrid &grid)
{
    std::vector<Note> result;
    result.reserve(notes.size());
    for (const Note &note : notes)
        result.push_back(quantizedNote(note, grid));
    return result;
}

std::vector<Note> movedNotes(const std::vector<Note> &notes, Tick ticks, int semitones)
{
    std::vector<Note> result = notes;
    for (Note &note : result) {
        note.start += ticks;
        note.pitch += semitones;
    }
    return result;
}

Tick clampTimeShift(const std::vector<Note> &notes, Tick ticks)
{
    if (notes.empty())
        return ticks;
    return std::max(ticks, -firstStart(notes));
}

int clampTransposition(const std::vector<Note> &notes, int semitones)
{
    if (notes.empty())
        return semitones;
    const auto [low, high] = std::minmax_element(notes.begin(), notes.end(),
                                                 [](const Note &a, const Note &b) { return a.pitch < b.pitch; });
    return std::clamp(semitones, -low->pitch, 127 - high->pitch);
}

Tick firstStart(const std::vector<Note> &notes)
{
    Tick first = notes.front().start;
    for (const Note &note : notes)
        first = std::min(first, note.start);
    return first;
}

Tick lastEnd(const std::vector<Note> &notes)
{
    Tick last = notes.front().start + notes.front().length;
    for (const Note &note : notes)
        last = std::max(last, note.start + note.length);
    return last;
}

} // namespace tutti
// end of noteedits.cpp
