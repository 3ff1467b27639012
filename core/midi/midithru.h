// SPDX-License-Identifier: GPL-3.0-or-later
// midithru.h — what is played on the MIDI input sounds at once on the active track's
// instrument: notes, the sustain pedal and other controllers go straight to the engine's
// live queue from the MIDI thread, without a trip through the GUI thread.
//
// Usage:
//   tutti::MidiThru thru(&engine);
//   input.setDirectHandler([&thru](const MidiMessage &m) { thru.handle(m); });
//   thru.setTrack(editor.activeTrack());   // any thread; the next message uses it
#pragma once

#include "midi/midimessage.h"

#include <atomic>

namespace tutti {

namespace audio {
class PlaybackEngine;
}

class MidiThru
{
public:
    explicit MidiThru(audio::PlaybackEngine *engine);

    void setTrack(int track);
    int track() const { return m_track.load(); }
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled.load(); }

    void handle(const MidiMessage &message); // the MIDI thread

private:
    audio::PlaybackEngine *m_engine;
    std::atomic<int> m_track{0};
    std::atomic<bool> m_enabled{true};
};

} // namespace tutti
// end of midithru.h
