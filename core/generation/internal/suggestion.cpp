// suggestion.cpp — the four modes: prompts from a score, a sliding window, notes back to tracks.
#include "generation/suggestion.h"

#include "generation/generator.h"
#include "generation/internal/trackassignment.h"
#include "representation/encoder.h"
#include "representation/infill.h"
#include "representation/instruments.h"
#include "score/timemap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr int maxLengthBars = 32;
constexpr int maxCandidates = 16;
// The window holds 256 beats; a note at or past this beat slides it on instead.
constexpr int windowBeatLimit = 240;
// Context kept when the window slides, and the most a continuation prompt may take.
constexpr int slideKeepBeats = 64;
constexpr int maxContextBeats = 192;
constexpr int maxContextEvents = 640;

// Forbids end-of-song: a composer who asks for N bars gets N bars.
class NoEndMask final : public EventMask
{
public:
    void apply(const SamplingState &, Field field, std::span<float> logits) const override
    {
        if (field == Field::Type)
            logits[static_cast<std::size_t>(EventType::EndOfSong)] = -std::numeric_limits<float>::infinity();
    }
};

// A mode's plan: where it writes, in absolute beats (quarter notes from tick 0), and what
// the model sees first.
struct Plan
{
    Tick firstTick = 0;
    Tick endTick = 0;
    std::bitset<65> header;            // instruments declared to the model
    std::bitset<65> written;           // instruments the notes may use
    std::vector<Event> context;        // note events, absolute beats, sorted
    int contextFirstBeat = 0;          // the window starts here
    TrackAssignment assignment;
    std::vector<int> replacedTracks;
};

int beatFloor(Tick tick, int ticksPerQuarter)
{
    return static_cast<int>(tick / ticksPerQuarter);
}

int beatCeil(Tick tick, int ticksPerQuarter)
{
    return static_cast<int>((tick + ticksPerQuarter - 1) / ticksPerQuarter);
}

std::vector<Event> notesInBeats(std::span<const Event> notes, int firstBeat, int endBeat)
{
    std::vector<Event> kept;
    for (const Event &note : notes) {
        if (note.beatValue() >= firstBeat && note.beatValue() < endBeat)
            kept.push_back(note);
    }
    return kept;
}

// The model's sequence for notes with absolute beats, the window starting at `originBeat`.
std::vector<Event> windowSequence(const std::bitset<65> &header, std::span<const Event> notes, int originBeat)
{
    std::vector<Event> events = {Event::ofType(EventType::StartOfSong)};
    for (int code = 1; code <= instrumentCount; ++code) {
        if (header.test(static_cast<std::size_t>(code)))
            events.push_back(Event::instrumentEvent(code));
    }
    events.push_back(Event::ofType(EventType::StartOfNotes));
    for (Event note : notes) {
        note.beat = static_cast<std::int16_t>(note.beat - originBeat);
        events.push_back(note);
    }
    return events;
}

// The context notes of the score: every pitched track except the excluded notes.
std::vector<Event> contextNotes(const Score &score, const std::vector<int> &tracksToClear, Tick clearFrom, Tick clearTo)
{
    Score context = score;
    for (int track : tracksToClear) {
        std::vector<Note> &notes = context.tracks[static_cast<std::size_t>(track)].notes;
        std::erase_if(notes, [&](const Note &note) { return note.start >= clearFrom && note.start < clearTo; });
    }
    return scoreNoteEvents(context);
}

// Notes of context a prompt may hold: room is left for what the model writes.
int contextBudget(const LogitSource &model)
{
    return std::min(maxContextEvents, model.capacity() * 5 / 8);
}

// Latest window start that keeps at most `maxEvents` notes before `endBeat`, and not
// earlier than `firstBeat` nor `maxBeats` before the end.
int contextStart(std::span<const Event> notes, int firstBeat, int endBeat, int maxBeats, int maxEvents)
{
    int origin = std::max(firstBeat, endBeat - maxBeats);
    std::vector<Event> kept = notesInBeats(notes, origin, endBeat);
    while (static_cast<int>(kept.size()) > maxEvents && origin < endBeat) {
        origin += 4;
        kept = notesInBeats(notes, origin, endBeat);
    }
    return origin;
}

