// SPDX-License-Identifier: GPL-3.0-or-later
// teachingrun.h — one suggestion recorded step by step for the teaching view: every event the
// model added, what it was choosing between, and the notes it wrote, placed in the score.
//
// Usage (on a worker thread; ui/teaching/TeachingRunner does it):
//   TeachingRequest request = teachingRequest(score, suggestionsForm.request(), 32);
//   TeachingRun run = recordSuggestion(session, request, cancelled, progress);
//   for (const TeachingNote &n : run.notes) draw(n.note, run.steps[n.step]);
//
// The run is suggest() itself (suggestion.h) with one candidate: the same prompt, window,
// masks (playable range, scale, no early end) and sampling as the Suggestions dock, so the
// view teaches what the product does; it stops after `notes` notes. Each note is placed
// where the candidate puts it (its track, start and length in the score's ticks).
#pragma once

#include "analysis/generationtrace.h"
#include "generation/suggestion.h"
#include "score/score.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace tutti {

struct TeachingRequest
{
    Score score;                  // the context (a copy)
    SuggestionRequest suggestion; // as the Suggestions dock asks; one candidate is written
    int notes = 32;               // notes to write, 1..256
};

struct TeachingNote
{
    int step = 0;                 // index into TeachingRun::steps
    Note note;                    // in the score's ticks
    int track = -1;               // the score's track it goes to; -1: a new track
    std::uint32_t colour = 0x9a9ea6;
    Tick windowStart = 0;         // the score's tick of its window's beat 0 (beat codes count from it)
    bool kept = true;             // the candidate keeps it (false: before the span it writes)
};

struct TeachingRun
{
    std::vector<GenerationStep> steps;  // every event the model added
    std::vector<TeachingNote> notes;    // the note steps, in order
    Tick firstTick = 0;                 // the first window's beat 0 in the score
    Tick writeFrom = 0;                 // the span the request writes, [writeFrom, writeTo)
    Tick writeTo = 0;
    int promptEvents = 0;               // of the first window
    int promptNotes = 0;
    bool ended = false;                 // the model reached the end of the bars asked for
    QString error;
};

// The Suggestions dock's request with one candidate (clamps notes to 1..256).
TeachingRequest teachingRequest(const Score &score, SuggestionRequest suggestion, int notes);
// Without the dock's form: continue the range (bars 1-4 when it is empty) for 8 bars, or a
// new piece for an empty score, with the default sampling and `seed`.
TeachingRequest teachingRequest(const Score &score, Tick rangeBegin, Tick rangeEnd, int notes, std::uint64_t seed);

TeachingRun recordSuggestion(LogitSource &model, const TeachingRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int notesWritten)> &progress = {});

} // namespace tutti
// end of teachingrun.h
