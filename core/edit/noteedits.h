// SPDX-License-Identifier: GPL-3.0-or-later
// noteedits.h — pure note arithmetic for the editor: snap grids, snapping, quantizing,
// moving and transposing. No document, no undo: commands are built from these results.
//
// Usage:
//   const SnapGrid &grid = snapGrids()[defaultSnapGridIndex];   // 1/16
//   Tick step = grid.ticks(score.ticksPerQuarter);               // 120 at 480 ticks per quarter
//   Tick at = snapNearest(1000, step);                           // 960
//   std::vector<Note> later = movedNotes(selected, clampTimeShift(selected, -step), 0);
//   std::vector<Note> even = quantizedNotes(selected, BarGrid(score, step));
//
// snapNearest/Floor/Ceil count from tick 0; the editor snaps positions with a BarGrid, which
// counts from each bar line, and uses these for lengths and plain steps.
#pragma once

#include "edit/bargrid.h"
#include "score/score.h"

#include <QString>

#include <vector>

namespace tutti {

struct SnapGrid
{
    QString name;       // "1/16", "1/8T"
    int denominator;    // 1 = whole note, 4 = quarter, ...
    bool triplet;       // three in the time of two

    Tick ticks(int ticksPerQuarter) const; // >= 1
};

// Whole note to 1/32, with quarter, eighth and sixteenth triplets, coarse to fine.
const std::vector<SnapGrid> &snapGrids();
inline constexpr int defaultSnapGridIndex = 6; // 1/16

// Nearest and lower multiples of step (step >= 1); negative ticks round the same way.
Tick snapNearest(Tick tick, Tick step);
Tick snapFloor(Tick tick, Tick step);
Tick snapCeil(Tick tick, Tick step);

// The start moved to the nearest grid point, the length rounded to the nearest whole number
// of steps; a length never drops below one step.
Note quantizedNote(const Note &note, const BarGrid &grid);
std::vector<Note> quantizedNotes(const std::vector<Note> &notes, const BarGrid &grid);

// Notes shifted by ticks and semitones, unchecked: clamp the shift first.
std::vector<Note> movedNotes(const std::vector<Note> &notes, Tick ticks, int semitones);
// The shift closest to the request that keeps every start >= 0 / every pitch in 0..127.
Tick clampTimeShift(const std::vector<Note> &notes, Tick ticks);
int clampTransposition(const std::vector<Note> &notes, int semitones);

// First start and last end of a non-empty set of notes.
Tick firstStart(const std::vector<Note> &notes);
Tick lastEnd(const std::vector<Note> &notes);

} // namespace tutti
// end of noteedits.h
