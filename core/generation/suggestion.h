// SPDX-License-Identifier: GPL-3.0-or-later
// suggestion.h — asking the model for music in a score: four modes, controls, candidates.
//
// Usage:
//   tutti::SuggestionRequest request;
//   request.mode = tutti::SuggestionMode::Continue;
//   request.firstBar = 4;                  // context: bars 5..8 (0-based bars [4, 8))
//   request.endBar = 8;
//   request.lengthBars = 8;                // write bars 9..16
//   request.candidates = 4;                // seeds sampling.seed, seed + 1, ...
//   tutti::GenerationSession session(model);                     // core/model
//   tutti::SuggestionResult result = tutti::suggest(session, score, request, callbacks);
//   if (!result.error.isEmpty()) complain(result.error);
//   tutti::Score withIt = tutti::applySuggestion(score, result.candidates.front());
//
// Where each mode writes (bars are 0-based and count from the score's first bar):
//   New          bars [firstBar, firstBar + lengthBars), a piece from nothing
//   Instruments  the same, for exactly the instruments of `programs`
//   Continue     bars [endBar, endBar + lengthBars), after the context [firstBar, endBar);
//                the context's instruments (every pitched track's) are the ones written, or
//                only those of `programs` when it is not empty; on accept the continuation
//                replaces what the written instruments' tracks had there
//   Infill       bars [firstBar, endBar) of `tracks`, keeping the music before and after
// Nothing is written outside those bars. A note goes to the score's track of the same MMT
// instrument (of several, the one whose notes lie nearest in pitch: two violins stay two
// parts), else to a new track. Notes keep their length except in Infill, where they end by
// the gap's end. Past 1,024 events (or 256 beats) the model's window slides on.
#pragma once

#include "generation/copyguard.h"
#include "generation/generationparams.h"
#include "generation/logitsource.h"
#include "generation/musicalcontrols.h"
#include "generation/notecontrols.h"
#include "score/score.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <vector>

namespace tutti {

enum class SuggestionMode
{
    New,
    Instruments,
    Continue,
    Infill,
};

enum class ScaleChoice
{
    Any,          // no pitch is masked
    FromContext,  // estimateScale over the context (Continue, Infill) or the key signature
    Fixed,        // SuggestionRequest::scale
};

struct SuggestionRequest
{
    SuggestionMode mode = SuggestionMode::Continue;
    int firstBar = 0;             // see the table above; 0-based
    int endBar = 0;               // Continue, Infill: one past the last context / replaced bar
    int lengthBars = 8;           // New, Instruments, Continue: 1..32
    std::vector<int> programs;    // Instruments (and Continue, optionally): General MIDI programs (0..127) to write for
    std::vector<int> tracks;      // Infill: score track indices to rewrite; empty = every pitched track
    ScaleChoice scaleChoice = ScaleChoice::Any;
    Scale scale;                  // with ScaleChoice::Fixed
    GenerationParams sampling;    // candidate i samples with seed sampling.seed + i
    int candidates = 4;           // 1..16
    // Density, polyphony, grid, motion, pitch and velocity range (notecontrols.h) of every
    // written track; a track of trackControls (score track index) has its own instead. The
    // model knows instruments, not tracks: of two tracks of one instrument, the first listed
    // decides for both. A range outside the instrument's own is refused.
    NoteControls controls;
    std::map<int, NoteControls> trackControls;
    bool keepRhythm = false;      // Infill: keep the selection's onsets and durations, rewrite only pitches
    // With a guard (analysis/indexcopyguard.h), no candidate continues a training piece far
    // enough to be flagged as a copy: copying notes are ruled out as they are sampled, and a
    // finished candidate the guard still flags is drawn again (up to 4 times, from seeds that
    // follow from its own, so one seed still gives one candidate). avoidCopies false lets the
    // model copy.
    bool avoidCopies = true;
    std::shared_ptr<const CopyGuard> copyGuard;
};

struct SuggestedPart
{
    int track = -1;               // score track index, or -1: a new track, `newTrack`
    Track newTrack;               // name, program, channel, colour (its notes stay empty)
    std::vector<Note> notes;      // sorted, in the score's ticks
};

struct Suggestion
{
    std::uint64_t seed = 0;
    Tick firstTick = 0;           // every note starts in [firstTick, endTick)
    Tick endTick = 0;
    std::vector<int> replacedTracks; // Continue, Infill: their notes starting in the span go on accept
    std::vector<SuggestedPart> parts;
    bool cancelled = false;       // cut short by the cancel callback; what came is kept
    ControlReport controls;       // per part: what the controls asked and what it got

    std::size_t noteCount() const;
};

struct SuggestionCallbacks
{
    // fraction: 0..1 of the candidate's bars written so far.
    std::function<void(int candidate, int candidates, double fraction)> progress;
    std::function<void(int candidate, const Suggestion &suggestion)> candidateReady;
    std::function<bool()> cancelled; // polled between events; true stops within one event
    // For the teaching view (generation/teachingrun.h); unset costs nothing. windowStarted:
    // each prompt the model is given, the window starting at absolute beat originBeat (a
    // long request slides the window on); eventAdded: every event the model then adds, with
    // its index in that window's sequence; fieldDrawn: as GenerationCallbacks::fieldDrawn.
    std::function<void(std::span<const Event> prompt, int originBeat)> windowStarted;
    std::function<void(const Event &added, int index, int originBeat)> eventAdded;
    std::function<void(Field field, std::span<const float> probabilities, int chosen)> fieldDrawn;
};

struct SuggestionResult
{
    std::vector<Suggestion> candidates; // the finished ones, in order
    bool cancelled = false;
    QString error;                      // a request that cannot be met, in the user's words
};

// Why the request cannot be met in this score (bar ranges, programs, tracks, controls such
// as a pitch range outside an instrument's), in the user's words; empty when it can. suggest()
// checks the same before it samples.
QString checkRequest(const Score &score, const SuggestionRequest &request);

// Checks the request against the score (bar ranges, programs, tracks) and runs the model
// `request.candidates` times on the calling thread, one candidate after another.
SuggestionResult suggest(LogitSource &model, const Score &score, const SuggestionRequest &request,
                         const SuggestionCallbacks &callbacks = {});
// The same candidates, batch.rows() at a time side by side (internal/lockstep.h): each
// samples on a thread of its own, and the model runs once per event for all of them, on
// the calling thread. The callbacks are called one at a time, from the candidates' threads;
// candidateReady as each candidate finishes, `result.candidates` in candidate order.
SuggestionResult suggest(LogitBatch &batch, const Score &score, const SuggestionRequest &request,
                         const SuggestionCallbacks &callbacks = {});

// The score with the suggestion accepted: the replaced tracks' notes starting inside the
// span removed, each part's notes added to its track, new tracks appended in part order.
Score applySuggestion(const Score &score, const Suggestion &suggestion);

} // namespace tutti
// end of suggestion.h
