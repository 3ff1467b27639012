// SPDX-License-Identifier: GPL-3.0-or-later
// miditracksplitter.h — turns the notes of a MIDI file's track chunks into Score tracks.
//
// Usage (inside the MIDI reader):
//   std::vector<MidiChunkTrack> chunks = ...;   // one per MTrk, notes already paired
//   for (Track &track : splitMidiTracks(chunks)) ...
//
// A chunk becomes one Score track per (channel, program) its notes use, in the order the
// notes first appear, so format 0 files and multi-channel chunks come apart by channel, and
// a channel that switches program between notes comes apart by program. Chunks with no
// notes give no track. Channel 10 (index 9) gives drum tracks.
#pragma once

#include "score/score.h"

#include <QString>

#include <array>
#include <vector>

namespace tutti {

struct MidiChunkNote
{
    Tick start = 0;
    Tick end = 0;     // > start
    int channel = 0;
    int pitch = 0;
    int velocity = 0;
    int program = -1; // the chunk's own program on this channel at the note-on; -1: none yet
};

struct MidiSustainChange
{
    Tick tick = 0;
    int channel = 0;
    int value = 0; // CC 64
};

struct MidiProgramChange
{
    Tick tick = 0;
    int channel = 0;
    int program = 0;
};

struct MidiChunkTrack
{
    static constexpr int channelCount = 16;

    QString name;                                 // first track-name event, trimmed
    std::vector<MidiChunkNote> notes;             // in note-on order
    std::vector<MidiProgramChange> programChanges; // in file order
    std::vector<MidiSustainChange> sustain;       // in file order
    std::array<int, channelCount> firstVolume;    // first CC 7 per channel; -1: none
    std::array<int, channelCount> firstPan;       // first CC 10 per channel; -1: none

    MidiChunkTrack()
    {
        firstVolume.fill(-1);
        firstPan.fill(-1);
    }
};

// Notes take their program from their own chunk's program changes. A chunk without one for
// a channel inherits it from chunks that set that channel up without playing on it (a
// conductor or setup track), else GM's default, program 0; volume and pan likewise.
// Nameless tracks are named after their GM program ("Drums" on channel 10), and names used
// more than once get numbers: "Violin 1", "Violin 2".
std::vector<Track> splitMidiTracks(const std::vector<MidiChunkTrack> &chunks);

} // namespace tutti
// end of miditracksplitter.h