QString planRequest(const Score &score, const SuggestionRequest &request, int contextEvents, Plan &plan)
{
    const TimeMap map(score);
    const int tpq = score.ticksPerQuarter;
    const SuggestionMode mode = request.mode;
    if (request.candidates < 1 || request.candidates > maxCandidates)
        return u"ask for 1 to %1 candidates"_s.arg(maxCandidates);
    if (mode != SuggestionMode::Infill && (request.lengthBars < 1 || request.lengthBars > maxLengthBars))
        return u"the length must be 1 to %1 bars"_s.arg(maxLengthBars);
    if (request.firstBar < 0)
        return u"bars are counted from 0"_s;
    if ((mode == SuggestionMode::Continue || mode == SuggestionMode::Infill) && request.endBar <= request.firstBar)
        return mode == SuggestionMode::Continue ? u"select the bars to continue from in the ruler"_s
                                                : u"select the bars to regenerate in the ruler"_s;
    if (mode == SuggestionMode::Infill && request.endBar - request.firstBar > maxLengthBars)
        return u"regenerate at most %1 bars at a time"_s.arg(maxLengthBars);

    const int writeFromBar = mode == SuggestionMode::Continue ? request.endBar : request.firstBar;
    const int writeToBar = mode == SuggestionMode::Infill ? request.endBar : writeFromBar + request.lengthBars;
    plan.firstTick = map.barStart(writeFromBar + 1);
    plan.endTick = map.barStart(writeToBar + 1);

    std::vector<int> pitchedTracks;
    for (int index = 0; index < static_cast<int>(score.tracks.size()); ++index) {
        const Track &track = score.tracks[static_cast<std::size_t>(index)];
        if (!track.isDrum && instrumentForProgram(track.program) != 0)
            pitchedTracks.push_back(index);
    }

    switch (mode) {
    case SuggestionMode::New:
        plan.written.set();
        plan.written.reset(0);
        plan.contextFirstBeat = beatFloor(plan.firstTick, tpq);
        plan.assignment = TrackAssignment(score, pitchedTracks, {}, plan.firstTick, plan.endTick);
        return {};
    case SuggestionMode::Instruments: {
        if (request.programs.empty())
            return u"choose at least one instrument"_s;
        std::map<int, int> programOfCode;
        for (int program : request.programs) {
            const int code = instrumentForProgram(program);
            if (program < 0 || program > 127 || code == 0)
                return u"the model cannot write for program %1"_s.arg(program);
            programOfCode.emplace(code, program);
            plan.header.set(static_cast<std::size_t>(code));
        }
        plan.written = plan.header;
        plan.contextFirstBeat = beatFloor(plan.firstTick, tpq);
        plan.assignment = TrackAssignment(score, pitchedTracks, programOfCode, plan.firstTick, plan.endTick);
        return {};
    }
    case SuggestionMode::Continue: {
        if (pitchedTracks.empty())
            return u"the score has no pitched track to continue; use New or Instruments"_s;
        for (int index : pitchedTracks)
            plan.header.set(static_cast<std::size_t>(instrumentForProgram(score.tracks[static_cast<std::size_t>(index)].program)));
        plan.written = plan.header;
        // With programs, only those instruments answer (the live answer's chosen ones).
        std::map<int, int> programOfCode;
        if (!request.programs.empty())
            plan.written.reset();
        for (int program : request.programs) {
            const int code = program >= 0 && program <= 127 ? instrumentForProgram(program) : 0;
            if (code == 0)
                return u"the model cannot write for program %1"_s.arg(program);
            programOfCode.emplace(code, program);
            plan.header.set(static_cast<std::size_t>(code));
            plan.written.set(static_cast<std::size_t>(code));
        }
        const Tick contextFrom = map.barStart(request.firstBar + 1);
        const std::vector<Event> notes = contextNotes(score, {}, 0, 0);
        const int endBeat = beatFloor(plan.firstTick, tpq);
        plan.contextFirstBeat = contextStart(notes, beatFloor(contextFrom, tpq), endBeat, maxContextBeats, contextEvents);
        plan.context = notesInBeats(notes, plan.contextFirstBeat, endBeat);
        plan.assignment = TrackAssignment(score, pitchedTracks, programOfCode, contextFrom, plan.firstTick);
        for (int index : pitchedTracks) { // the continuation takes the place of what followed
            const int code = instrumentForProgram(score.tracks[static_cast<std::size_t>(index)].program);
            if (plan.written.test(static_cast<std::size_t>(code)))
                plan.replacedTracks.push_back(index);
        }
        return {};
    }
    case SuggestionMode::Infill: {
        std::vector<int> tracks = request.tracks.empty() ? pitchedTracks : request.tracks;
        for (int index : tracks) {
            if (std::find(pitchedTracks.begin(), pitchedTracks.end(), index) == pitchedTracks.end())
                return u"track %1 cannot be regenerated (no such pitched track)"_s.arg(index + 1);
            plan.written.set(static_cast<std::size_t>(instrumentForProgram(score.tracks[static_cast<std::size_t>(index)].program)));
        }
        if (tracks.empty())
            return u"the score has no pitched track to regenerate"_s;
        plan.replacedTracks = tracks;
        plan.context = contextNotes(score, tracks, plan.firstTick, plan.endTick);
        plan.header = plan.written;
        for (const Event &note : plan.context)
            plan.header.set(static_cast<std::size_t>(note.instrument));
        plan.assignment = TrackAssignment(score, tracks, {}, plan.firstTick, plan.endTick);
        return {};
    }
    }
    return u"unknown mode"_s;
}

