// SPDX-License-Identifier: GPL-3.0-or-later
// midisystem.h — the MIDI systems of this machine (ALSA sequencer, JACK) and their ports.
//
// Usage:
//   tutti::MidiSystem system;
//   if (!system.isAvailable()) status(system.unavailableMessage()); // said once; all else works
//   for (const MidiPort &port : system.inputs()) ...   // keyboards and other senders
//   for (const MidiPort &port : system.outputs()) ...  // synthesizers and other receivers
//
// Each call to inputs()/outputs() asks the systems again, so a device plugged in since shows
// up (MidiPortWatcher polls this); a system that was not running is probed again each time.
// Tutti's own ports are left out. TUTTI_MIDI_API=alsa|jack|none limits the systems tried.
// For one thread (the GUI thread).
#pragma once

#include "midi/midiport.h"

#include <QString>

#include <memory>
#include <vector>

namespace tutti {

class MidiSystem
{
public:
    MidiSystem();
    ~MidiSystem();
    MidiSystem(const MidiSystem &) = delete;
    MidiSystem &operator=(const MidiSystem &) = delete;

    bool isAvailable();                  // any system usable now
    QString unavailableMessage() const;  // one sentence for the status bar
    QString description();               // "MIDI: ALSA sequencer, JACK" or the message above

    std::vector<MidiPort> inputs();
    std::vector<MidiPort> outputs();

private:
    struct Lister;
    Lister *lister(MidiBackend api);
    std::vector<std::unique_ptr<Lister>> m_listers;
};

} // namespace tutti
// end of midisystem.h
