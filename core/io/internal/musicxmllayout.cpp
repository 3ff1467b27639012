// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmllayout.cpp — measures from the time map, notes onto the grid, staves and voices.
#include "musicxmllayout.h"

#include "score/timemap.h"

#include <algorithm>
#include <bit>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int middleC = 60;

bool isKeyboard(int program)
{
    return program <= 7 || (program >= 16 && program <= 20) || program == 46; // pianos, organs, harp
}

// Ledger-line cost of showing `pitches` around a clef's middle line.
qint64 clefCost(const std::vector<LaidNote> &notes, int middleLine)
{
    qint64 cost = 0;
    for (const LaidNote &note : notes)
        cost += std::max(0, std::abs(note.pitch - middleLine) - 10);
    return cost;
}

} // namespace

MusicXmlLayout::MusicXmlLayout(const Score &score)
    : m_ticksPerQuarter(std::max(1, score.ticksPerQuarter))
{
    // Divisions: 3 * 2^m, as fine as the resolution's own powers of two (up to 1024th notes)
    // and the shortest beat of any time signature (a 64th in x/64) need, at least 32nd notes.
    int twos = std::countr_zero(static_cast<unsigned>(m_ticksPerQuarter));
    for (const TimeSignatureChange &time : score.timeSignatures)
        twos = std::max(twos, std::countr_zero(static_cast<unsigned>(std::max(1, time.denominator))) - 2);
    m_divisions = qint64{3} << std::clamp(twos, 3, 8);

    qint64 end = 0;
    for (const Track &track : score.tracks) {
        for (const Note &note : track.notes)
            end = std::max(end, toDivisions(note.start + std::max<Tick>(1, note.length)));
    }
    if (!layMeasures(score, end))
        return;
    m_parts.reserve(score.tracks.size());
    for (const Track &track : score.tracks)
        m_parts.push_back(layPart(track));
}

qint64 MusicXmlLayout::toDivisions(Tick tick) const
{
    const Tick clamped = std::max<Tick>(0, tick);
    return (clamped * m_divisions * 2 + m_ticksPerQuarter) / (2 * m_ticksPerQuarter);
}

bool MusicXmlLayout::layMeasures(const Score &score, qint64 end)
{
    const TimeMap map(score);
    const auto onGrid = [this](Tick tick) { return (toDivisions(tick) + 1) / 3 * 3; };
    std::vector<KeySignatureChange> keys = score.keySignatures;
    std::vector<TempoChange> tempos = score.tempos;
    std::size_t nextKey = 0;
    std::size_t nextTempo = 0;
    KeySignatureChange key;
    int bar = 1;
    while (m_measures.empty() || m_measures.back().end < end) {
        if (m_measures.size() >= static_cast<std::size_t>(maxMeasures) || bar > 4 * maxMeasures) {
            m_error = u"the score would need more than %1 measures"_s.arg(maxMeasures);
            m_measures.clear();
            return false;
        }
        const Tick startTick = map.barStart(bar);
        const Tick endTick = map.barStart(bar + 1);
        ++bar;
        LaidMeasure measure;
        measure.start = m_measures.empty() ? 0 : m_measures.back().end;
        measure.end = onGrid(endTick);
        if (measure.end <= measure.start)
            continue; // a bar shorter than the grid: its notes go to the next one
        const TimeSignatureChange time = map.timeSignatureAt(startTick);
        measure.numerator = time.numerator;
        measure.denominator = time.denominator;
        measure.newTime = m_measures.empty() || m_measures.back().numerator != time.numerator
                       || m_measures.back().denominator != time.denominator;
        if (time.denominator >= 8 && time.numerator > 3 && time.numerator % 3 == 0)
            measure.compoundBeat = 3 * 4 * m_divisions / time.denominator;
        // A key that changes inside a bar takes effect from the bar's start.
        bool keyChanged = m_measures.empty();
        while (nextKey < keys.size() && keys[nextKey].tick < endTick) {
            keyChanged = keyChanged || keys[nextKey].sharps != key.sharps || keys[nextKey].minor != key.minor;
            key = keys[nextKey++];
        }
        measure.newKey = keyChanged;
        measure.sharps = std::clamp(key.sharps, -7, 7);
        measure.minor = key.minor;
        if (m_measures.empty())
            measure.tempos.emplace_back(0, map.microsecondsPerQuarterAt(0));
        while (nextTempo < tempos.size() && tempos[nextTempo].tick < endTick) {
            const qint64 offset = std::clamp(toDivisions(tempos[nextTempo].tick) - measure.start, qint64{0},
                                             measure.end - measure.start - 1);
            const int micros = std::max(1, tempos[nextTempo++].microsecondsPerQuarter);
            if (!measure.tempos.empty() && measure.tempos.back().first == offset)
                measure.tempos.back().second = micros;
            else
                measure.tempos.emplace_back(offset, micros);
        }
        measure.firstWindow = m_windowCount;
        m_windowCount += static_cast<std::size_t>((measure.end - measure.start + m_divisions - 1) / m_divisions);
        m_measures.push_back(std::move(measure));
    }
    return true;
}