struct WindowCallbacks
{
    const SuggestionCallbacks &outer;
    int candidate = 0;
    int candidates = 1;
};

// Samples notes in [firstBeat, endBeat) after the plan's context, sliding the window on as
// it fills. Returns generated note events with absolute beats.
QString sampleContinuation(LogitSource &model, const Plan &plan, int firstBeat, int endBeat, const GenerationParams &params,
                           std::span<const EventMask *const> masks, const WindowCallbacks &window, bool &cancelled,
                           std::vector<Event> &generated)
{
    std::vector<Event> context = plan.context;
    std::bitset<65> header = plan.header;
    int origin = plan.contextFirstBeat;
    GenerationCallbacks callbacks;
    callbacks.cancelled = window.outer.cancelled;
    callbacks.fieldDrawn = window.outer.fieldDrawn;
    while (true) {
        const std::vector<Event> prompt = header.none() ? std::vector<Event>{} : windowSequence(header, context, origin);
        GenerationParams windowParams = params;
        windowParams.stopAtBeatCode = std::min(endBeat - origin, windowBeatLimit) + 1;
        if (window.outer.windowStarted)
            window.outer.windowStarted(prompt, origin);
        callbacks.progress = [&](const Event &added, int events, int) {
            if (window.outer.eventAdded)
                window.outer.eventAdded(added, events - 1, origin);
            if (added.isNote() && window.outer.progress) {
                const double done = double(added.beatValue() + origin - firstBeat) / std::max(1, endBeat - firstBeat);
                window.outer.progress(window.candidate, window.candidates, std::clamp(done, 0.0, 1.0));
            }
        };
        const GenerationResult result = generate(model, prompt, windowParams, callbacks, masks);
        if (!result.error.isEmpty())
            return result.error;
        int added = 0;
        for (std::size_t i = std::max<std::size_t>(prompt.size(), 1); i < result.events.size(); ++i) {
            Event event = result.events[i];
            if (event.eventType() == EventType::Instrument)
                header.set(static_cast<std::size_t>(event.instrument));
            if (!event.isNote())
                continue;
            event.beat = static_cast<std::int16_t>(event.beat + origin);
            generated.push_back(event);
            context.push_back(event);
            ++added;
        }
        if (result.cancelled) {
            cancelled = true;
            return {};
        }
        const bool reachedEnd = result.reachedStopBeat && windowParams.stopAtBeatCode == endBeat - origin + 1;
        if (reachedEnd || (result.ended && !result.reachedStopBeat) || added == 0)
            return {};
        // The window is full (events or beats): keep the last bars and go on from there.
        const int lastBeat = context.back().beatValue();
        origin = contextStart(context, std::max(origin + 1, lastBeat - slideKeepBeats), lastBeat + 1, slideKeepBeats,
                              contextBudget(model) / 2);
        context = notesInBeats(context, origin, std::numeric_limits<int>::max());
    }
}

