// SPDX-License-Identifier: GPL-3.0-or-later
// suggestion.cpp — the four modes: prompts from a score, a sliding window, notes back to tracks.
#include "generation/suggestion.h"

#include "generation/generator.h"
#include "generation/internal/controlmask.h"
#include "generation/internal/lockstep.h"
#include "generation/internal/trackassignment.h"
#include "representation/encoder.h"
#include "representation/infill.h"
#include "representation/instruments.h"
#include "score/timemap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
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
int contextBudget(int capacity)
{
    return std::min(maxContextEvents, capacity * 5 / 8);
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
                           std::span<const EventMask *const> masks, ControlMask *controls, const WindowCallbacks &window,
                           bool &cancelled, std::vector<Event> &generated)
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
        if (controls)
            controls->setWindowOrigin(origin);
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
                              contextBudget(model.capacity()) / 2);
        context = notesInBeats(context, origin, std::numeric_limits<int>::max());
    }
}

QString sampleInfill(LogitSource &model, const Plan &plan, int gapFirstBeat, int gapEndBeat, const GenerationParams &params,
                     std::span<const EventMask *const> masks, ControlMask *controls, int controlledNotes,
                     const WindowCallbacks &window, bool &cancelled, std::vector<Event> &generated)
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
        if (static_cast<int>(prompt.size()) <= contextBudget(model.capacity()) || sideBeats == 0)
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
    const int maxMiddleNotes = std::max({16, gapBeats * 6 * static_cast<int>(plan.written.count()), controlledNotes + 1});
    if (controls)
        controls->setWindowOrigin(origin);
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

bool controlsSet(const NoteControls &controls)
{
    return !(controls == NoteControls());
}

// The written bars' starts, then their end, in twelfths of a beat from tick 0.
std::vector<std::int64_t> spanBars(const Score &score, const Plan &plan)
{
    const TimeMap map(score);
    std::vector<std::int64_t> starts;
    for (int bar = map.barAt(plan.firstTick); map.barStart(bar) < plan.endTick; ++bar)
        starts.push_back(static_cast<std::int64_t>(map.barStart(bar)) * positionsPerBeat / score.ticksPerQuarter);
    starts.push_back(static_cast<std::int64_t>(plan.endTick) * positionsPerBeat / score.ticksPerQuarter);
    return starts;
}

// Notes per bar of the tracks of one instrument in [from, to): what low, medium and high
// are relative to.
double contextDensity(const Score &score, int code, Tick from, Tick to)
{
    if (to <= from)
        return 0.0;
    const TimeMap map(score);
    const int bars = std::max(1, map.barAt(to - 1) - map.barAt(from) + 1);
    int notes = 0;
    int tracks = 0;
    for (const Track &track : score.tracks) {
        if (track.isDrum || instrumentForProgram(track.program) != code)
            continue;
        ++tracks;
        notes += static_cast<int>(std::count_if(track.notes.begin(), track.notes.end(),
                                                [&](const Note &note) { return note.start >= from && note.start < to; }));
    }
    return tracks > 0 ? static_cast<double>(notes) / (bars * tracks) : 0.0;
}

// One note of the selection whose rhythm is kept, and where it came from.
struct RhythmNote
{
    Event event;
    int track = -1;
    Note note;
};

struct ResolvedControls
{
    std::map<int, NoteControls> byCode; // every written instrument code
    ControlPlan plan;
    std::vector<RhythmNote> rhythm;
    bool any = false;                   // a mask is needed
};

