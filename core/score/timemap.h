// SPDX-License-Identifier: GPL-3.0-or-later
// timemap.h — exact conversions between ticks, seconds and bar:beat:tick for one Score.
//
// Usage:
//   tutti::TimeMap map(score);                 // snapshot of the score's tempo and metre maps
//   double s = map.seconds(960);               // tick -> seconds, across tempo changes
//   tutti::Tick t = map.tickAtSeconds(1.5);    // seconds -> nearest tick
//   tutti::BarBeatTick pos = map.barBeatTick(t);  // 1-based bar and beat, 0-based tick
//   tutti::Tick again = map.tick(pos);         // and back, exactly
//
// A beat is one unit of the time signature's denominator (an eighth in 6/8). A time
// signature change that does not fall on a bar line starts a new bar where it stands,
// as notation programs do on import. Build a new TimeMap after the score's maps change.
#pragma once

#include "score.h"

#include <QString>

#include <vector>

namespace tutti {

struct BarBeatTick
{
    int bar = 1;   // 1-based
    int beat = 1;  // 1-based within the bar
    Tick tick = 0; // 0-based within the beat

    QString toString() const; // "12:3:240"
    friend bool operator==(const BarBeatTick &, const BarBeatTick &) = default;
};

class TimeMap
{
public:
    explicit TimeMap(const Score &score);

    int ticksPerQuarter() const { return m_ticksPerQuarter; }

    double seconds(Tick tick) const;
    Tick tickAtSeconds(double seconds) const;   // nearest tick; negative seconds give 0
    double bpmAt(Tick tick) const;
    int microsecondsPerQuarterAt(Tick tick) const;

    TimeSignatureChange timeSignatureAt(Tick tick) const;
    Tick ticksPerBeat(Tick tick) const;         // at that tick's time signature
    Tick ticksPerBar(Tick tick) const;

    BarBeatTick barBeatTick(Tick tick) const;   // tick >= 0
    Tick tick(const BarBeatTick &position) const;
    Tick barStart(int bar) const;               // bar >= 1
    int barAt(Tick tick) const;                 // 1-based bar holding tick
    int barCount(Tick endTick) const;           // bars needed to hold [0, endTick)

private:
    struct TempoSegment
    {
        Tick tick;
        int microsecondsPerQuarter;
        double secondsAtStart;
    };
    struct MeterSegment
    {
        Tick tick;        // where this time signature starts (a bar line)
        int numerator;
        int denominator;
        int firstBar;     // 1-based number of the bar starting at tick
    };

    const TempoSegment &tempoSegmentAt(Tick tick) const;
    const MeterSegment &meterSegmentAt(Tick tick) const;
    const MeterSegment &meterSegmentOfBar(int bar) const;
    Tick ticksPerBeat(const MeterSegment &segment) const;

    int m_ticksPerQuarter;
    std::vector<TempoSegment> m_tempo;  // never empty, first at tick 0
    std::vector<MeterSegment> m_meter;  // never empty, first at tick 0
};

} // namespace tutti
// end of timemap.h
