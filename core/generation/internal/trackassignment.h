// SPDX-License-Identifier: GPL-3.0-or-later
// trackassignment.h — which score track each generated note goes to.
//
// Usage (suggestion.cpp):
//   tutti::TrackAssignment tracks(score, candidateTracks, {}, contextFrom, contextTo);
//   std::vector<tutti::SuggestedPart> parts = tracks.assign(notes, score.ticksPerQuarter,
//                                                           firstTick, endTick, false);
//
// The model knows instruments, not tracks: a string quartet's two violins are one
// instrument to it. A note goes to a candidate track of its instrument: alone, to the one
// whose notes (in the reference span, else anywhere) lie nearest in pitch; in a chord of
// one instrument, highest note to highest track and so on, so two violins stay two parts.
// A note whose instrument has no candidate track goes to a new track for it.
#pragma once

#include "generation/suggestion.h"
#include "representation/event.h"

#include <map>
#include <span>
#include <vector>

namespace tutti {

class TrackAssignment
{
public:
    TrackAssignment() = default;
    // programOfCode: the program a new track of an instrument code gets (default: the
    // program instruments.h writes back for it).
    TrackAssignment(const Score &score, const std::vector<int> &candidateTracks, std::map<int, int> programOfCode,
                    Tick referenceFrom, Tick referenceTo);

    // Note events with absolute beats (beat code - 1 quarter notes from tick 0) as notes of
    // the parts; only notes starting in [firstTick, endTick) are kept, and with clipToEnd
    // they also end by endTick.
    std::vector<SuggestedPart> assign(std::span<const Event> notes, int ticksPerQuarter, Tick firstTick, Tick endTick,
                                      bool clipToEnd) const;

private:
    struct Candidate
    {
        int track = -1;
        double meanPitch = 60.0;
        int velocity = 80;
    };
    std::map<int, std::vector<Candidate>> m_byInstrument; // by code, highest mean pitch first
    std::map<int, int> m_programOfCode;
    int m_trackCount = 0;
    std::vector<int> m_usedChannels;
};

} // namespace tutti
// end of trackassignment.h
