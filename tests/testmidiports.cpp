// SPDX-License-Identifier: GPL-3.0-or-later
// testmidiports.cpp — MIDI ports end to end against a private JACK server (dummy backend, no
// sound card): listing, `tutti ports`, receiving with arrival times, hot-plugging, output.
#include "midi/jackdummyserver.h"
#include "midi/midiinput.h"
#include "midi/midioutput.h"
#include "midi/midiportwatcher.h"
#include "midi/midisystem.h"
#include "midiconnection.h"
#include "receivedmidi.h"
#include "runtutti.h"

#include <QSignalSpy>
#include <QThread>
#include <QTest>

#include <rtmidi/RtMidi.h>

#include <algorithm>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

bool hasPort(const std::vector<MidiPort> &ports, const QString &name)
{
    return std::any_of(ports.begin(), ports.end(), [&](const MidiPort &port) { return port.name == name; });
}

} // namespace

class TestMidiPorts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void noPortsSaysSo()
    {
        // GIVEN a JACK server with no MIDI ports, and separately no MIDI system at all
        const test::Run empty = test::runTutti({u"ports"_s});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out.trimmed(), u"no MIDI ports"_s);
        qputenv("TUTTI_MIDI_API", "none");
        const test::Run none = test::runTutti({u"ports"_s});
        qputenv("TUTTI_MIDI_API", "jack");
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.startsWith(u"no MIDI ports\n"_s));
        QVERIFY(none.out.contains(u"No MIDI system"_s));
        QVERIFY2(none.err.isEmpty(), qPrintable(none.err));
        MidiSystem system;
        QVERIFY(system.isAvailable());
    }

    void listsInputsAndOutputs()
    {
        // GIVEN a second client with a keyboard (its output) and a synthesizer (its input)
        RtMidiOut keys(RtMidi::UNIX_JACK, "sender");
        keys.openVirtualPort("keys");
        RtMidiIn synth(RtMidi::UNIX_JACK, "synthesizer"); // one JACK client per RtMidi object
        synth.openVirtualPort("synth");
        // THEN Tutti lists the keyboard as an input and the synthesizer as an output
        MidiSystem system;
        QVERIFY(hasPort(system.inputs(), u"sender:keys"_s));
        QVERIFY(!hasPort(system.inputs(), u"synthesizer:synth"_s));
        QVERIFY(hasPort(system.outputs(), u"synthesizer:synth"_s));
        const test::Run run = test::runTutti({u"ports"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Inputs:\n  sender:keys (JACK)\n"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Outputs:\n  synthesizer:synth (JACK)\n"_s), qPrintable(run.out));
    }

    void receivesWhatIsPlayedOnTime()
    {
        RtMidiOut keys(RtMidi::UNIX_JACK, "sender");
        keys.openVirtualPort("keys");
        MidiInput input;
        QSignalSpy spy(&input, &MidiInput::received);
        const QString error = input.open({MidiBackend::Jack, u"sender:keys"_s});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const unsigned char volume[3] = {0xB0, 7, 100};
        QVERIFY(test::waitUntilHeard(input, [&] { keys.sendMessage(volume, 3); }));
        spy.clear();
        // WHEN three notes are played 30 ms apart, with the moment of each send noted
        std::vector<std::int64_t> sent;
        const int pitches[] = {60, 64, 67};
        for (int i = 0; i < 3; ++i) {
            const unsigned char on[3] = {0x90, static_cast<unsigned char>(pitches[i]),
                                         static_cast<unsigned char>(40 + 30 * i)};
            sent.push_back(MidiMessage::nowNs());
            keys.sendMessage(on, 3);
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
        // THEN each arrives with its pitch and velocity, stamped with its own arrival: after its
        // send, in order, and not a stale stamp. How soon it arrives is a figure for
        // `tutti bench thru`, not a pass mark here: a loaded CI machine delays JACK's thread.
        QTRY_COMPARE(spy.count(), 3);
        std::int64_t previous = 0;
        for (int i = 0; i < 3; ++i) {
            const auto message = spy.at(i).at(0).value<MidiMessage>();
            QVERIFY(message.isNoteOn());
            QCOMPARE(int(message.data1), pitches[i]);
            QCOMPARE(int(message.data2), 40 + 30 * i);
            const double late = (message.timeNs - sent[static_cast<std::size_t>(i)]) * 1e-9;
            QVERIFY2(late >= 0 && late < 0.5,
                     qPrintable(u"note %1 arrived %2 ms after it was sent"_s.arg(i).arg(late * 1000)));
            QVERIFY(message.timeNs > previous);
            previous = message.timeNs;
        }
    }

    void noticesPlugAndUnplug()
    {
        MidiSystem system;
        MidiPortWatcher watcher(&system);
        watcher.refresh();
        QSignalSpy changed(&watcher, &MidiPortWatcher::portsChanged);
        QSignalSpy vanished(&watcher, &MidiPortWatcher::portVanished);
        // WHEN a device is plugged in, THEN the next poll lists it
        auto keys = std::make_unique<RtMidiOut>(RtMidi::UNIX_JACK, "pluggable");
        keys->openVirtualPort("keys");
        watcher.refresh();
        QCOMPARE(changed.count(), 1);
        const MidiPort port{MidiBackend::Jack, u"pluggable:keys"_s};
        QVERIFY(hasPort(watcher.inputs(), port.name));
        watcher.watch(port);
        watcher.refresh();
        QCOMPARE(vanished.count(), 0);
        // WHEN it is pulled out, THEN it vanishes, once
        keys->closePort();
        keys.reset();
        watcher.refresh();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(vanished.count(), 1);
        QCOMPARE(vanished.at(0).at(0).value<MidiPort>(), port);
        watcher.refresh();
        QCOMPARE(vanished.count(), 1);
    }

    void sendsToAnotherClient()
    {
        test::ReceivedMidi received;
        RtMidiIn synth(RtMidi::UNIX_JACK, "receiver");
        synth.setCallback(test::ReceivedMidi::collect, &received);
        synth.openVirtualPort("synth");
        MidiOutput output;
        QVERIFY(!output.open({MidiBackend::Jack, u"receiver:nothing"_s}).isEmpty());
        const QString error = output.open({MidiBackend::Jack, u"receiver:synth"_s});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QThread::msleep(50);
        output.send(MidiMessage::programChange(3, 40));
        output.send(MidiMessage::noteOn(3, 67, 90));
        QTRY_COMPARE(received.count(), std::size_t(2));
        const std::vector<std::vector<unsigned char>> messages = received.copy();
        QCOMPARE(messages[0], (std::vector<unsigned char>{0xC3, 40}));
        QCOMPARE(messages[1], (std::vector<unsigned char>{0x93, 67, 90}));
    }

private:
    JackDummyServer m_server;
};

QTEST_GUILESS_MAIN(TestMidiPorts)
#include "testmidiports.moc"
