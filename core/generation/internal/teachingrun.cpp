// teachingrun.cpp — generating with the trace switched on, then placing the notes.
#include "teachingrun.h"

#include "generation/generator.h"
#include "representation/instruments.h"
#include "score/timemap.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

TeachingRequest teachingRequest(const Score &score, Tick rangeBegin, Tick rangeEnd, int notes, std::uint64_t seed)
{
    TeachingRequest request;
    request.score = score;
    request.notes = std::clamp(notes, 1, 256);
    request.params.seed = seed;
    const int quarter = std::max(1, score.ticksPerQuarter);
    if (rangeEnd <= rangeBegin) {
        rangeBegin = 0;
        rangeEnd = TimeMap(score).barStart(5);
    }
    request.window.firstBeat = static_cast<int>(rangeBegin / quarter);
    request.window.beatCount = std::clamp(static_cast<int>((rangeEnd - rangeBegin + quarter - 1) / quarter), 1,
                                          maxBeatsPerWindow);
    request.window.maxEvents = maxSequenceEvents - request.notes - 1; // room for the notes to write
    return request;
}

TeachingRun recordGeneration(LogitSource &model, const TeachingRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int notesWritten)> &progress)
{
    TeachingRun run;
    const Score &score = request.score;
    const std::vector<Event> prompt = score.noteCount() > 0 ? encode(score, request.window) : std::vector<Event>{};
    run.promptEvents = static_cast<int>(prompt.size());
    run.promptNotes = static_cast<int>(std::count_if(prompt.begin(), prompt.end(), [](const Event &e) { return e.isNote(); }));
    run.firstTick = static_cast<Tick>(request.window.firstBeat) * score.ticksPerQuarter;

    GenerationTrace trace;
    int written = 0;
    GenerationCallbacks callbacks;
    callbacks.fieldDrawn = [&](Field field, std::span<const float> p, int chosen) { trace.fieldDrawn(field, p, chosen); };
    callbacks.progress = [&](const Event &event, int events, int) {
        trace.eventAdded(event, events - 1);
        if (event.isNote() && progress)
            progress(++written);
    };
    callbacks.cancelled = [&] { return cancel.load() || written >= request.notes; };
    const GenerationResult result = generate(model, prompt, request.params, callbacks);
    run.error = result.error;
    run.ended = result.ended;
    run.steps = trace.takeSteps();

    const int quarter = score.ticksPerQuarter;
    for (std::size_t i = 0; i < run.steps.size(); ++i) {
        const Event &e = run.steps[i].event;
        if (!e.isNote())
            continue;
        TeachingNote note;
        note.step = static_cast<int>(i);
        note.note.start = run.firstTick + static_cast<Tick>(e.onsetTwelfths()) * quarter / positionsPerBeat;
        note.note.length = std::max<Tick>(1, static_cast<Tick>(durationTwelfths(e.duration)) * quarter / positionsPerBeat);
        note.note.pitch = e.pitchValue();
        note.note.velocity = 80;
        for (std::size_t t = 0; t < score.tracks.size(); ++t) {
            const Track &track = score.tracks[t];
            if (!track.isDrum && instrumentForProgram(track.program) == e.instrument) {
                note.track = static_cast<int>(t);
                note.colour = track.colour;
                break;
            }
        }
        run.notes.push_back(note);
    }
    return run;
}

} // namespace tutti
// end of teachingrun.cpp
