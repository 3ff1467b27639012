// SPDX-License-Identifier: GPL-3.0-or-later
// notesources.h — an encoded sequence together with the score notes its note events stand for.
//
// Usage:
//   tutti::SourcedSequence s = tutti::encodeWithSources(score);   // same events as encode()
//   for (std::size_t i = 0; i < s.events.size(); ++i)
//       if (s.sources[i].isNote()) use(score.tracks[s.sources[i].track].notes[s.sources[i].note]);
//   int event = s.eventOfNote[track][note];                       // -1: not in the sequence
//
// The attention views need this: the model sees sorted, de-duplicated events, the editor
// shows tracks of notes. Notes the encoder merges (the same onset, pitch, duration and
// instrument on two tracks) all map to the one event; that event's source is the first of
// them in track order. Indices refer to the score as it was when encoded.
#pragma once

#include "representation/encoder.h"
#include "representation/event.h"
#include "score/score.h"

#include <vector>

namespace tutti {

struct NoteSource
{
    int track = -1; // index into Score::tracks; -1 for events that are not notes
    int note = -1;  // index into that track's notes

    bool isNote() const { return track >= 0; }
    friend bool operator==(const NoteSource &, const NoteSource &) = default;
};

struct SourcedSequence
{
    std::vector<Event> events;                  // exactly encode(score, options)
    std::vector<NoteSource> sources;            // one per event
    std::vector<std::vector<int>> eventOfNote;  // [track][note]: event index, or -1
};

SourcedSequence encodeWithSources(const Score &score, const EncodeOptions &options = {});

} // namespace tutti
// end of notesources.h