QString sampleInfill(LogitSource &model, const Plan &plan, int gapFirstBeat, int gapEndBeat, const GenerationParams &params,
                     std::span<const EventMask *const> masks, const WindowCallbacks &window, bool &cancelled,
                     std::vector<Event> &generated)
{
    // Context on both sides, shrunk until the prompt leaves room for the middle.
    const int gapBeats = gapEndBeat - gapFirstBeat;
    int sideBeats = std::max(0, (maxBeatsPerWindow - gapBeats) / 2);
    std::vector<Event> prompt;
    int origin = 0;
    while (true) {
        origin = std::max(0, gapFirstBeat - sideBeats);
        const int windowEnd = std::min(origin + maxBeatsPerWindow, gapEndBeat + sideBeats);
        const std::vector<Event> notes = notesInBeats(plan.context, origin, windowEnd);
        InfillGap gap;
        gap.firstBeat = gapFirstBeat - origin;
        gap.endBeat = gapEndBeat - origin;
        prompt = infillPrompt(windowSequence(plan.header, notes, origin), gap);
        if (static_cast<int>(prompt.size()) <= contextBudget(model) || sideBeats == 0)
            break;
        sideBeats /= 2;
    }
    GenerationCallbacks callbacks;
    callbacks.cancelled = window.outer.cancelled;
    callbacks.fieldDrawn = window.outer.fieldDrawn;
    if (window.outer.windowStarted)
        window.outer.windowStarted(prompt, origin);
    callbacks.progress = [&](const Event &added, int events, int) {
        if (window.outer.eventAdded)
            window.outer.eventAdded(added, events - 1, origin);
        if (added.isNote() && window.outer.progress) {
            const double done = double(added.beatValue() + origin - gapFirstBeat) / std::max(1, gapBeats);
            window.outer.progress(window.candidate, window.candidates, std::clamp(done, 0.0, 1.0));
        }
    };
    // A model that has not learnt where a middle ends would fill the whole window: stop at a
    // generous density instead (six notes a beat for each instrument rewritten).
    GenerationParams middleParams = params;
    const int maxMiddleNotes = std::max(16, gapBeats * 6 * static_cast<int>(plan.written.count()));
    middleParams.maxEvents = std::min(params.maxEvents, static_cast<int>(prompt.size()) + maxMiddleNotes + 1);
    const GenerationResult result = generate(model, prompt, middleParams, callbacks, masks);
    if (!result.error.isEmpty())
        return result.error;
    for (std::size_t i = prompt.size(); i < result.events.size(); ++i) {
        Event event = result.events[i];
        if (!event.isNote())
            continue;
        event.beat = static_cast<std::int16_t>(event.beat + origin);
        generated.push_back(event);
    }
    cancelled = result.cancelled;
    return {};
}

