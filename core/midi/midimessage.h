// SPDX-License-Identifier: GPL-3.0-or-later
// midimessage.h — one short MIDI message (note, controller, program) with its arrival time.
//
// Usage:
//   MidiMessage message = MidiMessage::noteOn(0, 60, 100);
//   if (message.isNoteOn()) play(message.data1, message.data2);
//   double late = (MidiMessage::nowNs() - message.timeNs) * 1e-9;
//
// timeNs is std::chrono::steady_clock in nanoseconds, stamped in the MIDI thread the moment
// the message arrived. Sysex and real-time messages are not delivered.
#pragma once

#include <QMetaType>

#include <cstdint>

namespace tutti {

struct MidiMessage
{
    std::int64_t timeNs = 0;
    std::uint8_t status = 0;
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;
    int size = 0; // 1..3 bytes

    static constexpr int sustainController = 64;

    static std::int64_t nowNs();
    static MidiMessage noteOn(int channel, int key, int velocity);
    static MidiMessage noteOff(int channel, int key);
    static MidiMessage controlChange(int channel, int controller, int value);
    static MidiMessage programChange(int channel, int program);

    int type() const { return status & 0xF0; }
    int channel() const { return status & 0x0F; }
    bool isNoteOn() const { return type() == 0x90 && data2 > 0; }
    bool isNoteOff() const { return type() == 0x80 || (type() == 0x90 && data2 == 0); }
    bool isControlChange() const { return type() == 0xB0; }
    bool isSustain() const { return isControlChange() && data1 == sustainController; }
};

} // namespace tutti

Q_DECLARE_METATYPE(tutti::MidiMessage)
// end of midimessage.h
