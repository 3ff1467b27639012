// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlnotation.cpp — pitch spelling from the key, durations into notated values.
#include "musicxmlnotation.h"

#include <array>

namespace tutti {

namespace {

constexpr std::array<int, 7> stepSemitones = {0, 2, 4, 5, 7, 9, 11}; // C D E F G A B
constexpr std::array<char, 7> stepNames = {'C', 'D', 'E', 'F', 'G', 'A', 'B'};
constexpr std::array<int, 7> sharpOrder = {3, 0, 4, 1, 5, 2, 6};     // F C G D A E B
constexpr std::array<int, 7> flatOrder = {6, 2, 5, 1, 4, 0, 3};      // B E A D G C F

int keyAlter(int step, int sharps)
{
    const std::array<int, 7> &order = sharps >= 0 ? sharpOrder : flatOrder;
    const int count = sharps >= 0 ? sharps : -sharps;
    for (int i = 0; i < count && i < 7; ++i) {
        if (order[static_cast<std::size_t>(i)] == step)
            return sharps >= 0 ? 1 : -1;
    }
    return 0;
}

int pitchClass(int value)
{
    return ((value % 12) + 12) % 12;
}

// The step whose key note, moved by `shift` semitones, sounds pitch class `pc`; -1 if none.
int stepFor(int pc, int sharps, int shift)
{
    for (int step = 0; step < 7; ++step) {
        const int sounding = stepSemitones[static_cast<std::size_t>(step)] + keyAlter(step, sharps) + shift;
        if (pitchClass(sounding) == pc)
            return step;
    }
    return -1;
}

} // namespace

SpelledPitch spellPitch(int midiPitch, int sharps, bool minor)
{
    const int pc = pitchClass(midiPitch);
    int shift = 0;
    int step = stepFor(pc, sharps, 0);
    if (step < 0) {
        const int tonic = pitchClass(7 * sharps + (minor ? 9 : 0));
        const bool raisedMinorDegree = minor && (pc == pitchClass(tonic + 11) || pc == pitchClass(tonic + 9));
        shift = raisedMinorDegree || sharps >= 0 ? 1 : -1;
        step = stepFor(pc, sharps, shift);
    }
    // Every pitch class is a key note, or a semitone above and below one.
    const int alter = keyAlter(step, sharps) + shift;
    const int natural = stepSemitones[static_cast<std::size_t>(step)];
    SpelledPitch spelled;
    spelled.step = stepNames[static_cast<std::size_t>(step)];
    spelled.alter = alter;
    spelled.octave = (midiPitch - alter - natural) / 12 - 1;
    if (midiPitch - alter - natural < 0)
        spelled.octave = -1; // below C0 (MIDI 0..11): MusicXML has no octave for it
    return spelled;
}

NoteValueGrid::NoteValueGrid(qint64 divisionsPerQuarter)
{
    static constexpr std::array<const char *, 12> names = {"breve", "whole", "half",  "quarter", "eighth", "16th",
                                                            "32nd",  "64th",  "128th", "256th",   "512th",  "1024th"};
    qint64 length = divisionsPerQuarter * 8;
    for (const char *name : names) {
        if (length < smallest())
            break;
        m_bases.emplace_back(length, name);
        if (length % 2 != 0)
            break;
        length /= 2;
    }
}

const char *NoteValueGrid::typeOf(qint64 length) const
{
    for (const auto &[base, name] : m_bases) {
        if (base == length)
            return name;
    }
    return nullptr;
}

bool NoteValueGrid::fits(qint64 at, qint64 length, qint64 base, qint64 compoundBeat) const
{
    if (compoundBeat > 0) {
        if (length % compoundBeat == 0)
            return at % length == 0 || (at % compoundBeat == 0 && length == compoundBeat);
        if (at % compoundBeat + length > compoundBeat)
            return false; // would hide a beat of the compound metre
    }
    return (compoundBeat > 0 ? at % compoundBeat : at) % base == 0;
}

void NoteValueGrid::split(qint64 from, qint64 to, qint64 compoundBeat, std::vector<NoteValue> &out) const
{
    qint64 at = from;
    while (at < to) {
        const qint64 left = to - at;
        NoteValue chosen;
        for (const auto &[base, name] : m_bases) {
            const qint64 dotted = base + base / 2;
            if (base >= 2 * smallest() && dotted <= left && fits(at, dotted, base, compoundBeat)) {
                chosen = {dotted, name, 1};
                break;
            }
            if (base <= left && fits(at, base, base, compoundBeat)) {
                chosen = {base, name, 0};
                break;
            }
        }
        if (chosen.length == 0) // off the grid: callers keep positions on it; end rather than loop
            chosen = {left, m_bases.back().second, 0};
        out.push_back(chosen);
        at += chosen.length;
    }
}

} // namespace tutti
// end of musicxmlnotation.cpp