QString resolveControls(const Score &score, const SuggestionRequest &request, const Plan &plan, ResolvedControls &out)
{
    const TimeMap map(score);
    const int tpq = score.ticksPerQuarter;
    std::map<int, NoteControls> ofTrackCode;
    for (const auto &[track, controls] : request.trackControls) {
        if (track < 0 || track >= static_cast<int>(score.tracks.size()))
            return u"track %1 does not exist"_s.arg(track + 1);
        ofTrackCode.emplace(instrumentForProgram(score.tracks[static_cast<std::size_t>(track)].program), controls);
    }
    // Relative densities: the context of Continue, the selection of Infill, else four notes a bar.
    Tick contextFrom = 0;
    Tick contextTo = 0;
    if (request.mode == SuggestionMode::Continue || request.mode == SuggestionMode::Infill) {
        contextFrom = map.barStart(request.firstBar + 1);
        contextTo = map.barStart(request.endBar + 1);
    }
    out.plan.barStarts = spanBars(score, plan);
    const int bars = static_cast<int>(out.plan.barStarts.size()) - 1;
    bool anyPlayable = false;
    for (int code = 1; code <= instrumentCount; ++code) {
        if (!plan.written.test(static_cast<std::size_t>(code)))
            continue;
        const auto own = ofTrackCode.find(code);
        NoteControls controls = own != ofTrackCode.end() ? own->second : request.controls;
        out.any = out.any || controlsSet(controls);
        const QString name = instrumentName(code);
        if (controls.density != DensityChoice::Any && controls.density != DensityChoice::Notes) {
            double base = contextDensity(score, code, contextFrom, contextTo);
            if (base <= 0.0)
                base = 4.0;
            const double factor = controls.density == DensityChoice::Low ? 0.5 : controls.density == DensityChoice::High ? 2.0 : 1.0;
            controls.notesPerBar = std::clamp(base * factor, 0.25, 48.0);
        } else if (controls.density == DensityChoice::Notes && !(controls.notesPerBar > 0.0 && controls.notesPerBar <= 48.0)) {
            return u"a density must be above 0 and at most 48 notes a bar"_s;
        }
        if (controls.polyphony < 0 || controls.polyphony > 16)
            return u"polyphony must be 1 to 16 notes (0: any)"_s;
        if (controls.maxLeap > 127)
            return u"the largest leap must be at most 127 semitones"_s;
        if (controls.lowestPitch > controls.highestPitch || controls.lowestPitch < 0 || controls.highestPitch > 127)
            return u"the pitch range must run upwards, within MIDI pitches 0-127"_s;
        if (controls.hasVelocityRange()
            && (controls.lowestVelocity < 1 || controls.highestVelocity > 127 || controls.lowestVelocity > controls.highestVelocity))
            return u"the velocity range must run upwards, within 1-127"_s;
        InstrumentControls &mask = out.plan.instruments[static_cast<std::size_t>(code)];
        mask.active = true;
        mask.lowestPitch = std::max(controls.lowestPitch, lowestPitch(code));
        mask.highestPitch = std::min(controls.highestPitch, highestPitch(code));
        const bool playable = mask.lowestPitch <= mask.highestPitch;
        anyPlayable = anyPlayable || playable;
        // Continue, Infill and Instruments write named instruments; New may leave some out.
        if (!playable && request.mode != SuggestionMode::New)
            return u"the range %1-%2 lies outside the %3's range (%4-%5)"_s.arg(pitchText(controls.lowestPitch),
                                                                              pitchText(controls.highestPitch), name,
                                                                              pitchText(lowestPitch(code)), pitchText(highestPitch(code)));
        mask.polyphony = controls.polyphony;
        mask.gridStep = gridStep(controls.grid);
        mask.maxLeap = controls.maxLeap;
        mask.stepPreference = std::clamp(controls.stepPreference, -1.0, 1.0);
        mask.notesPerBar = controls.density == DensityChoice::Any ? 0.0 : controls.notesPerBar;
        if (mask.notesPerBar > 0.0 && mask.polyphony > 0) {
            const std::vector<std::int64_t> &starts = out.plan.barStarts;
            for (int bar = 0; bar < bars; ++bar) {
                const std::int64_t places = (starts[bar + 1] - starts[bar] + mask.gridStep - 1) / mask.gridStep * mask.polyphony;
                if (ControlMask::barQuota(mask.notesPerBar, bar).first > places)
                    return u"%1 notes a bar do not fit the %2 grid with %3 note%4 at once (%5 has %6 places)"_s
                        .arg(densityText(controls), gridName(controls.grid)).arg(mask.polyphony)
                        .arg(mask.polyphony == 1 ? u""_s : u"s"_s).arg(map.barAt(plan.firstTick) + bar).arg(places);
            }
        }
        out.byCode[code] = controls;
    }
    if (!anyPlayable)
        return u"no instrument can play the range %1-%2"_s.arg(pitchText(request.controls.lowestPitch), pitchText(request.controls.highestPitch));

    if (request.keepRhythm) {
        if (request.mode != SuggestionMode::Infill)
            return u"keeping the rhythm works when regenerating a selection (infill)"_s;
        for (int track : plan.replacedTracks) {
            const Track &source = score.tracks[static_cast<std::size_t>(track)];
            for (const Note &note : source.notes) {
                if (note.start < plan.firstTick || note.start >= plan.endTick)
                    continue;
                if (const std::optional<Event> event = scoreNoteEvent(source, note, tpq))
                    out.rhythm.push_back({*event, track, note});
            }
        }
        if (out.rhythm.empty())
            return u"the selection has no notes whose rhythm could be kept"_s;
        std::stable_sort(out.rhythm.begin(), out.rhythm.end(),
                         [](const RhythmNote &a, const RhythmNote &b) { return noteOrderLess(a.event, b.event); });
        for (const RhythmNote &note : out.rhythm)
            out.plan.rhythm.push_back(note.event);
        out.any = true;
    }
    if (request.avoidCopies && request.copyGuard) {
        out.plan.copyGuard = request.copyGuard;
        out.any = true;
    }
    return {};
}

