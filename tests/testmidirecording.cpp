// SPDX-License-Identifier: GPL-3.0-or-later
// testmidirecording.cpp — playing into Tutti end to end, against a private JACK server (dummy
// backend, no sound card) with a second client that sends and receives: recorded takes, thru,
// step input, unplugging mid-take, and MIDI out.
#include "audio/internal/eventschedule.h"
#include "audio/audioanalysis.h"
#include "audio/playbackengine.h"
#include "audio/soundfonts.h"
#include "edit/scoredocument.h"
#include "io/midifile.h"
#include "io/tuttifile.h"
#include "midi/jackdummyserver.h"
#include "midi/midiinput.h"
#include "midi/midioutput.h"
#include "midi/midiportwatcher.h"
#include "midi/midisystem.h"
#include "midi/midithru.h"
#include "midi/recordingsession.h"
#include "score/timemap.h"
#include "midiconnection.h"
#include "receivedmidi.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <rtmidi/RtMidi.h>

#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

const MidiPort keysPort{MidiBackend::Jack, u"sender:keys"_s};

// The second client: a keyboard that notes when it sent each message.
class Keyboard
{
public:
    Keyboard() : m_out(RtMidi::UNIX_JACK, "sender") { m_out.openVirtualPort("keys"); }

    std::int64_t send(unsigned char status, unsigned char data1, unsigned char data2)
    {
        const unsigned char bytes[3] = {status, data1, data2};
        const std::int64_t now = MidiMessage::nowNs();
        m_out.sendMessage(bytes, 3);
        m_slowestSendNs = std::max(m_slowestSendNs, MidiMessage::nowNs() - now);
        return now;
    }
    // This thread may be preempted inside a send on a busy machine: times allow for it.
    double slowestSendSeconds() const { return m_slowestSendNs * 1e-9; }
    void unplug() { m_out.closePort(); }

private:
    RtMidiOut m_out;
    std::int64_t m_slowestSendNs = 0;
};

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

QString smallSoundFont()
{
    const QString small = u"/usr/share/sounds/sf2/TimGM6mb.sf2"_s;
    return QFileInfo::exists(small) ? small : audio::defaultSoundFont();
}

} // namespace

