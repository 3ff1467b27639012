// SPDX-License-Identifier: GPL-3.0-or-later
// midimessage.cpp — building short MIDI messages and the steady clock they are stamped with.
#include "midi/midimessage.h"

#include <algorithm>
#include <chrono>

namespace tutti {

namespace {

std::uint8_t byte(int value, int high)
{
    return static_cast<std::uint8_t>(std::clamp(value, 0, high));
}

MidiMessage make(int type, int channel, int data1, int data2, int size)
{
    MidiMessage message;
    message.timeNs = MidiMessage::nowNs();
    message.status = static_cast<std::uint8_t>(type | byte(channel, 15));
    message.data1 = byte(data1, 127);
    message.data2 = byte(data2, 127);
    message.size = size;
    return message;
}

} // namespace

std::int64_t MidiMessage::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

MidiMessage MidiMessage::noteOn(int channel, int key, int velocity)
{
    return make(0x90, channel, key, std::max(1, velocity), 3);
}

MidiMessage MidiMessage::noteOff(int channel, int key)
{
    return make(0x80, channel, key, 0, 3);
}

MidiMessage MidiMessage::controlChange(int channel, int controller, int value)
{
    return make(0xB0, channel, controller, value, 3);
}

MidiMessage MidiMessage::programChange(int channel, int program)
{
    return make(0xC0, channel, program, 0, 2);
}

} // namespace tutti
// end of midimessage.cpp
