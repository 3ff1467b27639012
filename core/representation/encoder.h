// SPDX-License-Identifier: GPL-3.0-or-later
// encoder.h — Score -> MMT event sequence.
//
// Usage:
//   std::vector<tutti::Event> events = tutti::encode(score);      // the first 256 beats
//   // training: encode the whole piece once, then cut windows from it
//   std::vector<tutti::Event> notes = tutti::scoreNoteEvents(score);
//   tutti::EncodeOptions window; window.firstBeat = 64;
//   std::vector<tutti::Event> sequence = tutti::sequenceFromNotes(notes, window);
//
// A sequence is: start-of-song; one instrument event per instrument that has notes in the
// window, ascending; start-of-notes; the notes sorted by (beat, position, pitch, duration,
// instrument) without duplicates; end-of-song. Onsets are rounded to the nearest twelfth of
// a quarter note and durations snapped to the nearest table value (ties to the shorter).
// Drum tracks and programs MMT drops (see instruments.h) are left out. When the notes do not
// all fit in maxEvents, the sequence stops after the last note that fits and has no
// end-of-song: the music goes on past it.
#pragma once

#include "representation/event.h"
#include "score/score.h"

#include <optional>
#include <span>
#include <vector>

namespace tutti {

struct EncodeOptions
{
    int firstBeat = 0;                      // window start, in quarter notes of the score
    int beatCount = maxBeatsPerWindow;      // 1..256: notes at [firstBeat, firstBeat + beatCount)
    int maxEvents = maxSequenceEvents;      // >= 4
};

// Every note of the score as a note event whose beat counts from the start of the score
// (its code may exceed 256), sorted and de-duplicated. Notes past beat 30000 are dropped.
std::vector<Event> scoreNoteEvents(const Score &score);

// The event scoreNoteEvents makes of one note of `track`, or std::nullopt when it leaves
// the note out (drum track, dropped program, pitch or onset out of range).
std::optional<Event> scoreNoteEvent(const Track &track, const Note &note, int ticksPerQuarter);

// Builds one sequence from note events (sorted as scoreNoteEvents returns them); the
// window's beats are renumbered from 0.
std::vector<Event> sequenceFromNotes(std::span<const Event> notes, const EncodeOptions &options = {});

std::vector<Event> encode(const Score &score, const EncodeOptions &options = {});

} // namespace tutti
// end of encoder.h
