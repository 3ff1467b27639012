// SPDX-License-Identifier: GPL-3.0-or-later
// score.cpp — Score housekeeping: sorting, de-duplication, resolution changes.
#include "score.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace tutti {

bool operator<(const Note &a, const Note &b)
{
    return std::tie(a.start, a.pitch, a.length, a.velocity)
         < std::tie(b.start, b.pitch, b.length, b.velocity);
}

int TempoChange::microsecondsFromBpm(double bpm)
{
    if (!(bpm > 0.0))
        return 500000;
    return static_cast<int>(std::lround(60'000'000.0 / bpm));
}

Track &Score::addTrack(const QString &name, int program)
{
    Track track;
    track.name = name;
    track.program = program;
    track.channel = static_cast<int>(tracks.size() % 15);
    if (track.channel >= 9)
        ++track.channel; // keep channel 10 (index 9) for drums
    track.colour = defaultTrackColour(static_cast<int>(tracks.size()));
    tracks.push_back(std::move(track));
    return tracks.back();
}

namespace {

// Sorts a map by tick, keeps the last entry for each tick, and drops entries that repeat
// the value before them. A non-empty map gets the MIDI default (a default-constructed
// Change) at tick 0 when its first entry comes later, so it always says what holds at 0.
template<typename Change, typename SameValue>
void normalizeMap(std::vector<Change> &changes, SameValue sameValue)
{
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change &a, const Change &b) { return a.tick < b.tick; });
    std::vector<Change> kept;
    kept.reserve(changes.size() + 1);
    if (!changes.empty() && changes.front().tick > 0)
        kept.push_back(Change{});
    for (const Change &change : changes) {
        if (!kept.empty() && kept.back().tick == change.tick)
            kept.back() = change;
        else
            kept.push_back(change);
        if (kept.size() >= 2 && sameValue(kept[kept.size() - 2], kept.back()))
            kept.pop_back();
    }
    changes = std::move(kept);
}

Tick rescale(Tick tick, int from, int to)
{
    return static_cast<Tick>(std::llround(static_cast<double>(tick) * to / from));
}

} // namespace

void Score::normalize()
{
    for (Track &track : tracks) {
        std::sort(track.notes.begin(), track.notes.end());
        track.notes.erase(std::unique(track.notes.begin(), track.notes.end()), track.notes.end());
        std::stable_sort(track.controls.begin(), track.controls.end(),
                         [](const ControlChange &a, const ControlChange &b) { return a.tick < b.tick; });
    }
    normalizeMap(tempos, [](const TempoChange &a, const TempoChange &b) {
        return a.microsecondsPerQuarter == b.microsecondsPerQuarter;
    });
    normalizeMap(timeSignatures, [](const TimeSignatureChange &a, const TimeSignatureChange &b) {
        return a.numerator == b.numerator && a.denominator == b.denominator;
    });
    // A key signature map may legitimately start later than tick 0 (no key declared
    // before it), so only sort and de-duplicate it.
    std::stable_sort(keySignatures.begin(), keySignatures.end(),
                     [](const KeySignatureChange &a, const KeySignatureChange &b) { return a.tick < b.tick; });
    keySignatures.erase(std::unique(keySignatures.begin(), keySignatures.end(),
                                    [](const KeySignatureChange &a, const KeySignatureChange &b) {
                                        return a.sharps == b.sharps && a.minor == b.minor;
                                    }),
                        keySignatures.end());
}

void Score::setTicksPerQuarter(int newTicksPerQuarter)
{
    if (newTicksPerQuarter <= 0 || newTicksPerQuarter == ticksPerQuarter)
        return;
    const int from = ticksPerQuarter;
    for (Track &track : tracks) {
        for (Note &note : track.notes) {
            const Tick end = rescale(note.start + note.length, from, newTicksPerQuarter);
            note.start = rescale(note.start, from, newTicksPerQuarter);
            note.length = std::max<Tick>(1, end - note.start);
        }
        for (ControlChange &change : track.controls)
            change.tick = rescale(change.tick, from, newTicksPerQuarter);
    }
    for (TempoChange &change : tempos)
        change.tick = rescale(change.tick, from, newTicksPerQuarter);
    for (TimeSignatureChange &change : timeSignatures)
        change.tick = rescale(change.tick, from, newTicksPerQuarter);
    for (KeySignatureChange &change : keySignatures)
        change.tick = rescale(change.tick, from, newTicksPerQuarter);
    ticksPerQuarter = newTicksPerQuarter;
}

Tick Score::endTick() const
{
    Tick end = 0;
    for (const Track &track : tracks)
        for (const Note &note : track.notes)
            end = std::max(end, note.start + note.length);
    return end;
}

std::size_t Score::noteCount() const
{
    std::size_t count = 0;
    for (const Track &track : tracks)
        count += track.notes.size();
    return count;
}

std::uint32_t defaultTrackColour(int index)
{
    // Twelve well-separated hues (Tableau-like), readable on dark and light backgrounds.
    static constexpr std::array<std::uint32_t, 12> palette = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948,
        0xB07AA1, 0xFF9DA7, 0x9C755F, 0x86BCB6, 0xD37295, 0xA0CBE8,
    };
    return palette[static_cast<std::size_t>(std::abs(index)) % palette.size()];
}

} // namespace tutti
// end of score.cpp