std::vector<const EventMask *> masksFor(const SuggestionRequest &request, const Score &score, const Plan &plan,
                                        const PlayableRangeMask &playable, const NoEndMask &noEnd,
                                        std::optional<ScaleMask> &scaleMask)
{
    std::vector<const EventMask *> masks = {&playable};
    if (request.mode != SuggestionMode::Infill)
        masks.push_back(&noEnd);
    if (request.scaleChoice == ScaleChoice::Fixed) {
        scaleMask.emplace(request.scale);
    } else if (request.scaleChoice == ScaleChoice::FromContext) {
        const TimeMap map(score);
        const Tick from = request.mode == SuggestionMode::Continue || request.mode == SuggestionMode::Infill
            ? map.barStart(request.firstBar + 1) : plan.firstTick;
        const Tick to = request.mode == SuggestionMode::Infill ? score.endTick() + 1 : plan.firstTick;
        scaleMask.emplace(estimateScale(score, from, std::max(to, from)));
    }
    if (scaleMask)
        masks.push_back(&*scaleMask);
    return masks;
}

} // namespace

std::size_t Suggestion::noteCount() const
{
    std::size_t count = 0;
    for (const SuggestedPart &part : parts)
        count += part.notes.size();
    return count;
}

SuggestionResult suggest(LogitSource &model, const Score &score, const SuggestionRequest &request,
                         const SuggestionCallbacks &callbacks)
{
    SuggestionResult result;
    Plan plan;
    result.error = planRequest(score, request, contextBudget(model), plan);
    if (!result.error.isEmpty())
        return result;

    const PlayableRangeMask playable(plan.written);
    const NoEndMask noEnd;
    std::optional<ScaleMask> scaleMask;
    const std::vector<const EventMask *> masks = masksFor(request, score, plan, playable, noEnd, scaleMask);

    const int tpq = score.ticksPerQuarter;
    const int firstBeat = beatFloor(plan.firstTick, tpq);
    const int endBeat = beatCeil(plan.endTick, tpq);
    for (int candidate = 0; candidate < request.candidates; ++candidate) {
        GenerationParams params = request.sampling;
        params.seed = request.sampling.seed + static_cast<std::uint64_t>(candidate);
        const WindowCallbacks window{callbacks, candidate, request.candidates};
        bool cancelled = false;
        std::vector<Event> generated;
        result.error = request.mode == SuggestionMode::Infill
            ? sampleInfill(model, plan, firstBeat, endBeat, params, masks, window, cancelled, generated)
            : sampleContinuation(model, plan, firstBeat, endBeat, params, masks, window, cancelled, generated);
        if (!result.error.isEmpty())
            return result;

        Suggestion suggestion;
        suggestion.seed = params.seed;
        suggestion.firstTick = plan.firstTick;
        suggestion.endTick = plan.endTick;
        suggestion.replacedTracks = plan.replacedTracks;
        suggestion.cancelled = cancelled;
        suggestion.parts = plan.assignment.assign(generated, tpq, plan.firstTick, plan.endTick,
                                                  request.mode == SuggestionMode::Infill);
        if (callbacks.candidateReady)
            callbacks.candidateReady(candidate, suggestion);
        result.candidates.push_back(std::move(suggestion));
        if (cancelled) {
            result.cancelled = true;
            break;
        }
    }
    return result;
}

Score applySuggestion(const Score &score, const Suggestion &suggestion)
{
    Score out = score;
    for (int track : suggestion.replacedTracks) {
        if (track < 0 || track >= static_cast<int>(out.tracks.size()))
            continue;
        std::erase_if(out.tracks[static_cast<std::size_t>(track)].notes, [&](const Note &note) {
            return note.start >= suggestion.firstTick && note.start < suggestion.endTick;
        });
    }
    for (const SuggestedPart &part : suggestion.parts) {
        Track *target = nullptr;
        if (part.track >= 0 && part.track < static_cast<int>(out.tracks.size())) {
            target = &out.tracks[static_cast<std::size_t>(part.track)];
        } else {
            out.tracks.push_back(part.newTrack);
            target = &out.tracks.back();
            target->notes.clear();
        }
        target->notes.insert(target->notes.end(), part.notes.begin(), part.notes.end());
    }
    out.normalize();
    return out;
}

} // namespace tutti
// end of suggestion.cpp
