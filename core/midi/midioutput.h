// SPDX-License-Identifier: GPL-3.0-or-later
// midioutput.h — one open MIDI output port.
//
// Usage:
//   tutti::MidiOutput output;
//   if (QString error = output.open(port); !error.isEmpty()) complain(error);
//   output.send(MidiMessage::programChange(0, 40));
//   output.send(MidiMessage::noteOn(0, 67, 90));
//
// send() is for one thread at a time (the audio thread while the engine plays to it); it
// does not allocate. Sending on a closed output does nothing.
#pragma once

#include "midi/midimessage.h"
#include "midi/midiport.h"

#include <QString>

#include <memory>

namespace tutti {

class MidiOutput
{
public:
    MidiOutput();
    ~MidiOutput();
    MidiOutput(const MidiOutput &) = delete;
    MidiOutput &operator=(const MidiOutput &) = delete;

    QString open(const MidiPort &port); // empty on success, else why not
    void close();
    bool isOpen() const;
    MidiPort port() const { return m_port; }

    void send(const MidiMessage &message);
    void allNotesOff(); // controller 123 on all 16 channels, and the sustain pedal up

private:
    struct Port;
    std::unique_ptr<Port> m_open;
    MidiPort m_port;
};

} // namespace tutti
// end of midioutput.h