std::size_t MusicXmlLayout::measureAt(qint64 at) const
{
    const auto it = std::upper_bound(m_measures.begin(), m_measures.end(), at,
                                     [](qint64 value, const LaidMeasure &measure) { return value < measure.start; });
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, it - m_measures.begin() - 1));
}

std::pair<qint64, qint64> MusicXmlLayout::window(const LaidMeasure &measure, qint64 at) const
{
    const qint64 start = measure.start + (at - measure.start) / m_divisions * m_divisions;
    return {start, std::min(start + m_divisions, measure.end)};
}

std::size_t MusicXmlLayout::windowIndex(const LaidMeasure &measure, qint64 at) const
{
    return measure.firstWindow + static_cast<std::size_t>((at - measure.start) / m_divisions);
}

bool MusicXmlLayout::tripletAllowed(qint64 windowLength) const
{
    // Three in the time of two of a plain value: a quarter, or a shorter power-of-two part
    // of it (at a measure's end), whose half is still a value the grid can name.
    return windowLength >= 6 && m_divisions % windowLength == 0
        && std::has_single_bit(static_cast<quint64>(m_divisions / windowLength));
}

qint64 MusicXmlLayout::snap(const LaidPart &part, qint64 at) const
{
    if (at % 3 == 0 && at >= m_measures.back().end)
        return at;
    const LaidMeasure &measure = m_measures[measureAt(at)];
    if (at >= measure.end)
        return measure.end;
    const auto [start, end] = window(measure, at);
    const qint64 offset = at - start;
    if (part.triplet[windowIndex(measure, at)])
        return start + (offset + 1) / 2 * 2;
    return start + (offset + 1) / 3 * 3;
}

