// SPDX-License-Identifier: GPL-3.0-or-later
// decoder.cpp — MMT events -> Score.
#include "representation/decoder.h"

#include "representation/eventticks.h"
#include "representation/instruments.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tutti {
namespace {

constexpr int defaultVelocity = 80;

struct InstrumentContext
{
    const Track *firstTrack = nullptr;
    std::int64_t velocitySum = 0;
    std::int64_t noteCount = 0;
};

std::map<int, InstrumentContext> contextByInstrument(const Score &context)
{
    std::map<int, InstrumentContext> result;
    for (const Track &track : context.tracks) {
        const int instrument = track.isDrum ? 0 : instrumentForProgram(track.program);
        if (instrument == 0)
            continue;
        InstrumentContext &entry = result[instrument];
        if (!entry.firstTrack)
            entry.firstTrack = &track;
        for (const Note &note : track.notes) {
            entry.velocitySum += note.velocity;
            ++entry.noteCount;
        }
    }
    return result;
}

bool validNote(const Event &event)
{
    return event.isNote() && event.beat >= 1 && event.position >= 1 && event.position <= positionsPerBeat
        && event.pitch >= 1 && event.pitch <= 128 && durationTwelfths(event.duration) > 0
        && event.instrument >= 1 && event.instrument <= instrumentCount;
}

} // namespace

Score decode(std::span<const Event> events, const Score &context)
{
    Score score;
    score.title = context.title;
    score.ticksPerQuarter = context.ticksPerQuarter > 0 ? context.ticksPerQuarter : Score::defaultTicksPerQuarter;
    score.tempos = context.tempos;
    score.timeSignatures = context.timeSignatures;
    score.keySignatures = context.keySignatures;

    std::map<int, std::vector<Note>> notesByInstrument;
    for (const Event &event : events) {
        if (event.eventType() == EventType::Instrument && event.instrument >= 1 && event.instrument <= instrumentCount)
            notesByInstrument[event.instrument];
        if (!validNote(event))
            continue;
        Note note;
        note.start = eventStartTick(event, score.ticksPerQuarter);
        note.length = eventLengthTicks(event, score.ticksPerQuarter);
        note.pitch = event.pitchValue();
        notesByInstrument[event.instrument].push_back(note);
    }

    const std::map<int, InstrumentContext> known = contextByInstrument(context);
    for (auto &[instrument, notes] : notesByInstrument) {
        const auto found = known.find(instrument);
        const InstrumentContext *source = found == known.end() ? nullptr : &found->second;
        Track &track = score.addTrack(source && source->firstTrack ? source->firstTrack->name : instrumentName(instrument),
                                      programForInstrument(instrument));
        if (source && source->firstTrack) {
            track.volume = source->firstTrack->volume;
            track.pan = source->firstTrack->pan;
        }
        const int velocity = source && source->noteCount > 0
            ? static_cast<int>(std::lround(static_cast<double>(source->velocitySum) / source->noteCount))
            : defaultVelocity;
        for (Note &note : notes)
            note.velocity = std::clamp(velocity, 1, 127);
        track.notes = std::move(notes);
    }
    score.normalize();
    return score;
}

} // namespace tutti
// end of decoder.cpp
