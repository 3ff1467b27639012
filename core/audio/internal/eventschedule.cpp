// eventschedule.cpp — Score -> frame-timed note events through the tempo map.
#include "eventschedule.h"

#include "score/timemap.h"

#include <algorithm>
#include <cmath>

namespace tutti::audio {

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

    for (std::size_t index = 0; index < score.tracks.size(); ++index) {
        const Track &track = score.tracks[index];
        schedule.channels.push_back({track.program, track.isDrum, track.volume, track.pan, audible[index]});
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
    }
    std::stable_sort(schedule.events.begin(), schedule.events.end(),
                     [](const ScheduledEvent &a, const ScheduledEvent &b) {
                         return a.frame != b.frame ? a.frame < b.frame : a.kind < b.kind;
                     });
    return schedule;
}

} // namespace tutti::audio
// end of eventschedule.cpp
