// SPDX-License-Identifier: GPL-3.0-or-later
// score.h — Tutti's score model: plain value types, no Qt objects, no widgets.
//
// Usage:
//   tutti::Score score;                       // 480 ticks per quarter, 120 BPM, 4/4
//   tutti::Track& violin = score.addTrack(u"Violin"_s, 40);
//   violin.notes.push_back({0, 480, 67, 90});  // G4, one quarter, at the start
//   score.normalize();                         // sort notes and maps; call after bulk edits
//   tutti::TimeMap map(score);                 // see timemap.h for ticks <-> seconds, bars
//
// Times are integer ticks (ticksPerQuarter per quarter note). Every map (tempo, time
// signature, key signature) is sorted by tick; an empty map means the MIDI default
// (120 BPM, 4/4, C major). Nothing here allocates on its own behind the caller's back.
#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace tutti {

using Tick = std::int64_t;

struct Note
{
    Tick start = 0;     // onset, in ticks from the start of the score
    Tick length = 0;    // duration in ticks, > 0
    int pitch = 60;     // MIDI pitch 0..127
    int velocity = 80;  // 1..127

    friend bool operator==(const Note &, const Note &) = default;
};

// Notes order by onset, then pitch, then length, then velocity.
bool operator<(const Note &a, const Note &b);

// A controller change of a track. The sustain pedal (controller 64) is what Tutti records,
// plays, saves and writes to MIDI files; other controllers are not kept.
struct ControlChange
{
    static constexpr int sustain = 64;

    Tick tick = 0;
    int controller = sustain;
    int value = 0; // 0..127; the pedal is down from 64

    friend bool operator==(const ControlChange &, const ControlChange &) = default;
};

struct Track
{
    QString name;
    int program = 0;         // General MIDI program, 0-based (0..127)
    int channel = 0;         // MIDI channel 0..15 (9 is the General MIDI drum channel)
    bool isDrum = false;     // drum kit: pitches are drum sounds, program picks the kit
    int volume = 100;        // MIDI CC 7, 0..127
    int pan = 64;            // MIDI CC 10, 0..127, 64 is centre
    bool muted = false;
    bool soloed = false;
    std::uint32_t colour = 0; // 0xRRGGBB
    std::vector<Note> notes;  // sorted by operator< after Score::normalize()
    std::vector<ControlChange> controls; // sorted by tick (stable) after Score::normalize()

    friend bool operator==(const Track &, const Track &) = default;
};

struct TempoChange
{
    Tick tick = 0;
    int microsecondsPerQuarter = 500000; // as in MIDI: 500000 is 120 BPM

    double bpm() const { return 60'000'000.0 / microsecondsPerQuarter; }
    static int microsecondsFromBpm(double bpm);
    friend bool operator==(const TempoChange &, const TempoChange &) = default;
};

struct TimeSignatureChange
{
    Tick tick = 0;      // should fall on a bar line; a change elsewhere starts a new bar there
    int numerator = 4;
    int denominator = 4; // a power of two: 1, 2, 4, 8, 16, 32, 64

    friend bool operator==(const TimeSignatureChange &, const TimeSignatureChange &) = default;
};

struct KeySignatureChange
{
    Tick tick = 0;
    int sharps = 0;     // -7 (7 flats) .. +7 (7 sharps)
    bool minor = false;

    friend bool operator==(const KeySignatureChange &, const KeySignatureChange &) = default;
};

struct Score
{
    static constexpr int defaultTicksPerQuarter = 480;

    QString title;
    int ticksPerQuarter = defaultTicksPerQuarter;
    std::vector<TempoChange> tempos;
    std::vector<TimeSignatureChange> timeSignatures;
    std::vector<KeySignatureChange> keySignatures;
    std::vector<Track> tracks;

    Track &addTrack(const QString &name, int program);

    // Sorts notes and maps, drops exact duplicate notes and map entries that repeat the
    // previous value, and makes the first tempo and time signature start at tick 0.
    void normalize();

    // Rescales every tick to a new resolution (rounding to nearest); lengths stay >= 1.
    void setTicksPerQuarter(int newTicksPerQuarter);

    Tick endTick() const;   // end of the last note (0 for an empty score)
    std::size_t noteCount() const;

    friend bool operator==(const Score &, const Score &) = default;
};

// A distinct, readable colour for the n-th track (0xRRGGBB).
std::uint32_t defaultTrackColour(int index);

} // namespace tutti
// end of score.h
