// SPDX-License-Identifier: GPL-3.0-or-later
// controlmask.cpp — onsets, pitches, durations and instruments a controlled note may take.
#include "generation/internal/controlmask.h"

#include "representation/instruments.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace tutti {
namespace {

constexpr float forbidden = -std::numeric_limits<float>::infinity();
// A pitch that would copy is scored this far down rather than forbidden: never drawn while
// any other pitch is allowed, and no dead end when none is.
constexpr float copyPenalty = -1.0e4f;
constexpr int unlimited = std::numeric_limits<int>::max() / 2;
constexpr std::size_t linePoints = 48; // enough for any passage the guard judges

std::int64_t roundedNotes(double notesPerBar, int bars)
{
    return std::llround(notesPerBar * bars);
}

} // namespace

ControlMask::ControlMask(ControlPlan plan)
    : m_plan(std::move(plan))
{
    for (int code = 1; code <= instrumentCount; ++code) {
        const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
        if (controls.active)
            m_active.push_back(code);
        m_density = m_density || (controls.active && controls.notesPerBar > 0.0);
    }
}

void ControlMask::setWindowOrigin(int originBeat)
{
    m_origin = originBeat;
    m_run = 0; // the next apply() reads its history afresh
}

std::pair<int, int> ControlMask::barQuota(double notesPerBar, int bar)
{
    const int exact = static_cast<int>(roundedNotes(notesPerBar, bar + 1) - roundedNotes(notesPerBar, bar));
    const int slack = exact * 15 / 100;
    return {exact - slack, exact + slack};
}

std::int64_t ControlMask::onsetOf(int beatCode, int positionCode) const
{
    return static_cast<std::int64_t>(beatCode - 1 + m_origin) * positionsPerBeat + (positionCode - 1);
}

int ControlMask::barOf(std::int64_t onset) const
{
    const std::vector<std::int64_t> &starts = m_plan.barStarts;
    if (starts.empty() || onset < starts.front())
        return -1;
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), onset) - starts.begin()) - 1;
}

void ControlMask::follow(const SamplingState &state) const
{
    const std::vector<Event> &history = *state.history;
    if (state.run != m_run || history.size() < m_read) {
        m_run = state.run;
        m_read = 0;
        m_tracks = {};
        m_generated = 0;
        m_lastOnset = -1;
    }
    for (; m_read < history.size(); ++m_read) {
        const Event &event = history[m_read];
        if (event.eventType() == EventType::InfillMiddle) { // what came before was context
            m_tracks = {};
            m_generated = 0;
            m_lastOnset = -1;
        } else if (event.isNote() && onsetOf(event.beat, event.position) >= m_plan.barStarts.front()
                   && event.instrument >= 1 && event.instrument <= instrumentCount
                   && m_plan.instruments[static_cast<std::size_t>(event.instrument)].active) {
            add(event);
        }
    }
}

void ControlMask::add(const Event &note) const
{
    const std::int64_t onset = onsetOf(note.beat, note.position);
    Track &track = m_tracks[static_cast<std::size_t>(note.instrument)];
    const int bar = barOf(onset);
    if (bar != track.bar) {
        track.bar = bar;
        track.count = 0;
    }
    ++track.count;
    std::erase_if(track.ends, [&](std::int64_t end) { return end <= onset; });
    track.ends.push_back(onset + durationTwelfths(note.duration));
    Line &line = track.line;
    const int pitch = note.pitchValue();
    if (!line.top.empty() && line.top.back().step == onset) {
        line.top.back().pitch = std::max(line.top.back().pitch, pitch);
        line.bottom.back().pitch = std::min(line.bottom.back().pitch, pitch);
    } else {
        line.top.push_back({onset, pitch});
        line.bottom.push_back({onset, pitch});
        if (line.top.size() > linePoints) {
            line.top.erase(line.top.begin());
            line.bottom.erase(line.bottom.begin());
        }
    }
    track.copyStep = -1;
    ++m_generated;
    m_lastOnset = std::max(m_lastOnset, onset);
}

