// SPDX-License-Identifier: GPL-3.0-or-later
// midiconnection.h — waiting until a JACK connection carries messages, before a test plays.
//
// Usage:
//   const unsigned char volume[3] = {0xB0, 7, 100};
//   QVERIFY(tutti::test::waitUntilHeard(input, [&] { keys.sendMessage(volume, 3); }));
//
// JACK connects two ports a cycle or two after the call that asks for it, later on a loaded
// machine: a fixed 50 ms wait once lost the first note of a take in CI. `send` plays something
// harmless (channel volume) until the input hears it; messages still on their way are let in
// before it returns, so that a spy made or cleared afterwards sees only what the test plays.
#pragma once

#include "midi/midiinput.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace tutti::test {

template <typename Send>
bool waitUntilHeard(MidiInput &input, Send send, int timeoutMs = 5000)
{
    QSignalSpy heard(&input, &MidiInput::received);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        send();
        if (heard.wait(100)) {
            QTest::qWait(100);
            return true;
        }
    }
    return false;
}

} // namespace tutti::test
// end of midiconnection.h
