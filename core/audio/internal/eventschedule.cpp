// SPDX-License-Identifier: GPL-3.0-or-later
// eventschedule.cpp — Score -> frame-timed note events through the tempo map.
#include "eventschedule.h"

#include "score/timemap.h"

#include <algorithm>
#include <cmath>

namespace tutti::audio {

namespace {

void sortEvents(EventSchedule &schedule)
{
    std::stable_sort(schedule.events.begin(), schedule.events.end(),
                     [](const ScheduledEvent &a, const ScheduledEvent &b) {
                         return a.frame != b.frame ? a.frame < b.frame : a.kind < b.kind;
                     });
}

} // namespace

std::vector<bool> audibleTracks(const Score &score)
{
    const bool anySolo = std::any_of(score.tracks.begin(), score.tracks.end(),
                                     [](const Track &track) { return track.soloed; });
    std::vector<bool> audible;
    audible.reserve(score.tracks.size());
    for (const Track &track : score.tracks)
        audible.push_back(!track.muted && (!anySolo || track.soloed));
    return audible;
}

EventSchedule buildSchedule(const Score &score, int sampleRate)
{
    EventSchedule schedule;
    schedule.sampleRate = sampleRate;
    const TimeMap map(score);
    const std::vector<bool> audible = audibleTracks(score);
    const auto frameAt = [&](Tick tick) {
        return static_cast<Frame>(std::llround(map.seconds(tick) * sampleRate));
    };

    std::size_t noteCount = 0;
    for (const Track &track : score.tracks)
        noteCount += track.notes.size();
    schedule.events.reserve(2 * noteCount);

    static constexpr int pitchedMidiChannels[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15};
    int nextPitched = 0;
    for (std::size_t index = 0; index < score.tracks.size(); ++index) {
        const Track &track = score.tracks[index];
        const int midiChannel = track.isDrum ? 9 : pitchedMidiChannels[nextPitched++ % 15];
        schedule.channels.push_back(
            {track.program, track.isDrum, track.volume, track.pan, audible[index], midiChannel});
        const auto channel = static_cast<std::uint16_t>(index);
        for (const Note &note : track.notes) {
            const auto key = static_cast<std::uint8_t>(std::clamp(note.pitch, 0, 127));
            const auto velocity = static_cast<std::uint8_t>(std::clamp(note.velocity, 1, 127));
            const Frame on = frameAt(note.start);
            const Frame off = std::max(on + 1, frameAt(note.start + note.length));
            schedule.events.push_back({on, ScheduledEvent::Kind::NoteOn, key, velocity, channel});
            schedule.events.push_back({off, ScheduledEvent::Kind::NoteOff, key, 0, channel});
            schedule.endFrame = std::max(schedule.endFrame, off);
        }
        for (const ControlChange &change : track.controls) {
            schedule.events.push_back({frameAt(change.tick), ScheduledEvent::Kind::Control,
                                       static_cast<std::uint8_t>(std::clamp(change.controller, 0, 127)),
                                       static_cast<std::uint8_t>(std::clamp(change.value, 0, 127)), channel});
        }
    }
    sortEvents(schedule);
    return schedule;
}

void appendMetronome(EventSchedule &schedule, const Score &score, Tick until)
{
    const auto channel = static_cast<std::uint16_t>(schedule.channels.size());
    schedule.channels.push_back({0, true, 110, 64, true, 9});
    const TimeMap map(score);
    const int sampleRate = schedule.sampleRate;
    for (Tick tick = 0; tick < until;) {
        const Tick bar = map.barStart(map.barAt(tick));
        const bool accent = tick == bar;
        const Frame on = std::llround(map.seconds(tick) * sampleRate);
        const auto key = static_cast<std::uint8_t>(accent ? metronomeAccentKey : metronomeBeatKey);
        schedule.events.push_back({on, ScheduledEvent::Kind::NoteOn, key, std::uint8_t(accent ? 110 : 80), channel});
        schedule.events.push_back({on + sampleRate / 20, ScheduledEvent::Kind::NoteOff, key, 0, channel});
        tick += std::max<Tick>(1, map.ticksPerBeat(tick));
    }
    sortEvents(schedule);
}

} // namespace tutti::audio
// end of eventschedule.cpp
