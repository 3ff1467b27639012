// SPDX-License-Identifier: GPL-3.0-or-later
// testmodelliveanswer.cpp — "Answer me" end to end: a bar played on a keyboard (a second
// client of a private JACK dummy server), a rest, and the model's answer (a tiny random model)
// ready before the next bar line, written from there in the chosen instrument.
#include "edit/scoredocument.h"
#include "midi/jackdummyserver.h"
#include "midi/liveanswer.h"
#include "midi/midiinput.h"
#include "midi/recordingsession.h"
#include "model/generationsession.h"
#include "score/timemap.h"
#include "midiconnection.h"
#include "tinymodel.h"

#include <QTest>
#include <QThread>

#include <rtmidi/RtMidi.h>

#include <thread>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestModelLiveAnswer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void requestFollowsTheRest()
    {
        Score score;
        score.addTrack(u"Piano"_s, 0);
        LiveAnswer answer;
        answer.settings().bars = 3;
        const SuggestionRequest request = answer.request(score, 3840, 0); // the rest is bar 3
        QCOMPARE(request.mode, SuggestionMode::Continue);
        QCOMPARE(request.endBar, 3);      // the context ends with the rest bar
        QCOMPARE(request.firstBar, 0);
        QCOMPARE(request.lengthBars, 3);
        QCOMPARE(request.programs, std::vector<int>{0}); // the take's instrument by default
        QCOMPARE(LiveAnswer::answerStart(score, 3840), Tick(5760));
    }

    void answersWithinTheDeadline()
    {
        // GIVEN a take at 480 BPM (a bar lasts half a second), with a violin chosen to answer
        ScoreDocument document;
        document.newScore();
        document.mutableScore().tempos = {{0, 125000}};
        RtMidiOut keys(RtMidi::UNIX_JACK, "sender");
        keys.openVirtualPort("keys");
        MidiInput input;
        QVERIFY(input.open({MidiBackend::Jack, u"sender:keys"_s}).isEmpty());
        RecordingSession session(&document, &input, nullptr);
        const unsigned char volume[3] = {0xB0, 7, 100};
        QVERIFY(test::waitUntilHeard(input, [&] { keys.sendMessage(volume, 3); })); // not a take yet: not recorded
        LiveAnswer answer;
        answer.settings().programs = {40};
        answer.settings().bars = 2;
        answer.start(document.score());
        const std::unique_ptr<TransformerModel> model = test::tinyModel({}, 5);
        GenerationSession generation(*model);
        const std::int64_t startNs = MidiMessage::nowNs();
        session.startTake(0, 0, startNs, RecordingSession::Mode::Overdub);
        const TimeMap map(document.score());
        // WHEN the player plays four notes in bar 1, holds the last over the bar line, then rests,
        // while the playhead is polled as the GUI does
        std::vector<Tick> answeredAt;
        std::int64_t askedNs = 0;
        std::int64_t readyNs = 0;
        SuggestionResult result;
        int sent = 0;
        while (MidiMessage::nowNs() - startNs < 2'000'000'000LL && answeredAt.empty()) {
            const double now = (MidiMessage::nowNs() - startNs) * 1e-9;
            if (sent < 4 && now >= 0.05 + sent * 0.1) {
                const unsigned char on[3] = {0x90, static_cast<unsigned char>(60 + 2 * sent), 90};
                keys.sendMessage(on, 3);
                ++sent;
            }
            if (sent == 4 && now >= 0.6 && now < 0.7) { // the last key, let go in bar 2
                for (int key = 60; key <= 66; key += 2) {
                    unsigned char release[3] = {0x80, static_cast<unsigned char>(key), 0};
                    keys.sendMessage(release, 3);
                }
                sent = 5;
            }
            QCoreApplication::processEvents();
            const Tick playhead = session.recorder().tickAt(MidiMessage::nowNs());
            if (const std::optional<Tick> barLine = answer.barEnded(playhead, session.recorder())) {
                askedNs = MidiMessage::nowNs();
                answeredAt.push_back(*barLine);
                const Score context = LiveAnswer::withTake(document.score(), 0, session.recorder());
                result = suggest(generation, context, answer.request(context, *barLine, 0));
                readyNs = MidiMessage::nowNs();
            }
            QThread::msleep(2);
        }
        // THEN no answer came at bar line 2 (a key was held across it); one came at bar line 3
        QCOMPARE(answeredAt.size(), std::size_t(1));
        QCOMPARE(answeredAt.front(), map.barStart(3));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.candidates.size(), std::size_t(1));
        // ready before the next bar line, where it starts sounding
        const Tick start = LiveAnswer::answerStart(document.score(), answeredAt.front());
        QCOMPARE(start, map.barStart(4));
        const std::int64_t deadlineNs = startNs + static_cast<std::int64_t>(map.seconds(start) * 1e9);
        QVERIFY2(readyNs < deadlineNs, qPrintable(u"ready %1 ms after the deadline"_s.arg((readyNs - deadlineNs) / 1e6)));
        qInfo("answer ready %.1f ms after the bar line was crossed", (readyNs - askedNs) / 1e6);
        // written for the violin only, in the two bars from there
        const Suggestion &candidate = result.candidates.front();
        QCOMPARE(candidate.firstTick, start);
        QCOMPARE(candidate.endTick, map.barStart(6));
        for (const SuggestedPart &part : candidate.parts) {
            QCOMPARE(part.track, -1);
            QCOMPARE(part.newTrack.program, 40);
            for (const Note &note : part.notes)
                QVERIFY(note.start >= start && note.start < candidate.endTick);
        }
        QString played;
        for (const Note &note : session.recorder().notes())
            played += u" %1@%2"_s.arg(note.pitch).arg(note.start);
        QVERIFY2(session.recorder().notes().size() + std::size_t(session.recorder().heldCount()) == 4,
                 qPrintable(u"recorded:"_s + played));
        QCOMPARE(session.stopTake(), 4);
    }

private:
    JackDummyServer m_server;
};

QTEST_GUILESS_MAIN(TestModelLiveAnswer)
#include "testmodelliveanswer.moc"
