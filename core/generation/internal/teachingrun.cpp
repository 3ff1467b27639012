// SPDX-License-Identifier: GPL-3.0-or-later
// teachingrun.cpp — one suggestion with the trace switched on, then its notes placed.
#include "generation/teachingrun.h"

#include "representation/eventticks.h"
#include "representation/instruments.h"
#include "score/timemap.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

// The candidate's own note for a note event: its track, and its start and length once
// placed (clipped in Infill); nullptr when the candidate dropped it (outside the span).
const Note *placedNote(const Suggestion &suggestion, const Note &written, int &track, std::uint32_t &colour)
{
    for (const SuggestedPart &part : suggestion.parts) {
        const auto found = std::find_if(part.notes.begin(), part.notes.end(), [&written](const Note &note) {
            return note.start == written.start && note.pitch == written.pitch;
        });
        if (found != part.notes.end()) {
            track = part.track;
            colour = part.newTrack.colour;
            return &*found;
        }
    }
    return nullptr;
}

} // namespace

TeachingRequest teachingRequest(const Score &score, SuggestionRequest suggestion, int notes)
{
    TeachingRequest request;
    request.score = score;
    request.suggestion = std::move(suggestion);
    request.suggestion.candidates = 1;
    request.notes = std::clamp(notes, 1, 256);
    return request;
}

TeachingRequest teachingRequest(const Score &score, Tick rangeBegin, Tick rangeEnd, int notes, std::uint64_t seed)
{
    SuggestionRequest suggestion;
    suggestion.sampling.seed = seed;
    if (score.noteCount() == 0) {
        suggestion.mode = SuggestionMode::New;
    } else {
        const TimeMap map(score);
        suggestion.mode = SuggestionMode::Continue;
        if (rangeEnd <= rangeBegin) {
            rangeBegin = 0;
            rangeEnd = map.barStart(5);
        }
        suggestion.firstBar = map.barAt(rangeBegin) - 1;
        suggestion.endBar = map.barAt(rangeEnd - 1);
    }
    return teachingRequest(score, std::move(suggestion), notes);
}

TeachingRun recordSuggestion(LogitSource &model, const TeachingRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int notesWritten)> &progress)
{
    TeachingRun run;
    const Score &score = request.score;
    const int quarter = score.ticksPerQuarter;

    GenerationTrace trace;
    std::vector<Tick> stepWindows; // per step: its window's beat 0
    bool firstWindow = true;
    int written = 0;
    SuggestionCallbacks callbacks;
    callbacks.windowStarted = [&](std::span<const Event> prompt, int originBeat) {
        if (!firstWindow)
            return;
        firstWindow = false;
        run.firstTick = static_cast<Tick>(originBeat) * quarter;
        run.promptEvents = static_cast<int>(prompt.size());
        run.promptNotes = static_cast<int>(std::count_if(prompt.begin(), prompt.end(), [](const Event &e) { return e.isNote(); }));
    };
    callbacks.fieldDrawn = [&](Field field, std::span<const float> p, int chosen) { trace.fieldDrawn(field, p, chosen); };
    callbacks.eventAdded = [&](const Event &event, int index, int originBeat) {
        trace.eventAdded(event, index);
        stepWindows.push_back(static_cast<Tick>(originBeat) * quarter);
        if (event.isNote() && progress)
            progress(written + 1);
        if (event.isNote())
            ++written;
    };
    callbacks.cancelled = [&] { return cancel.load() || written >= request.notes; };
    SuggestionRequest one = request.suggestion;
    one.candidates = 1;
    const SuggestionResult result = suggest(model, score, one, callbacks);
    run.error = result.error;
    run.steps = trace.takeSteps();
    if (result.candidates.empty())
        return run;
    const Suggestion &suggestion = result.candidates.front();
    run.writeFrom = suggestion.firstTick;
    run.writeTo = suggestion.endTick;
    run.ended = !suggestion.cancelled;

    for (std::size_t i = 0; i < run.steps.size(); ++i) {
        const Event &e = run.steps[i].event;
        if (!e.isNote())
            continue;
        TeachingNote note;
        note.step = static_cast<int>(i);
        note.windowStart = stepWindows[i];
        note.note.start = note.windowStart + eventStartTick(e, quarter);
        note.note.length = eventLengthTicks(e, quarter);
        note.note.pitch = e.pitchValue();
        note.note.velocity = 80;
        if (const Note *placed = placedNote(suggestion, note.note, note.track, note.colour)) {
            note.note = *placed;
            if (note.track >= 0)
                note.colour = score.tracks[static_cast<std::size_t>(note.track)].colour;
        } else {
            // Dropped by the candidate (before the span): shown on its instrument's first track.
            note.kept = false;
            note.track = -1;
            for (std::size_t t = 0; t < score.tracks.size(); ++t) {
                const Track &track = score.tracks[t];
                if (!track.isDrum && instrumentForProgram(track.program) == e.instrument) {
                    note.track = static_cast<int>(t);
                    note.colour = track.colour;
                    break;
                }
            }
        }
        run.notes.push_back(note);
    }
    return run;
}

} // namespace tutti
// end of teachingrun.cpp
