// SPDX-License-Identifier: GPL-3.0-or-later
// receivedmidi.h — what a test's own RtMidi input client received, collected from its thread.
//
// Usage:
//   tutti::test::ReceivedMidi received;
//   RtMidiIn synth(RtMidi::UNIX_JACK, "synth");
//   synth.setCallback(tutti::test::ReceivedMidi::collect, &received);
//   ... QTRY_VERIFY(received.count() >= 2); received.copy()[0] ...
#pragma once

#include <mutex>
#include <vector>

namespace tutti::test {

class ReceivedMidi
{
public:
    // RtMidiIn's callback (on RtMidi's thread); `data` is the ReceivedMidi.
    static void collect(double, std::vector<unsigned char> *message, void *data)
    {
        auto *received = static_cast<ReceivedMidi *>(data);
        const std::lock_guard lock(received->m_mutex);
        received->m_messages.push_back(*message);
    }

    std::size_t count()
    {
        const std::lock_guard lock(m_mutex);
        return m_messages.size();
    }

    std::vector<std::vector<unsigned char>> copy()
    {
        const std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    std::mutex m_mutex;
    std::vector<std::vector<unsigned char>> m_messages;
};

} // namespace tutti::test

// end of receivedmidi.h
