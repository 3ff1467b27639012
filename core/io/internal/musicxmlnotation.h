// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlnotation.h — how the MusicXML writer spells one pitch and one stretch of time.
//
// Usage (inside core/io only):
//   tutti::SpelledPitch p = tutti::spellPitch(61, 2, false);  // C#4 in D major: {'C', 1, 4}
//   tutti::NoteValueGrid grid(96);                             // 96 divisions per quarter
//   std::vector<tutti::NoteValue> values;
//   grid.split(0, 144, 0, values);                             // a dotted quarter
//
// Pitches are spelled from the key: the key's own notes as the scale has them, other notes
// raised in sharp keys (and for the leading note and raised sixth of a minor key) and
// lowered in flat keys. Durations are split greedily into the longest notated values
// (breve down to the grid's smallest, at most a 1024th, single-dotted at most) that start on a multiple of
// their own undotted length, so a value never hides the middle of a longer one (a half note
// on beat 2 of 4/4 becomes two tied quarters). In compound metres a value does not cross a
// beat unless it starts on one and lasts whole beats.
#pragma once

#include <QtGlobal>

#include <vector>

namespace tutti {

struct SpelledPitch
{
    char step = 'C';  // C D E F G A B
    int alter = 0;    // semitones, -2..2
    int octave = 4;   // scientific octave: middle C is C4
};

// `sharps` -7..7 (negative: flats), as in a key signature.
SpelledPitch spellPitch(int midiPitch, int sharps, bool minor);

struct NoteValue
{
    qint64 length = 0;      // in divisions, dots included
    const char *type = "";  // MusicXML <type>: "breve", "whole", ... "256th"
    int dots = 0;           // 0 or 1
};

class NoteValueGrid
{
public:
    // `divisionsPerQuarter` is 3 * 2^m with m in 3..8: the smallest value is 3 divisions.
    explicit NoteValueGrid(qint64 divisionsPerQuarter);

    qint64 smallest() const { return 3; }
    // The <type> of an undotted value of `length` divisions; nullptr when none has it.
    const char *typeOf(qint64 length) const;

    // Appends the values that spell [from, to), positions counted from a bar or tuplet
    // start. Both must be multiples of smallest(). `compoundBeat` is the beat of a compound
    // metre in divisions (a dotted quarter in 6/8), 0 otherwise.
    void split(qint64 from, qint64 to, qint64 compoundBeat, std::vector<NoteValue> &out) const;

private:
    bool fits(qint64 at, qint64 length, qint64 base, qint64 compoundBeat) const;

    std::vector<std::pair<qint64, const char *>> m_bases; // longest first
};

} // namespace tutti
// end of musicxmlnotation.h
