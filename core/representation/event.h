// SPDX-License-Identifier: GPL-3.0-or-later
// event.h — the Multitrack Music Transformer (MMT) event: six small integer codes.
//
// Usage:
//   tutti::Event note = tutti::Event::note(4, 6, 60, tutti::durationCode(12), 25);
//   // beat 4 (code 5), half-way through the beat (position 6, code 7), middle C (code 61),
//   // one beat long (code 12), violin (instrument code 25)
//   int twelfths = tutti::durationTwelfths(note.duration);   // 12
//
// Every field holds a code, not a raw value; 0 means "none". Codes per field:
//   type        0 start-of-song, 1 instrument, 2 start-of-notes, 3 note, 4 end-of-song,
//               5 infill "context after" marker, 6 infill "middle" marker (fill-in-the-
//               middle order, infill.h; their beat field holds a beat code of the gap)
//   beat        beat + 1, beats are quarter notes, 0..255 in one window (257 codes)
//   position    position + 1, twelve positions per beat (13 codes)
//   pitch       MIDI pitch + 1 (129 codes)
//   duration    1 + index into durationValues() (33 codes)
//   instrument  1..64 from instruments.h (65 codes)
// Non-note events have every field but type at 0, except instrument events, which fill
// the instrument field.
#pragma once

#include <array>
#include <cstdint>

namespace tutti {

inline constexpr int representationVersion = 1;
inline constexpr int positionsPerBeat = 12;
inline constexpr int maxBeatsPerWindow = 256;
inline constexpr int maxSequenceEvents = 1024;

enum class EventType : std::int8_t
{
    StartOfSong = 0,
    Instrument = 1,
    StartOfNotes = 2,
    Note = 3,
    EndOfSong = 4,
    InfillContextAfter = 5,
    InfillMiddle = 6,
};

enum class Field : std::int8_t
{
    Type = 0,
    Beat = 1,
    Position = 2,
    Pitch = 3,
    Duration = 4,
    Instrument = 5,
};

inline constexpr int fieldCount = 6;

// Number of codes of each field, in Field order.
inline constexpr std::array<int, fieldCount> fieldVocabularySizes = {7, 257, 13, 129, 33, 65};

const char *fieldName(Field field); // "type", "beat", ...

struct Event
{
    std::int16_t type = 0;
    std::int16_t beat = 0;
    std::int16_t position = 0;
    std::int16_t pitch = 0;
    std::int16_t duration = 0;
    std::int16_t instrument = 0;

    int operator[](Field field) const;
    void set(Field field, int code);
    EventType eventType() const { return static_cast<EventType>(type); }
    bool isNote() const { return eventType() == EventType::Note; }

    // Raw values of a note's codes; meaningful only for notes.
    int beatValue() const { return beat - 1; }
    int positionValue() const { return position - 1; }
    int pitchValue() const { return pitch - 1; }
    int onsetTwelfths() const { return beatValue() * positionsPerBeat + positionValue(); }

    static Event ofType(EventType type);
    static Event instrumentEvent(int instrumentCode);
    // Raw beat, position and pitch; duration and instrument already as codes.
    static Event note(int beat, int position, int pitch, int durationCode, int instrumentCode);

    friend bool operator==(const Event &, const Event &) = default;
};

// Notes order by (beat, position, pitch, duration, instrument), as MMT sorts them.
bool noteOrderLess(const Event &a, const Event &b);

// The 32 durations, in twelfths of a beat, ascending.
const std::array<int, 32> &durationValues();
// Code (1..32) of the nearest duration, ties to the shorter; <= 0 gives code 1, longer
// than 384 gives 384's code. `numerator / denominator` twelfths, exact (no rounding first).
int durationCode(std::int64_t numerator, std::int64_t denominator = 1);
int durationTwelfths(int code); // code 1..32; 0 for anything else

} // namespace tutti
// end of event.h