// Keep the rhythm: the selection's notes, in their own tracks, with the pitches written.
std::vector<SuggestedPart> repitched(const std::vector<RhythmNote> &rhythm, const std::vector<Event> &generated)
{
    std::vector<SuggestedPart> parts;
    for (std::size_t i = 0; i < std::min(rhythm.size(), generated.size()); ++i) {
        auto part = std::find_if(parts.begin(), parts.end(), [&](const SuggestedPart &p) { return p.track == rhythm[i].track; });
        if (part == parts.end()) {
            parts.push_back({rhythm[i].track, Track(), {}});
            part = std::prev(parts.end());
        }
        Note note = rhythm[i].note;
        note.pitch = generated[i].pitchValue();
        part->notes.push_back(note);
    }
    for (SuggestedPart &part : parts)
        std::sort(part.notes.begin(), part.notes.end(), [](const Note &a, const Note &b) {
            return a.start != b.start ? a.start < b.start : a.pitch < b.pitch;
        });
    std::sort(parts.begin(), parts.end(), [](const SuggestedPart &a, const SuggestedPart &b) { return a.track < b.track; });
    return parts;
}

int partCode(const Score &score, const SuggestedPart &part)
{
    const bool existing = part.track >= 0 && part.track < static_cast<int>(score.tracks.size());
    return instrumentForProgram(existing ? score.tracks[static_cast<std::size_t>(part.track)].program : part.newTrack.program);
}

// Velocities across the asked range by metre: downbeats loudest, then beats, then eighths.
void spreadVelocities(const Score &score, const std::map<int, NoteControls> &byCode, std::vector<SuggestedPart> &parts)
{
    const TimeMap map(score);
    const Tick tpq = score.ticksPerQuarter;
    for (SuggestedPart &part : parts) {
        const auto controls = byCode.find(partCode(score, part));
        if (controls == byCode.end() || !controls->second.hasVelocityRange())
            continue;
        const int low = controls->second.lowestVelocity;
        const int high = controls->second.highestVelocity;
        for (Note &note : part.notes) {
            const Tick fromBar = note.start - map.barStart(map.barAt(note.start));
            const double weight = fromBar == 0 ? 1.0 : fromBar % tpq == 0 ? 0.67 : (2 * fromBar) % tpq == 0 ? 0.33 : 0.0;
            note.velocity = low + static_cast<int>(std::lround((high - low) * weight));
        }
    }
}

ControlReport reportControls(const Score &score, const ResolvedControls &resolved, const Suggestion &suggestion)
{
    ControlReport report;
    const double bars = static_cast<double>(resolved.plan.barStarts.size()) - 1.0;
    for (const SuggestedPart &part : suggestion.parts) {
        const auto controls = resolved.byCode.find(partCode(score, part));
        const NoteControls asked = controls != resolved.byCode.end() ? controls->second : NoteControls();
        PartControlReport measured = measureNotes(part.notes, score.ticksPerQuarter, bars, asked);
        const bool existing = part.track >= 0 && part.track < static_cast<int>(score.tracks.size());
        measured.part = existing ? score.tracks[static_cast<std::size_t>(part.track)].name : part.newTrack.name;
        measured.densityAsked = asked.density != DensityChoice::Any;
        report.parts.push_back(std::move(measured));
    }
    return report;
}

} // namespace

std::size_t Suggestion::noteCount() const
{
    std::size_t count = 0;
    for (const SuggestedPart &part : parts)
        count += part.notes.size();
    return count;
}

QString checkRequest(const Score &score, const SuggestionRequest &request)
{
    Plan plan;
    QString error = planRequest(score, request, maxContextEvents, plan);
    if (!error.isEmpty())
        return error;
    ResolvedControls resolved;
    return resolveControls(score, request, plan, resolved);
}