int ControlMask::countIn(int code, int bar) const
{
    const Track &track = m_tracks[static_cast<std::size_t>(code)];
    return track.bar == bar ? track.count : 0;
}

int ControlMask::sounding(int code, std::int64_t at) const
{
    const std::vector<std::int64_t> &ends = m_tracks[static_cast<std::size_t>(code)].ends;
    return static_cast<int>(std::count_if(ends.begin(), ends.end(), [&](std::int64_t end) { return end > at; }));
}

int ControlMask::capacity(int code, std::int64_t at, std::int64_t extraEnd) const
{
    const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
    if (controls.polyphony <= 0)
        return unlimited;
    const int bar = barOf(at);
    const std::int64_t barEnd = m_plan.barStarts[static_cast<std::size_t>(bar + 1)];
    const std::int64_t step = controls.gridStep;
    int places = 0;
    for (std::int64_t u = (at + step - 1) / step * step; u < barEnd; u += step) {
        const int busy = sounding(code, u) + (u >= at && u < extraEnd ? 1 : 0);
        places += std::max(0, controls.polyphony - busy);
    }
    return places;
}

bool ControlMask::mayLeave(int toBar) const
{
    if (!m_density)
        return true;
    const int from = std::max(barOf(m_lastOnset), 0);
    for (int code : m_active) {
        const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
        if (controls.notesPerBar <= 0.0 || !m_usable.test(static_cast<std::size_t>(code)))
            continue; // an instrument the piece does not have needs no notes
        for (int bar = from; bar < std::min(toBar, bars()); ++bar) {
            if (countIn(code, bar) < barQuota(controls.notesPerBar, bar).first)
                return false;
        }
    }
    return true;
}

bool ControlMask::takes(int code, std::int64_t onset) const
{
    const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
    if (onset % controls.gridStep != 0)
        return false;
    if (controls.polyphony > 0 && sounding(code, onset) >= controls.polyphony)
        return false;
    const int bar = barOf(onset);
    return controls.notesPerBar <= 0.0 || countIn(code, bar) < barQuota(controls.notesPerBar, bar).second;
}

const Event *ControlMask::rhythmNote() const
{
    return m_generated < static_cast<int>(m_plan.rhythm.size()) ? &m_plan.rhythm[static_cast<std::size_t>(m_generated)]
                                                                : nullptr;
}

bool ControlMask::onsetAllowed(std::int64_t onset) const
{
    const int bar = barOf(onset);
    if (bar < 0)
        return false;
    if (!m_plan.rhythm.empty()) {
        const Event *next = rhythmNote();
        return next && onset == next->onsetTwelfths();
    }
    if (!mayLeave(bar))
        return false;
    if (bar >= bars())
        return true; // past the span: the sampler stops there
    bool someone = false;
    for (int code : m_active) {
        const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
        if (controls.notesPerBar > 0.0 && m_usable.test(static_cast<std::size_t>(code))) {
            const int need = barQuota(controls.notesPerBar, bar).first - countIn(code, bar);
            if (need > 0 && capacity(code, onset) < need)
                return false;
        }
        someone = someone || (m_usable.test(static_cast<std::size_t>(code)) && takes(code, onset));
    }
    return someone;
}

bool ControlMask::pitchAllowed(int code, std::int64_t onset, int pitch) const
{
    const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
    if (pitch < controls.lowestPitch || pitch > controls.highestPitch)
        return false;
    if (controls.maxLeap < 0)
        return true;
    const std::vector<LinePoint> &top = m_tracks[static_cast<std::size_t>(code)].line.top;
    std::size_t previous = top.size();
    if (previous > 0 && top.back().step == onset)
        --previous; // notes at this onset already: the leap counts from the onset before
    return previous == 0 || std::abs(pitch - top[previous - 1].pitch) <= controls.maxLeap;
}

