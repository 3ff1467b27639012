// SPDX-License-Identifier: GPL-3.0-or-later
// midithru.cpp — MIDI input to the playback engine's live queue.
#include "midi/midithru.h"

#include "audio/playbackengine.h"

namespace tutti {

MidiThru::MidiThru(audio::PlaybackEngine *engine)
    : m_engine(engine)
{
}

void MidiThru::setTrack(int track)
{
    m_track.store(std::max(0, track));
}

void MidiThru::setEnabled(bool enabled)
{
    m_enabled.store(enabled);
}

void MidiThru::handle(const MidiMessage &message)
{
    if (!m_enabled.load(std::memory_order_relaxed))
        return;
    const int track = m_track.load(std::memory_order_relaxed);
    if (message.isNoteOn())
        m_engine->liveNoteOn(track, message.data1, message.data2);
    else if (message.isNoteOff())
        m_engine->liveNoteOff(track, message.data1);
    else if (message.isControlChange())
        m_engine->liveController(track, message.data1, message.data2);
}

} // namespace tutti
// end of midithru.cpp