namespace {

// What every candidate of one request shares, read-only once built (the masks point into it).
struct PreparedRequest
{
    // capacity: the most events one sequence of the model holds.
    PreparedRequest(const Score &score, const SuggestionRequest &request, int capacity)
        : score(score), request(request)
    {
        error = planRequest(score, request, contextBudget(capacity), plan);
        if (error.isEmpty())
            error = resolveControls(score, request, plan, resolved);
        if (!error.isEmpty())
            return;
        playable.emplace(plan.written);
        masks = masksFor(request, score, plan, *playable, noEnd, scaleMask);
        controlledNotes = static_cast<int>(resolved.rhythm.size());
        for (const auto &[code, asked] : resolved.byCode)
            controlledNotes += static_cast<int>(std::ceil(asked.notesPerBar * 1.2 * (resolved.plan.barStarts.size())));
        firstBeat = beatFloor(plan.firstTick, score.ticksPerQuarter);
        endBeat = beatCeil(plan.endTick, score.ticksPerQuarter);
    }
    PreparedRequest(const PreparedRequest &) = delete;
    PreparedRequest &operator=(const PreparedRequest &) = delete;

    const Score &score;
    const SuggestionRequest &request;
    QString error;
    Plan plan;
    ResolvedControls resolved;
    std::optional<PlayableRangeMask> playable;
    NoEndMask noEnd;
    std::optional<ScaleMask> scaleMask;
    std::vector<const EventMask *> masks; // every candidate's, its own ControlMask aside
    int controlledNotes = 0;
    int firstBeat = 0;
    int endBeat = 0;
};

struct CandidateOutcome
{
    Suggestion suggestion;
    QString error;
    bool done = false; // sampled (cancelled or not) without error
};

// How often a candidate that the copy guard flags once finished is drawn again. The guard
// rules out copying notes as they are sampled, so a finished copy is rare (about 1 in 100
// with the shipped model) and a second draw nearly always clears it.
constexpr int copyRedraws = 4;

// The seed of a candidate's redraw: far from every other candidate's seed + i.
std::uint64_t redrawSeed(std::uint64_t seed, int redraw)
{
    return seed + 0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(redraw);
}

// One draw of a candidate, from its seed to its notes in the score's tracks: the same code
// whether the candidates run one after another or side by side.
CandidateOutcome drawCandidate(LogitSource &model, const PreparedRequest &prepared, int candidate, std::uint64_t seed,
                               const SuggestionCallbacks &callbacks)
{
    const SuggestionRequest &request = prepared.request;
    const Plan &plan = prepared.plan;
    GenerationParams params = request.sampling;
    params.seed = seed;
    const WindowCallbacks window{callbacks, candidate, request.candidates};
    std::vector<const EventMask *> masks = prepared.masks;
    std::optional<ControlMask> controls; // its state follows this candidate's notes
    if (prepared.resolved.any) {
        controls.emplace(prepared.resolved.plan);
        masks.push_back(&*controls);
    }
    ControlMask *controlMask = controls ? &*controls : nullptr;
    bool cancelled = false;
    std::vector<Event> generated;
    CandidateOutcome outcome;
    outcome.error = request.mode == SuggestionMode::Infill
        ? sampleInfill(model, plan, prepared.firstBeat, prepared.endBeat, params, masks, controlMask,
                       prepared.controlledNotes, window, cancelled, generated)
        : sampleContinuation(model, plan, prepared.firstBeat, prepared.endBeat, params, masks, controlMask, window,
                             cancelled, generated);
    if (!outcome.error.isEmpty())
        return outcome;

    const int tpq = prepared.score.ticksPerQuarter;
    Suggestion &suggestion = outcome.suggestion;
    suggestion.firstTick = plan.firstTick;
    suggestion.endTick = plan.endTick;
    suggestion.replacedTracks = plan.replacedTracks;
    suggestion.cancelled = cancelled;
    suggestion.parts = prepared.resolved.rhythm.empty()
        ? plan.assignment.assign(generated, tpq, plan.firstTick, plan.endTick, request.mode == SuggestionMode::Infill)
        : repitched(prepared.resolved.rhythm, generated);
    spreadVelocities(prepared.score, prepared.resolved.byCode, suggestion.parts);
    suggestion.controls = reportControls(prepared.score, prepared.resolved, suggestion);
    outcome.done = true;
    return outcome;
}

// One candidate: drawn with seed sampling.seed + candidate, and drawn again while the copy
// guard flags it (the last draw is kept, for the originality check to report).
CandidateOutcome sampleCandidate(LogitSource &model, const PreparedRequest &prepared, int candidate,
                                 const SuggestionCallbacks &callbacks)
{
    const SuggestionRequest &request = prepared.request;
    const std::uint64_t seed = request.sampling.seed + static_cast<std::uint64_t>(candidate);
    const CopyGuard *guard = prepared.resolved.plan.copyGuard.get();
    CandidateOutcome outcome = drawCandidate(model, prepared, candidate, seed, callbacks);
    for (int redraw = 1; redraw <= copyRedraws && guard; ++redraw) {
        const bool unfinished = !outcome.done || outcome.suggestion.cancelled; // an error or a cancel: as it is
        if (unfinished || !guard->copies(prepared.score, outcome.suggestion))
            break;
        outcome = drawCandidate(model, prepared, candidate, redrawSeed(seed, redraw), callbacks);
    }
    outcome.suggestion.seed = seed; // redraws follow from it: the same seed draws the same candidate
    return outcome;
}

// The callbacks, each behind one lock: candidates side by side call them from their own
// threads, and the caller's code expects one call at a time.
SuggestionCallbacks serialized(const SuggestionCallbacks &callbacks, std::mutex &mutex)
{
    const auto guard = [&mutex]<typename Function>(const Function &function) -> Function {
        if (!function)
            return {};
        return [&mutex, function](auto &&...arguments) {
            const std::lock_guard lock(mutex);
            return function(std::forward<decltype(arguments)>(arguments)...);
        };
    };
    SuggestionCallbacks out;
    out.progress = guard(callbacks.progress);
    out.candidateReady = guard(callbacks.candidateReady);
    out.cancelled = guard(callbacks.cancelled);
    out.windowStarted = guard(callbacks.windowStarted);
    out.eventAdded = guard(callbacks.eventAdded);
    out.fieldDrawn = guard(callbacks.fieldDrawn);
    return out;
}

} // namespace