bool ControlMask::copies(int code, std::int64_t onset, int pitch) const
{
    if (!m_plan.copyGuard)
        return false;
    Track &track = m_tracks[static_cast<std::size_t>(code)];
    const Line &line = track.line;
    const bool chord = !line.top.empty() && line.top.back().step == onset;
    if (track.copyStep != onset) {
        const std::size_t before = line.top.size() - (chord ? 1 : 0);
        track.copyTop = m_plan.copyGuard->copyingPitches(std::span(line.top.data(), before), onset);
        track.copyBottom = m_plan.copyGuard->copyingPitches(std::span(line.bottom.data(), before), onset);
        track.copyStep = onset;
    }
    const std::size_t p = static_cast<std::size_t>(pitch);
    const bool newTop = !chord || pitch > line.top.back().pitch;
    const bool newBottom = !chord || pitch < line.bottom.back().pitch;
    return (newTop && track.copyTop.test(p)) || (newBottom && track.copyBottom.test(p));
}

bool ControlMask::durationAllowed(int code, std::int64_t onset, int durationCode) const
{
    const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
    if (controls.notesPerBar <= 0.0 || controls.polyphony <= 0)
        return true;
    const int bar = barOf(onset);
    if (bar < 0 || bar >= bars())
        return true;
    // This note takes its place at the onset and keeps a voice until it ends: enough places
    // must be left for the rest of this bar's least, and for the least of the bars it reaches.
    const std::int64_t end = onset + durationTwelfths(durationCode);
    const int need = barQuota(controls.notesPerBar, bar).first - countIn(code, bar);
    if (need > 1 && capacity(code, onset, end) < need - 1)
        return false;
    const std::vector<std::int64_t> &starts = m_plan.barStarts;
    for (int later = bar + 1; later < bars() && starts[static_cast<std::size_t>(later)] < end; ++later) {
        if (capacity(code, starts[static_cast<std::size_t>(later)], end) < barQuota(controls.notesPerBar, later).first)
            return false;
    }
    return true;
}

bool ControlMask::anyOnset(const SamplingState &state) const
{
    const int lastCode = std::min(state.lastBeatCode, maxBeatsPerWindow);
    const Event *last = state.lastNote;
    for (int beat = std::max(state.firstBeatCode, last ? int(last->beat) : 1); beat <= lastCode; ++beat) {
        for (int position = 1; position <= positionsPerBeat; ++position) {
            if (last && beat == last->beat && position < last->position)
                continue;
            if (onsetAllowed(onsetOf(beat, position)))
                return true;
        }
    }
    return false;
}

