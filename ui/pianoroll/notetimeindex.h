// SPDX-License-Identifier: GPL-3.0-or-later
// notetimeindex.h — finds, by binary search, the notes of a track that can reach a tick.
//
// Usage:
//   NoteTimeIndex index;
//   index.rebuild(score);                               // after every score change
//   for (auto it = index.firstReaching(notes, track, from); it != notes.end() && it->start <= to; ++it)
//       ...                                             // candidates overlapping [from, to]
//
// Each track's notes are sorted by onset, so a note ending at or after `from` starts no
// earlier than from minus the track's longest note. Painting and hit testing share it, so a
// click costs the same on a 100,000-note track as on a short one.
#pragma once

#include "score/score.h"

#include <vector>

namespace tutti {

class NoteTimeIndex
{
public:
    void rebuild(const Score &score);
    std::vector<Note>::const_iterator firstReaching(const std::vector<Note> &notes, int track, Tick from) const;

private:
    std::vector<Tick> m_longestNote; // per track
};

} // namespace tutti
// end of notetimeindex.h
