// SPDX-License-Identifier: GPL-3.0-or-later
// notetimeindex.cpp — the longest note per track bounds how far back a search must start.
#include "notetimeindex.h"

#include <algorithm>

namespace tutti {

void NoteTimeIndex::rebuild(const Score &score)
{
    m_longestNote.assign(score.tracks.size(), 0);
    for (std::size_t i = 0; i < score.tracks.size(); ++i)
        for (const Note &note : score.tracks[i].notes)
            m_longestNote[i] = std::max(m_longestNote[i], note.length);
}

std::vector<Note>::const_iterator NoteTimeIndex::firstReaching(const std::vector<Note> &notes, int track,
                                                               Tick from) const
{
    if (track < 0 || static_cast<std::size_t>(track) >= m_longestNote.size())
        return notes.begin(); // not indexed yet: search it all
    return std::lower_bound(notes.begin(), notes.end(), from - m_longestNote[static_cast<std::size_t>(track)],
                            [](const Note &note, Tick t) { return note.start < t; });
}

} // namespace tutti
// end of notetimeindex.cpp
