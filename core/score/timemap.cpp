// SPDX-License-Identifier: GPL-3.0-or-later
// timemap.cpp — piecewise-linear tempo map and bar-aligned metre map.
#include "timemap.h"

#include <algorithm>
#include <cmath>

namespace tutti {

QString BarBeatTick::toString() const
{
    return QString::number(bar) + u':' + QString::number(beat) + u':' + QString::number(tick);
}

TimeMap::TimeMap(const Score &score)
    : m_ticksPerQuarter(std::max(1, score.ticksPerQuarter))
{
    std::vector<TempoChange> tempos = score.tempos;
    std::stable_sort(tempos.begin(), tempos.end(),
                     [](const TempoChange &a, const TempoChange &b) { return a.tick < b.tick; });
    m_tempo.push_back({0, TempoChange{}.microsecondsPerQuarter, 0.0});
    for (const TempoChange &change : tempos) {
        const Tick tick = std::max<Tick>(0, change.tick);
        const int micros = std::max(1, change.microsecondsPerQuarter);
        TempoSegment &last = m_tempo.back();
        if (tick == last.tick) {
            last.microsecondsPerQuarter = micros;
            continue;
        }
        const double start = last.secondsAtStart
            + static_cast<double>(tick - last.tick) * last.microsecondsPerQuarter / m_ticksPerQuarter / 1e6;
        m_tempo.push_back({tick, micros, start});
    }

    std::vector<TimeSignatureChange> metres = score.timeSignatures;
    std::stable_sort(metres.begin(), metres.end(),
                     [](const TimeSignatureChange &a, const TimeSignatureChange &b) { return a.tick < b.tick; });
    m_meter.push_back({0, 4, 4, 1});
    for (const TimeSignatureChange &change : metres) {
        const Tick tick = std::max<Tick>(0, change.tick);
        const int numerator = std::max(1, change.numerator);
        const int denominator = std::clamp(change.denominator, 1, 64);
        MeterSegment &last = m_meter.back();
        if (tick == last.tick) {
            last.numerator = numerator;
            last.denominator = denominator;
            continue;
        }
        // Bars of the previous metre before this change; a partial bar counts as a bar.
        const Tick barLength = ticksPerBeat(last) * last.numerator;
        const Tick span = tick - last.tick;
        const int bars = static_cast<int>((span + barLength - 1) / barLength);
        m_meter.push_back({tick, numerator, denominator, last.firstBar + bars});
    }
}

const TimeMap::TempoSegment &TimeMap::tempoSegmentAt(Tick tick) const
{
    auto it = std::upper_bound(m_tempo.begin(), m_tempo.end(), tick,
                               [](Tick t, const TempoSegment &s) { return t < s.tick; });
    return it == m_tempo.begin() ? m_tempo.front() : *std::prev(it);
}

const TimeMap::MeterSegment &TimeMap::meterSegmentAt(Tick tick) const
{
    auto it = std::upper_bound(m_meter.begin(), m_meter.end(), tick,
                               [](Tick t, const MeterSegment &s) { return t < s.tick; });
    return it == m_meter.begin() ? m_meter.front() : *std::prev(it);
}

const TimeMap::MeterSegment &TimeMap::meterSegmentOfBar(int bar) const
{
    auto it = std::upper_bound(m_meter.begin(), m_meter.end(), bar,
                               [](int b, const MeterSegment &s) { return b < s.firstBar; });
    return it == m_meter.begin() ? m_meter.front() : *std::prev(it);
}

Tick TimeMap::ticksPerBeat(const MeterSegment &segment) const
{
    return std::max<Tick>(1, static_cast<Tick>(m_ticksPerQuarter) * 4 / segment.denominator);
}

double TimeMap::seconds(Tick tick) const
{
    const TempoSegment &segment = tempoSegmentAt(tick);
    return segment.secondsAtStart
        + static_cast<double>(tick - segment.tick) * segment.microsecondsPerQuarter / m_ticksPerQuarter / 1e6;
}

Tick TimeMap::tickAtSeconds(double seconds) const
{
    if (!(seconds > 0.0))
        return 0;
    auto it = std::upper_bound(m_tempo.begin(), m_tempo.end(), seconds,
                               [](double s, const TempoSegment &seg) { return s < seg.secondsAtStart; });
    const TempoSegment &segment = *std::prev(it);
    const double ticks = (seconds - segment.secondsAtStart) * 1e6 * m_ticksPerQuarter / segment.microsecondsPerQuarter;
    return segment.tick + static_cast<Tick>(std::llround(ticks));
}

double TimeMap::bpmAt(Tick tick) const
{
    return 60'000'000.0 / tempoSegmentAt(tick).microsecondsPerQuarter;
}

int TimeMap::microsecondsPerQuarterAt(Tick tick) const
{
    return tempoSegmentAt(tick).microsecondsPerQuarter;
}

TimeSignatureChange TimeMap::timeSignatureAt(Tick tick) const
{
    const MeterSegment &segment = meterSegmentAt(tick);
    return {segment.tick, segment.numerator, segment.denominator};
}

Tick TimeMap::ticksPerBeat(Tick tick) const
{
    return ticksPerBeat(meterSegmentAt(tick));
}

Tick TimeMap::ticksPerBar(Tick tick) const
{
    const MeterSegment &segment = meterSegmentAt(tick);
    return ticksPerBeat(segment) * segment.numerator;
}

BarBeatTick TimeMap::barBeatTick(Tick tick) const
{
    tick = std::max<Tick>(0, tick);
    const MeterSegment &segment = meterSegmentAt(tick);
    const Tick beatLength = ticksPerBeat(segment);
    const Tick barLength = beatLength * segment.numerator;
    const Tick offset = tick - segment.tick;
    const Tick inBar = offset % barLength;
    return {segment.firstBar + static_cast<int>(offset / barLength),
            static_cast<int>(inBar / beatLength) + 1,
            inBar % beatLength};
}

Tick TimeMap::tick(const BarBeatTick &position) const
{
    const Tick bar = barStart(position.bar);
    return bar + (position.beat - 1) * ticksPerBeat(bar) + position.tick;
}

Tick TimeMap::barStart(int bar) const
{
    bar = std::max(1, bar);
    const MeterSegment &segment = meterSegmentOfBar(bar);
    return segment.tick + static_cast<Tick>(bar - segment.firstBar) * ticksPerBeat(segment) * segment.numerator;
}

int TimeMap::barAt(Tick tick) const
{
    return barBeatTick(tick).bar;
}

int TimeMap::barCount(Tick endTick) const
{
    if (endTick <= 0)
        return 0;
    const BarBeatTick last = barBeatTick(endTick - 1);
    return last.bar;
}

} // namespace tutti
// end of timemap.cpp