class TestMidiRecording final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void recordsWhatWasPlayedAsOneUndoStep()
    {
        // GIVEN a piano track with one note, and a take starting at bar 2 (tick 1920) now
        ScoreDocument document;
        document.newScore();
        Track &piano = document.mutableScore().tracks[0];
        piano.notes = {{0, 480, 48, 70}};
        Keyboard keys;
        MidiInput input;
        QVERIFY2(input.open(keysPort).isEmpty(), "the keyboard opens");
        RecordingSession session(&document, &input, nullptr);
        QVERIFY(test::waitUntilHeard(input, [&] { keys.send(0xB0, 7, 100); })); // not a take yet: not recorded
        // The times must hold within a JACK period plus 1 ms. This container gives JACK's thread
        // no real-time priority, so a busy machine can now and then wake it several ms late; a
        // take is played again up to twice when that happens. A real lateness fails all three.
        QString lateness;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const std::int64_t startNs = MidiMessage::nowNs();
            session.startTake(0, 1920, startNs, RecordingSession::Mode::Overdub);
            // WHEN three notes are played, the pedal pressed and let go
            struct Sent { int pitch; int velocity; std::int64_t on; std::int64_t off; };
            std::vector<Sent> sent;
            sleepMs(40);
            const std::int64_t pedalDown = keys.send(0xB0, 64, 127);
            for (int i = 0; i < 3; ++i) {
                Sent note{60 + 4 * i, 50 + 25 * i, 0, 0};
                note.on = keys.send(0x90, static_cast<unsigned char>(note.pitch), static_cast<unsigned char>(note.velocity));
                sleepMs(70);
                note.off = keys.send(0x80, static_cast<unsigned char>(note.pitch), 0);
                sleepMs(20);
                sent.push_back(note);
            }
            const std::int64_t pedalUp = keys.send(0xB0, 64, 0);
            QTRY_COMPARE(session.recorder().notes().size(), std::size_t(3));
            QTRY_COMPARE(session.recorder().sustain().size(), std::size_t(2));
            const int undoBefore = document.undoStack()->index(); // a late take played again was undone
            QCOMPARE(session.stopTake(), 3);
            // THEN the take is one undo step on the track, beside the note it had
            QCOMPARE(document.undoStack()->index(), undoBefore + 1);
            QCOMPARE(document.undoStack()->count(), undoBefore + 1);
            const Track &recorded = document.score().tracks[0];
            QCOMPARE(recorded.notes.size(), std::size_t(4));
            QCOMPARE(recorded.notes[0], (Note{0, 480, 48, 70}));
            // with pitches and velocities as played, and the pedal as two controller changes
            QCOMPARE(recorded.controls.size(), std::size_t(2));
            QCOMPARE(recorded.controls[0].value, 127);
            QCOMPARE(recorded.controls[1].value, 0);
            for (std::size_t i = 0; i < 3; ++i) {
                QCOMPARE(recorded.notes[i + 1].pitch, sent[i].pitch);
                QCOMPARE(recorded.notes[i + 1].velocity, sent[i].velocity);
            }
            // and at the times played: from 1 ms early to a JACK period plus 1 ms late
            const TimeMap map(document.score());
            const double startSeconds = map.seconds(1920);
            const double tolerance = m_server.periodSeconds() + 0.001 + keys.slowestSendSeconds();
            const auto secondsOf = [&](std::int64_t ns) { return startSeconds + (ns - startNs) * 1e-9; };
            lateness.clear();
            const auto check = [&](const char *what, double error) {
                if (error < -0.001 || error > tolerance)
                    lateness += u"%1 off by %2 ms; "_s.arg(QLatin1StringView(what)).arg(error * 1000);
            };
            for (std::size_t i = 0; i < 3; ++i) {
                const Note &note = recorded.notes[i + 1];
                check("onset", map.seconds(note.start) - secondsOf(sent[i].on));
                check("end", map.seconds(note.start + note.length) - secondsOf(sent[i].off));
            }
            check("pedal down", map.seconds(recorded.controls[0].tick) - secondsOf(pedalDown));
            check("pedal up", map.seconds(recorded.controls[1].tick) - secondsOf(pedalUp));
            if (lateness.isEmpty())
                break;
            qWarning("take %d was late (%s): played again", attempt + 1, qPrintable(lateness));
            document.undoStack()->undo();
        }
        QVERIFY2(lateness.isEmpty(), qPrintable(lateness));
        const Track &recorded = document.score().tracks[0];
        // The pedal plays back: it is in the playback schedule, and a saved file keeps it
        const audio::EventSchedule schedule = audio::buildSchedule(document.score(), 48000);
        QCOMPARE(std::count_if(schedule.events.begin(), schedule.events.end(),
                               [](const audio::ScheduledEvent &e) { return e.kind == audio::ScheduledEvent::Kind::Control; }),
                 2);
        const ScoreReadResult reread = readTuttiJson(tuttiJson(document.score()), u"take.tutti"_s);
        QVERIFY2(reread.error.isEmpty(), qPrintable(reread.error));
        QCOMPARE(reread.score.tracks[0].controls, recorded.controls);
        const ScoreReadResult midi = readMidi(writeMidi(document.score()), u"take.mid"_s);
        QVERIFY2(midi.error.isEmpty(), qPrintable(midi.error));
        QCOMPARE(midi.score.tracks[0].controls.size(), std::size_t(2));
        QCOMPARE(midi.score.tracks[0].controls[0].value, 127);
        // WHEN undone, THEN the track is as before the take
        document.undoStack()->undo();
        QCOMPARE(document.score().tracks[0].notes, (std::vector<Note>{{0, 480, 48, 70}}));
        QVERIFY(document.score().tracks[0].controls.empty());
    }

    void replaceRemovesWhatTheTakeCovers()
    {
        MidiRecorder recorder;
        Score score;
        score.addTrack(u"Piano"_s, 0).notes = {{0, 480, 60, 80}, {960, 480, 62, 80}, {4000, 480, 64, 80}};
        recorder.start(score, 480, 0);
        MidiMessage on = MidiMessage::noteOn(0, 72, 99);
        on.timeNs = 250'000'000; // 0.25 s at 120 BPM: 240 ticks
        recorder.take(on);
        recorder.finish(1'000'000'000); // held to the end, 1 s: tick 480 + 960
        QCOMPARE(recorder.notes(), (std::vector<Note>{{720, 720, 72, 99}}));
        const Track replaced = recorder.applyTo(score.tracks[0], MidiRecorder::Mode::Replace);
        QCOMPARE(replaced.notes, (std::vector<Note>{{0, 480, 60, 80}, {720, 720, 72, 99}, {4000, 480, 64, 80}}));
        const Track overdub = recorder.applyTo(score.tracks[0], MidiRecorder::Mode::Overdub);
        QCOMPARE(overdub.notes.size(), std::size_t(4));
        // Quantized on input: the onset snaps to the nearest quarter
        recorder.start(score, 480, 0, 480);
        recorder.take(on);
        recorder.finish(1'000'000'000);
        QCOMPARE(recorder.notes().front().start, Tick(960));
    }

    void thruSoundsAtOnce()
    {
        // GIVEN an engine rendered by hand with a SoundFont, and thru on track 0
        audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, 48000);
        QString error;
        engine.setSynthesizer(audio::PlaybackEngine::loadSynthesizer(smallSoundFont(), 48000, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Score score;
        score.addTrack(u"Piano"_s, 0);
        engine.setScore(score);
        MidiThru thru(&engine);
        MidiInput input;
        input.setDirectHandler([&thru](const MidiMessage &message) { thru.handle(message); });
        Keyboard keys;
        QVERIFY(input.open(keysPort).isEmpty());
        QSignalSpy spy(&input, &MidiInput::received);
        sleepMs(50);
        std::vector<float> left(4800), right(4800);
        engine.renderManually(left.data(), right.data(), 4800);
        QVERIFY(audio::rmsDbfs(interleave(left, right), 0, 4800) < -80);
        // WHEN a key is played, THEN the next block sounds it
        keys.send(0x90, 60, 110);
        QTRY_COMPARE(spy.count(), 1);
        engine.renderManually(left.data(), right.data(), 4800);
        QVERIFY(audio::rmsDbfs(interleave(left, right), 0, 4800) > -40);
    }

    void stepInputWritesTheNotes()
    {
        ScoreDocument document;
        document.newScore();
        Keyboard keys;
        MidiInput input;
        QVERIFY(input.open(keysPort).isEmpty());
        RecordingSession session(&document, &input, nullptr);
        session.setStepMode(true, 0, 960, 240);
        QVERIFY(test::waitUntilHeard(input, [&] { keys.send(0xB0, 7, 100); })); // step input takes notes only
        // WHEN C and E are held together, then G alone, then a rest, then A
        keys.send(0x90, 60, 90);
        keys.send(0x90, 64, 91);
        sleepMs(20);
        keys.send(0x80, 60, 0);
        keys.send(0x80, 64, 0);
        sleepMs(20);
        keys.send(0x90, 67, 92);
        keys.send(0x80, 67, 0);
        QTRY_COMPARE(session.stepCursor(), Tick(960 + 480));
        session.stepRest();
        keys.send(0x90, 69, 93);
        keys.send(0x80, 69, 0);
        QTRY_COMPARE(session.stepCursor(), Tick(960 + 960));
        // THEN a chord, a note, a gap, a note: each one grid step long
        QCOMPARE(document.score().tracks[0].notes,
                 (std::vector<Note>{{960, 240, 60, 90}, {960, 240, 64, 91}, {1200, 240, 67, 92}, {1680, 240, 69, 93}}));
    }

    void unpluggingStopsTheTakeAndKeepsIt()
    {
        ScoreDocument document;
        document.newScore();
        MidiSystem system;
        MidiPortWatcher watcher(&system);
        auto keys = std::make_unique<Keyboard>();
        MidiInput input;
        QVERIFY(input.open(keysPort).isEmpty());
        watcher.refresh();
        watcher.watch(keysPort);
        RecordingSession session(&document, &input, &watcher);
        QSignalSpy stopped(&session, &RecordingSession::takeStopped);
        sleepMs(50);
        session.startTake(0, 0, MidiMessage::nowNs(), RecordingSession::Mode::Replace);
        keys->send(0x90, 60, 80);
        keys->send(0x90, 64, 81);
        sleepMs(30);
        keys->send(0x80, 60, 0);
        QTRY_COMPARE(session.recorder().notes().size(), std::size_t(1));
        // WHEN the keyboard goes away with E still held
        keys->unplug();
        keys.reset();
        watcher.refresh();
        // THEN the take stopped, said why, and kept both notes
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(stopped.at(0).at(0).toInt(), 2);
        QVERIFY(stopped.at(0).at(1).toString().contains(u"disconnected"_s));
        QVERIFY(!session.isRecording());
        QVERIFY(!input.isOpen());
        const auto &notes = document.score().tracks[0].notes;
        QCOMPARE(notes.size(), std::size_t(2));
        QCOMPARE(notes[0].pitch, 60);
        QCOMPARE(notes[1].pitch, 64);
    }

    void playsTheScoreToAnotherClient()
    {
        // GIVEN the other client's synthesizer input, and a score of three tracks
        test::ReceivedMidi received;
        RtMidiIn synth(RtMidi::UNIX_JACK, "receiver");
        synth.setCallback(test::ReceivedMidi::collect, &received);
        synth.openVirtualPort("synth");
        auto output = std::make_unique<MidiOutput>();
        QVERIFY(output->open({MidiBackend::Jack, u"receiver:synth"_s}).isEmpty());
        Score score;
        score.addTrack(u"Violin"_s, 40).notes = {{0, 240, 76, 90}};
        Track &drums = score.addTrack(u"Drums"_s, 0);
        drums.isDrum = true;
        drums.notes = {{0, 240, 36, 100}};
        score.addTrack(u"Cello"_s, 42).notes = {{240, 240, 48, 70}};
        audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, 48000);
        engine.setScore(score);
        engine.setMidiOutput(std::move(output));
        engine.setRoute(audio::PlaybackEngine::Route::MidiPort);
        sleepMs(50);
        // WHEN it plays for half a second
        engine.play();
        std::vector<float> left(512), right(512);
        for (int i = 0; i < 48; ++i)
            engine.renderManually(left.data(), right.data(), 512);
        // THEN programs went out first, then each track's notes on its own channel
        const auto has = [&](std::vector<unsigned char> message) {
            const std::vector<std::vector<unsigned char>> messages = received.copy();
            return std::find(messages.begin(), messages.end(), message) != messages.end();
        };
        QTRY_VERIFY(has({0x91, 48, 70}));
        QVERIFY(has({0xC0, 40}));
        QVERIFY(has({0xC9, 0}));
        QVERIFY(has({0xC1, 42}));
        QVERIFY(has({0x90, 76, 90}));
        QVERIFY(has({0x99, 36, 100}));
        QVERIFY(has({0x80, 76, 0}));
        QCOMPARE(received.copy().front()[0] & 0xF0, 0xC0);
    }

private:
    static std::vector<float> interleave(const std::vector<float> &left, const std::vector<float> &right)
    {
        std::vector<float> stereo;
        for (std::size_t i = 0; i < left.size(); ++i) {
            stereo.push_back(left[i]);
            stereo.push_back(right[i]);
        }
        return stereo;
    }

    JackDummyServer m_server;
};

QTEST_GUILESS_MAIN(TestMidiRecording)
#include "testmidirecording.moc"
