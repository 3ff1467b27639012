// SPDX-License-Identifier: GPL-3.0-or-later
// benchthru.cpp — `tutti bench thru`: how late a key played on a MIDI keyboard reaches the
// synthesizer's queue, beyond the audio buffer.
//
// A private JACK server with the dummy backend (no sound card needed) carries the notes from
// a second client, as a USB keyboard's would arrive. For each note: send -> Tutti's MIDI
// thread (the MIDI system's share), and -> the playback engine's live queue (Tutti's share).
// What follows, the wait for the next audio callback, is the audio buffer itself.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "audio/playbackengine.h"
#include "midi/jackdummyserver.h"
#include "midi/midiinput.h"
#include "midi/midithru.h"

#include <QThread>

#include <rtmidi/RtMidi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

struct Figures
{
    double mean = 0;
    double p95 = 0;
    double max = 0;
};

Figures figures(std::vector<double> values)
{
    Figures result;
    if (values.empty())
        return result;
    std::sort(values.begin(), values.end());
    for (double value : values)
        result.mean += value / values.size();
    result.p95 = values[std::min(values.size() - 1, values.size() * 95 / 100)];
    result.max = values.back();
    return result;
}

} // namespace

int benchThru(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"MIDI thru latency: from a key sent by another JACK client to the playback "
                                     "engine's queue, beyond the audio buffer. Starts its own JACK dummy server."_s);
    parser.addPositionalArgument(u"thru"_s, u"The benchmark."_s);
    const QCommandLineOption notesOption(u"notes"_s, u"Notes to send (default 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption periodOption(u"period"_s, u"JACK period in frames at 48 kHz (default 64)."_s, u"FRAMES"_s,
                                          u"64"_s);
    parser.addOption(notesOption);
    parser.addOption(periodOption);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const int notes = std::clamp(parser.value(notesOption).toInt(), 10, 100000);
    const int period = std::clamp(parser.value(periodOption).toInt(), 16, 4096);

    JackDummyServer server;
    if (const QString error = server.start(48000, period); !error.isEmpty()) {
        err() << "tutti bench thru: " << error << "\n";
        err().flush();
        return 1;
    }
    audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, 48000);
    engine.setScore(Score{});
    MidiThru thru(&engine);
    std::vector<std::int64_t> arrived(std::size_t(notes), 0);
    std::vector<std::int64_t> queued(std::size_t(notes), 0);
    std::atomic<int> count{0};
    MidiInput input;
    input.setDirectHandler([&](const MidiMessage &message) {
        thru.handle(message);
        const std::int64_t done = MidiMessage::nowNs();
        const int index = count.load();
        if (message.isNoteOn() && index < notes) {
            arrived[std::size_t(index)] = message.timeNs;
            queued[std::size_t(index)] = done;
            count.store(index + 1);
        }
    });
    RtMidiOut keys(RtMidi::UNIX_JACK, "bench-keyboard");
    keys.openVirtualPort("keys");
    if (const QString error = input.open({MidiBackend::Jack, u"bench-keyboard:keys"_s}); !error.isEmpty()) {
        err() << "tutti bench thru: " << error << "\n";
        err().flush();
        return 1;
    }
    QThread::msleep(100);
    // Keys at uneven moments, so they fall anywhere in the JACK cycle; the audio thread's
    // side is drained by hand as the callback would.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> gapUs(2000, 9000);
    std::vector<std::int64_t> sent(std::size_t(notes), 0);
    std::vector<float> left(64), right(64);
    for (int i = 0; i < notes; ++i) {
        const unsigned char on[3] = {0x90, static_cast<unsigned char>(48 + i % 36), 100};
        const unsigned char off[3] = {0x80, static_cast<unsigned char>(48 + i % 36), 0};
        sent[std::size_t(i)] = MidiMessage::nowNs();
        keys.sendMessage(on, 3);
        std::this_thread::sleep_for(std::chrono::microseconds(gapUs(random)));
        keys.sendMessage(off, 3);
        engine.renderManually(left.data(), right.data(), 64);
    }
    QThread::msleep(200);
    input.close();
    const int received = count.load();
    std::vector<double> transport;
    std::vector<double> total;
    std::vector<double> ours;
    for (int i = 0; i < received; ++i) {
        const auto at = std::size_t(i);
        transport.push_back((arrived[at] - sent[at]) * 1e-6);
        ours.push_back((queued[at] - arrived[at]) * 1e-6);
        total.push_back((queued[at] - sent[at]) * 1e-6);
    }
    const Figures t = figures(transport);
    const Figures o = figures(ours);
    const Figures a = figures(total);
    out() << "MIDI thru over JACK (dummy backend, 48000 Hz, period " << period << " frames = "
          << QString::number(server.periodSeconds() * 1000, 'f', 2) << " ms), " << received << "/" << notes
          << " notes\n";
    const auto row = [](const char *name, const Figures &f) {
        out() << "  " << QString::fromLatin1(name).leftJustified(34) << "mean " << QString::number(f.mean, 'f', 3)
              << " ms   p95 " << QString::number(f.p95, 'f', 3) << " ms   max " << QString::number(f.max, 'f', 3)
              << " ms\n";
    };
    row("key sent -> Tutti's MIDI thread", t);
    row("MIDI thread -> engine queue", o);
    row("added beyond the audio buffer", a);
    out() << "  target: at most 5 ms added (the next audio callback then sounds it)\n";
    out().flush();
    return received == notes ? 0 : 1;
}

} // namespace tutti::cli
// end of benchthru.cpp