void ControlMask::apply(const SamplingState &state, Field field, std::span<float> logits) const
{
    follow(state);
    const Event &current = state.current;
    const Event *rhythm = m_plan.rhythm.empty() ? nullptr : rhythmNote();
    std::bitset<65> &usable = m_usable;
    usable.reset();
    for (int code : m_active)
        usable.set(static_cast<std::size_t>(code), state.declaredInstruments.test(static_cast<std::size_t>(code)));
    if (rhythm) {
        usable.reset();
        usable.set(static_cast<std::size_t>(rhythm->instrument));
    }

    switch (field) {
    case Field::Type: {
        const std::size_t end = static_cast<std::size_t>(EventType::EndOfSong);
        const std::size_t note = static_cast<std::size_t>(EventType::Note);
        if (!m_plan.rhythm.empty()) {
            logits[rhythm ? end : note] = forbidden;
        } else {
            if (!mayLeave(bars()))
                logits[end] = forbidden;
            if (!anyOnset(state))
                logits[note] = forbidden;
        }
        break;
    }
    case Field::Beat:
        for (std::size_t code = 1; code < logits.size(); ++code) {
            if (!std::isfinite(logits[code]))
                continue;
            const int beat = static_cast<int>(code);
            bool some = false;
            const std::int64_t beatStart = onsetOf(beat, 1);
            if (barOf(beatStart) >= bars() && barOf(beatStart + positionsPerBeat - 1) >= bars()) {
                some = m_plan.rhythm.empty() && mayLeave(bars());
            } else {
                const int firstPosition = state.lastNote && beat == state.lastNote->beat ? state.lastNote->position : 1;
                for (int position = firstPosition; position <= positionsPerBeat && !some; ++position)
                    some = onsetAllowed(onsetOf(beat, position));
            }
            if (!some)
                logits[code] = forbidden;
        }
        break;
    case Field::Position:
        for (std::size_t code = 1; code < logits.size(); ++code) {
            if (std::isfinite(logits[code]) && !onsetAllowed(onsetOf(current.beat, static_cast<int>(code))))
                logits[code] = forbidden;
        }
        break;
    case Field::Pitch: {
        const std::int64_t onset = onsetOf(current.beat, current.position);
        std::vector<int> candidates;
        for (int code : m_active) {
            if (usable.test(static_cast<std::size_t>(code)) && (rhythm || takes(code, onset)))
                candidates.push_back(code);
        }
        for (int pitch = 0; pitch < 128; ++pitch) {
            float &score = logits[static_cast<std::size_t>(pitch + 1)];
            if (!std::isfinite(score))
                continue;
            bool allowed = false;
            bool original = false;
            double nearest = 127.0; // semitones from the line's last onset, for the step preference
            double preference = 0.0;
            for (int code : candidates) {
                if (!pitchAllowed(code, onset, pitch))
                    continue;
                allowed = true;
                original = original || !copies(code, onset, pitch);
                const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
                const std::vector<LinePoint> &top = m_tracks[static_cast<std::size_t>(code)].line.top;
                if (controls.stepPreference != 0.0 && !top.empty()) {
                    nearest = std::min(nearest, static_cast<double>(std::abs(pitch - top.back().pitch)));
                    preference = controls.stepPreference;
                }
            }
            if (!allowed)
                score = forbidden;
            else if (!original)
                score += copyPenalty;
            else if (preference != 0.0)
                score += static_cast<float>(preference * (3.0 - std::min(nearest, 12.0) / 2.0));
        }
        break;
    }
    case Field::Duration: {
        const std::int64_t onset = onsetOf(current.beat, current.position);
        for (std::size_t code = 1; code < logits.size(); ++code) {
            if (!std::isfinite(logits[code]))
                continue;
            bool some = false;
            if (rhythm) {
                some = static_cast<int>(code) == rhythm->duration;
            } else {
                for (std::size_t i = 0; i < m_active.size() && !some; ++i) {
                    const int instrument = m_active[i];
                    some = usable.test(static_cast<std::size_t>(instrument)) && takes(instrument, onset)
                        && pitchAllowed(instrument, onset, current.pitchValue())
                        && durationAllowed(instrument, onset, static_cast<int>(code));
                }
            }
            if (!some)
                logits[code] = forbidden;
        }
        break;
    }
    case Field::Instrument: {
        if (current.eventType() == EventType::Instrument) { // a new piece declares only instruments that can play
            for (int code : m_active) {
                const InstrumentControls &controls = m_plan.instruments[static_cast<std::size_t>(code)];
                if (controls.lowestPitch > controls.highestPitch)
                    logits[static_cast<std::size_t>(code)] = forbidden;
            }
        }
        if (!current.isNote())
            break;
        const std::int64_t onset = onsetOf(current.beat, current.position);
        for (std::size_t code = 1; code < logits.size(); ++code) {
            if (!std::isfinite(logits[code]))
                continue;
            const int instrument = static_cast<int>(code);
            const bool allowed = usable.test(code) && (rhythm || takes(instrument, onset))
                && pitchAllowed(instrument, onset, current.pitchValue())
                && (rhythm || durationAllowed(instrument, onset, current.duration));
            if (!allowed)
                logits[code] = forbidden;
            else if (copies(instrument, onset, current.pitchValue()))
                logits[code] += copyPenalty;
        }
        break;
    }
    }
}

} // namespace tutti
// end of controlmask.cpp
