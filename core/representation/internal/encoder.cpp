// SPDX-License-Identifier: GPL-3.0-or-later
// encoder.cpp — Score -> MMT events.
#include "representation/encoder.h"

#include "representation/instruments.h"

#include <algorithm>
#include <set>

namespace tutti {
namespace {

constexpr int maxAbsoluteBeat = 30000; // keeps beat codes inside std::int16_t

// Nearest twelfth of a quarter note; halves round up, as they do for every tick >= 0.
std::int64_t roundedTwelfths(Tick tick, int ticksPerQuarter)
{
    return (2 * tick * positionsPerBeat + ticksPerQuarter) / (2 * static_cast<std::int64_t>(ticksPerQuarter));
}

} // namespace

std::optional<Event> scoreNoteEvent(const Track &track, const Note &note, int ticksPerQuarter)
{
    const int instrument = track.isDrum ? 0 : instrumentForProgram(track.program);
    if (instrument == 0 || ticksPerQuarter <= 0 || note.start < 0 || note.pitch < 0 || note.pitch > 127)
        return std::nullopt;
    const std::int64_t onset = roundedTwelfths(note.start, ticksPerQuarter);
    const std::int64_t beat = onset / positionsPerBeat;
    if (beat > maxAbsoluteBeat)
        return std::nullopt;
    const int duration = durationCode(note.length * positionsPerBeat, ticksPerQuarter);
    return Event::note(static_cast<int>(beat), static_cast<int>(onset % positionsPerBeat), note.pitch, duration,
                       instrument);
}

std::vector<Event> scoreNoteEvents(const Score &score)
{
    std::vector<Event> notes;
    notes.reserve(score.noteCount());
    for (const Track &track : score.tracks) {
        for (const Note &note : track.notes) {
            if (const std::optional<Event> event = scoreNoteEvent(track, note, score.ticksPerQuarter))
                notes.push_back(*event);
        }
    }
    std::sort(notes.begin(), notes.end(), noteOrderLess);
    notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
    return notes;
}

std::vector<Event> sequenceFromNotes(std::span<const Event> notes, const EncodeOptions &options)
{
    const int beatCount = std::clamp(options.beatCount, 1, maxBeatsPerWindow);
    const int maxEvents = std::max(options.maxEvents, 4);
    const int firstBeat = std::max(options.firstBeat, 0);
    const int firstCode = firstBeat + 1;

    const auto first = std::lower_bound(notes.begin(), notes.end(), firstCode,
                                        [](const Event &e, int code) { return e.beat < code; });
    const auto last = std::lower_bound(first, notes.end(), firstCode + beatCount,
                                       [](const Event &e, int code) { return e.beat < code; });

    std::set<int> instruments;
    for (auto it = first; it != last; ++it)
        instruments.insert(it->instrument);

    // start-of-song, instruments, start-of-notes, notes, end-of-song
    std::ptrdiff_t kept = last - first;
    const bool fits = 3 + static_cast<std::ptrdiff_t>(instruments.size()) + kept <= maxEvents;
    if (!fits) {
        kept = std::max<std::ptrdiff_t>(0, maxEvents - 2 - static_cast<std::ptrdiff_t>(instruments.size()));
        instruments.clear();
        for (auto it = first; it != first + kept; ++it)
            instruments.insert(it->instrument);
    }

    std::vector<Event> events;
    events.reserve(static_cast<std::size_t>(kept) + instruments.size() + 3);
    events.push_back(Event::ofType(EventType::StartOfSong));
    for (int instrument : instruments)
        events.push_back(Event::instrumentEvent(instrument));
    events.push_back(Event::ofType(EventType::StartOfNotes));
    for (auto it = first; it != first + kept; ++it) {
        Event note = *it;
        note.beat = static_cast<std::int16_t>(note.beat - firstBeat);
        events.push_back(note);
    }
    if (fits)
        events.push_back(Event::ofType(EventType::EndOfSong));
    return events;
}

std::vector<Event> encode(const Score &score, const EncodeOptions &options)
{
    return sequenceFromNotes(scoreNoteEvents(score), options);
}

} // namespace tutti
// end of encoder.cpp
