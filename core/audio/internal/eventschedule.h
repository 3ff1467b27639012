// SPDX-License-Identifier: GPL-3.0-or-later
// eventschedule.h — a Score turned into timed synthesizer events, in audio frames.
//
// Each Score track gets its own synthesizer channel (FluidSynth can have any multiple of 16
// channels), so volume, pan, program and mute never collide even when two tracks share a
// MIDI channel in the file. Frames are exact (rounded to the nearest frame); the block
// scheduler decides which 64-frame block an event lands in.
#pragma once

#include "score/score.h"

#include <cstdint>
#include <vector>

namespace tutti::audio {

using Frame = std::int64_t;

struct ScheduledEvent
{
    enum class Kind : std::uint8_t
    {
        Control, // a controller (key: its number, velocity: its value), before notes at one frame
        NoteOff, // before note-ons: a note-off and a note-on of one pitch at one frame must not cancel
        NoteOn,
    };

    Frame frame = 0;
    Kind kind = Kind::NoteOn;
    std::uint8_t key = 0;
    std::uint8_t velocity = 0;
    std::uint16_t channel = 0;
};

struct ChannelSetup
{
    int program = 0;
    bool drum = false;
    int volume = 100;
    int pan = 64;
    bool audible = true; // false when muted, or when another track is soloed
    int midiChannel = 0; // for MIDI out: pitched tracks take 0..15 in turn (skipping 9), drums 9
};

struct EventSchedule
{
    int sampleRate = 44100;
    std::vector<ScheduledEvent> events; // sorted by (frame, kind)
    std::vector<ChannelSetup> channels; // one per Score track, same order
    Frame endFrame = 0;                 // where the last note ends
};

// Muted tracks, and all unsoloed tracks when any track is soloed, are inaudible.
std::vector<bool> audibleTracks(const Score &score);

EventSchedule buildSchedule(const Score &score, int sampleRate);

// Metronome clicks on synthesizer channel `channel` (a drum channel, appended to
// schedule.channels): an accent on each bar line, a click on each other beat, from tick 0
// to `until`. Keys 76 and 77 are General MIDI's high and low wood blocks.
inline constexpr int metronomeAccentKey = 76;
inline constexpr int metronomeBeatKey = 77;
void appendMetronome(EventSchedule &schedule, const Score &score, Tick until);

} // namespace tutti::audio
// end of eventschedule.h