SuggestionResult suggest(LogitSource &model, const Score &score, const SuggestionRequest &request,
                         const SuggestionCallbacks &callbacks)
{
    SuggestionResult result;
    const PreparedRequest prepared(score, request, model.capacity());
    result.error = prepared.error;
    if (!result.error.isEmpty())
        return result;
    for (int candidate = 0; candidate < request.candidates; ++candidate) {
        CandidateOutcome outcome = sampleCandidate(model, prepared, candidate, callbacks);
        if (!outcome.done) {
            result.error = outcome.error;
            return result;
        }
        if (callbacks.candidateReady)
            callbacks.candidateReady(candidate, outcome.suggestion);
        result.candidates.push_back(std::move(outcome.suggestion));
        if (result.candidates.back().cancelled) {
            result.cancelled = true;
            break;
        }
    }
    return result;
}

SuggestionResult suggest(LogitBatch &batch, const Score &score, const SuggestionRequest &request,
                         const SuggestionCallbacks &callbacks)
{
    SuggestionResult result;
    if (batch.rows() < 1) {
        result.error = u"the model has no rows to sample with"_s;
        return result;
    }
    const PreparedRequest prepared(score, request, batch.capacity());
    result.error = prepared.error;
    if (!result.error.isEmpty())
        return result;

    std::mutex callbackMutex;
    SuggestionCallbacks safe = serialized(callbacks, callbackMutex);
    safe.candidateReady = nullptr; // announced below, in candidate order
    std::vector<CandidateOutcome> outcomes(static_cast<std::size_t>(request.candidates));
    std::vector<bool> finished(outcomes.size(), false);
    std::size_t announced = 0; // candidates before this one have been announced
    bool cancelled = false;
    Lockstep lockstep(batch);
    for (int first = 0; first < request.candidates && !cancelled; first += batch.rows()) {
        const int rows = std::min(batch.rows(), request.candidates - first);
        lockstep.run(rows, [&](int row, LogitSource &source) {
            const std::size_t candidate = static_cast<std::size_t>(first + row);
            CandidateOutcome outcome = sampleCandidate(source, prepared, static_cast<int>(candidate), safe);
            const std::lock_guard lock(callbackMutex);
            outcomes[candidate] = std::move(outcome);
            finished[candidate] = true;
            // The tray lists candidates in seed order: one that finishes early waits for
            // those before it (side by side, they finish within a few events of each other).
            while (announced < outcomes.size() && finished[announced] && outcomes[announced].done) {
                if (callbacks.candidateReady)
                    callbacks.candidateReady(static_cast<int>(announced), outcomes[announced].suggestion);
                ++announced;
            }
        });
        for (int candidate = first; candidate < first + rows; ++candidate) {
            const CandidateOutcome &outcome = outcomes[static_cast<std::size_t>(candidate)];
            cancelled = cancelled || (outcome.done && outcome.suggestion.cancelled);
        }
    }
    for (CandidateOutcome &outcome : outcomes) {
        if (!outcome.done && !outcome.error.isEmpty()) {
            result.candidates.clear();
            result.error = outcome.error;
            return result;
        }
        if (outcome.done)
            result.candidates.push_back(std::move(outcome.suggestion));
    }
    result.cancelled = cancelled;
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
