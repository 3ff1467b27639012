// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmltremolo.cpp — expands single- and two-note tremolos into repeated notes.
#include "musicxmltremolo.h"

#include <map>
#include <utility>

namespace tutti {

namespace {

using Tremolo = WrittenNote::Tremolo;

constexpr Tick maxRepetitions = 256; // per note; a longer "tremolo" stays as written

// Appends the repetitions of `note` in slots firstSlot, firstSlot + step, ... below
// `slots`, each `unit` long from `from` (a two-note tremolo leaves every other slot to
// its partner).
void repeat(const WrittenNote &note, Tick from, Tick unit, Tick slots, Tick firstSlot, Tick step,
            std::vector<WrittenNote> &out)
{
    for (Tick slot = firstSlot; slot < slots; slot += step) {
        WrittenNote repeated = note;
        repeated.onset = from + unit * slot;
        repeated.length = unit;
        repeated.tremolo = Tremolo::None;
        repeated.tieStop = note.tieStop && slot == firstSlot;
        repeated.tieStart = note.tieStart && slot + step >= slots;
        out.push_back(repeated);
    }
}

} // namespace

std::vector<WrittenNote> playTremolos(const std::vector<WrittenNote> &notes, int ticksPerQuarter)
{
    // Two-note tremolos pair a first chord with the second chord of the same voice that
    // starts where the first ends: index both halves by (voice, meeting point).
    std::map<std::pair<int, Tick>, Tick> firstLengthEndingAt;
    std::map<std::pair<int, Tick>, Tick> secondLengthStartingAt;
    for (const WrittenNote &note : notes) {
        if (note.tremolo == Tremolo::FirstOfTwo)
            firstLengthEndingAt[{note.voice, note.onset + note.length}] = note.length;
        else if (note.tremolo == Tremolo::SecondOfTwo)
            secondLengthStartingAt[{note.voice, note.onset}] = note.length;
    }

    std::vector<WrittenNote> out;
    out.reserve(notes.size());
    for (const WrittenNote &note : notes) {
        // The strokes add to the beams of the note value: one stroke on an eighth is 16ths.
        const int beams = note.tremoloMarks + note.flags;
        const Tick unit = note.tremolo == Tremolo::None || beams > 16 ? 0 : Tick{ticksPerQuarter} >> beams;
        Tick start = note.onset;
        Tick total = 0;
        Tick firstSlot = 0;
        Tick step = 1;
        if (note.tremolo == Tremolo::Single) {
            total = note.length;
        } else if (note.tremolo == Tremolo::FirstOfTwo) {
            const auto partner = secondLengthStartingAt.find({note.voice, note.onset + note.length});
            total = partner == secondLengthStartingAt.end() ? 0 : note.length + partner->second;
            step = 2;
        } else if (note.tremolo == Tremolo::SecondOfTwo) {
            const auto partner = firstLengthEndingAt.find({note.voice, note.onset});
            start = partner == firstLengthEndingAt.end() ? start : note.onset - partner->second;
            total = partner == firstLengthEndingAt.end() ? 0 : note.length + partner->second;
            firstSlot = 1;
            step = 2;
        }
        const Tick slots = unit > 0 ? total / unit : 0;
        if (slots >= 2 && slots <= maxRepetitions)
            repeat(note, start, unit, slots, firstSlot, step, out);
        else
            out.push_back(note);
    }
    return out;
}

} // namespace tutti
// end of musicxmltremolo.cpp