LaidPart MusicXmlLayout::layPart(const Track &track)
{
    LaidPart part;
    part.track = &track;
    part.triplet.assign(m_windowCount, false);
    part.notes.reserve(track.notes.size());
    for (const Note &note : track.notes) {
        LaidNote laid;
        laid.start = toDivisions(note.start);
        laid.end = toDivisions(note.start + std::max<Tick>(1, note.length));
        laid.pitch = std::clamp(note.pitch, 0, 127);
        laid.velocity = std::clamp(note.velocity, 1, 127);
        part.notes.push_back(laid);
    }
    // Windows with a start or end off the binary grid play triplets.
    for (const LaidNote &note : part.notes) {
        for (const qint64 at : {note.start, note.end}) {
            if (at % 3 == 0)
                continue;
            const LaidMeasure &measure = m_measures[measureAt(at)];
            if (at >= measure.end)
                continue;
            const auto [start, end] = window(measure, at);
            if (tripletAllowed(end - start))
                part.triplet[windowIndex(measure, at)] = true;
        }
    }
    for (std::size_t i = 0; i < part.notes.size(); ++i) {
        LaidNote &laid = part.notes[i];
        laid.start = snap(part, laid.start);
        laid.end = snap(part, laid.end);
        if (laid.end <= laid.start) {
            const LaidMeasure &measure = m_measures[measureAt(laid.start)];
            laid.end = laid.start + (part.triplet[windowIndex(measure, laid.start)] ? 2 : 3);
        }
        const Note &note = track.notes[i];
        const Tick noteEnd = note.start + note.length;
        if (laid.start * m_ticksPerQuarter != note.start * m_divisions
            || laid.end * m_ticksPerQuarter != noteEnd * m_divisions || note.pitch != laid.pitch)
            ++m_movedNotes;
    }
    std::stable_sort(part.notes.begin(), part.notes.end(), [](const LaidNote &a, const LaidNote &b) {
        return a.start != b.start ? a.start < b.start : a.pitch > b.pitch;
    });
    chooseStaves(part);
    assignVoices(part);
    return part;
}

void MusicXmlLayout::chooseStaves(LaidPart &part) const
{
    if (part.track->isDrum) {
        part.clefs[0] = LaidClef::Percussion;
        return;
    }
    const auto below = std::count_if(part.notes.begin(), part.notes.end(),
                                     [](const LaidNote &note) { return note.pitch < middleC; });
    const auto above = static_cast<std::ptrdiff_t>(part.notes.size()) - below;
    if (isKeyboard(part.track->program) && below * 10 >= static_cast<std::ptrdiff_t>(part.notes.size())
        && above * 10 >= static_cast<std::ptrdiff_t>(part.notes.size()) && !part.notes.empty()) {
        part.staves = 2;
        for (LaidNote &note : part.notes)
            note.staff = note.pitch >= middleC ? 1 : 2;
        return;
    }
    const qint64 treble = clefCost(part.notes, 71); // B4, the treble staff's middle line
    const qint64 bass = clefCost(part.notes, 50);   // D3
    const qint64 alto = clefCost(part.notes, 60);   // C4
    part.clefs[0] = LaidClef::Treble;
    if (bass < treble)
        part.clefs[0] = LaidClef::Bass;
    if (part.track->program == 41 && alto < std::min(treble, bass)) // the viola reads alto clef
        part.clefs[0] = LaidClef::Alto;
}

void MusicXmlLayout::assignVoices(LaidPart &part)
{
    struct Lane
    {
        qint64 chordStart;
        qint64 chordEnd;
    };
    std::vector<Lane> lanes[2];
    for (LaidNote &note : part.notes) {
        std::vector<Lane> &staffLanes = lanes[note.staff - 1];
        std::size_t chosen = staffLanes.size();
        for (std::size_t i = 0; i < staffLanes.size(); ++i) {
            if (staffLanes[i].chordStart == note.start && staffLanes[i].chordEnd == note.end) {
                chosen = i; // joins the chord
                break;
            }
        }
        if (chosen == staffLanes.size()) {
            for (std::size_t i = 0; i < staffLanes.size(); ++i) {
                if (staffLanes[i].chordEnd <= note.start) {
                    chosen = i;
                    break;
                }
            }
        }
        if (chosen == staffLanes.size())
            staffLanes.push_back({});
        staffLanes[chosen] = {note.start, note.end};
        note.voice = static_cast<int>(chosen) + 1;
    }
    // Voices of the lower staff follow those of the upper one (5-8 for a piano, as is usual).
    const int lowerBase = std::max<int>(4, static_cast<int>(lanes[0].size()));
    for (LaidNote &note : part.notes) {
        if (note.staff == 2)
            note.voice += lowerBase;
    }
}

} // namespace tutti
// end of musicxmllayout.cpp
