// SPDX-License-Identifier: GPL-3.0-or-later
// midirecorder.cpp — note-ons paired with note-offs, timed on the score's tempo map.
#include "midi/midirecorder.h"

#include "edit/bargrid.h"

#include <algorithm>

namespace tutti {

void MidiRecorder::start(const Score &score, Tick startTick, std::int64_t startNs, Tick quantizeStep)
{
    m_metre = std::make_unique<Score>();
    m_metre->ticksPerQuarter = score.ticksPerQuarter;
    m_metre->tempos = score.tempos;
    m_metre->timeSignatures = score.timeSignatures;
    m_map = std::make_unique<TimeMap>(*m_metre);
    m_startTick = std::max<Tick>(0, startTick);
    m_endTick = m_startTick;
    m_startSeconds = m_map->seconds(m_startTick);
    m_startNs = startNs;
    m_quantize = std::max<Tick>(0, quantizeStep);
    m_heldSince.fill(-1);
    m_heldVelocity.fill(0);
    m_notes.clear();
    m_sustain.clear();
    m_lastNoteOffNs = 0;
    m_recording = true;
}

Tick MidiRecorder::tickAt(std::int64_t ns) const
{
    if (!m_map)
        return 0;
    const double seconds = m_startSeconds + std::max<std::int64_t>(0, ns - m_startNs) * 1e-9;
    return std::max(m_startTick, m_map->tickAtSeconds(seconds));
}

void MidiRecorder::take(const MidiMessage &message)
{
    if (!m_recording)
        return;
    const Tick tick = tickAt(message.timeNs);
    m_endTick = std::max(m_endTick, tick);
    if (message.isNoteOn()) {
        const auto key = std::size_t(message.data1 & 0x7F);
        if (m_heldSince[key] >= 0) // pressed again without a release: end the first one here
            m_notes.push_back({m_heldSince[key], std::max<Tick>(1, tick - m_heldSince[key]), int(key), m_heldVelocity[key]});
        m_heldSince[key] = tick;
        m_heldVelocity[key] = message.data2;
    } else if (message.isNoteOff()) {
        const auto key = std::size_t(message.data1 & 0x7F);
        if (m_heldSince[key] < 0)
            return;
        m_notes.push_back({m_heldSince[key], std::max<Tick>(1, tick - m_heldSince[key]), int(key), m_heldVelocity[key]});
        m_heldSince[key] = -1;
        m_lastNoteOffNs = message.timeNs;
    } else if (message.isSustain()) {
        m_sustain.push_back({tick, ControlChange::sustain, message.data2});
    }
}

int MidiRecorder::heldCount() const
{
    return int(std::count_if(m_heldSince.begin(), m_heldSince.end(), [](Tick since) { return since >= 0; }));
}

std::vector<Note> MidiRecorder::finish(std::int64_t endNs)
{
    if (!m_recording)
        return m_notes;
    const Tick end = tickAt(endNs);
    m_endTick = std::max(m_endTick, end);
    for (std::size_t key = 0; key < m_heldSince.size(); ++key) {
        if (m_heldSince[key] >= 0)
            m_notes.push_back({m_heldSince[key], std::max<Tick>(1, end - m_heldSince[key]), int(key), m_heldVelocity[key]});
        m_heldSince[key] = -1;
    }
    // A pedal still down at the end is let up there, so playback does not hold on for ever.
    if (!m_sustain.empty() && m_sustain.back().value >= 64)
        m_sustain.push_back({m_endTick, ControlChange::sustain, 0});
    if (m_quantize > 0 && m_metre) {
        const BarGrid grid(*m_metre, m_quantize);
        for (Note &note : m_notes)
            note.start = grid.nearest(note.start);
    }
    m_endTick = std::max(m_endTick + 1, m_startTick + 1);
    std::sort(m_notes.begin(), m_notes.end());
    m_recording = false;
    return m_notes;
}

Track MidiRecorder::applyTo(const Track &track, Mode mode) const
{
    Track after = track;
    if (mode == Mode::Replace) {
        std::erase_if(after.notes, [&](const Note &note) { return note.start >= m_startTick && note.start < m_endTick; });
        std::erase_if(after.controls, [&](const ControlChange &change) {
            return change.controller == ControlChange::sustain && change.tick >= m_startTick && change.tick < m_endTick;
        });
    }
    after.notes.insert(after.notes.end(), m_notes.begin(), m_notes.end());
    std::sort(after.notes.begin(), after.notes.end());
    after.controls.insert(after.controls.end(), m_sustain.begin(), m_sustain.end());
    std::stable_sort(after.controls.begin(), after.controls.end(),
                     [](const ControlChange &a, const ControlChange &b) { return a.tick < b.tick; });
    return after;
}

} // namespace tutti
// end of midirecorder.cpp
