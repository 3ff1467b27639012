// SPDX-License-Identifier: GPL-3.0-or-later
// testgeneration.cpp — the sampler's grammar, determinism, prompts and callbacks.
#include "generation/generator.h"
#include "noisysource.h"
#include "representation/instruments.h"

#include <QTest>

#include <random>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

// Checks the MMT order and the note rules; returns an empty string when all hold.
QString grammarProblem(const std::vector<Event> &events)
{
    if (events.empty() || events.front().eventType() != EventType::StartOfSong)
        return u"no start-of-song"_s;
    std::size_t i = 1;
    int lastInstrument = 0;
    std::vector<bool> declared(65, false);
    while (i < events.size() && events[i].eventType() == EventType::Instrument) {
        if (events[i].instrument <= lastInstrument || events[i].instrument > instrumentCount)
            return u"instruments not ascending"_s;
        lastInstrument = events[i].instrument;
        declared[static_cast<std::size_t>(lastInstrument)] = true;
        ++i;
    }
    if (lastInstrument == 0)
        return u"no instrument"_s;
    if (i == events.size())
        return {};
    if (events[i++].eventType() != EventType::StartOfNotes)
        return u"no start-of-notes"_s;
    const Event *previous = nullptr;
    for (; i < events.size(); ++i) {
        const Event &e = events[i];
        if (e.eventType() == EventType::EndOfSong)
            return i + 1 == events.size() ? QString() : u"events after the end"_s;
        if (!e.isNote())
            return u"non-note among notes"_s;
        if (e.beat < 1 || e.position < 1 || e.position > 12 || e.pitch < 1 || e.pitch > 128 || durationTwelfths(e.duration) == 0)
            return u"note field out of range"_s;
        if (!declared[static_cast<std::size_t>(e.instrument)])
            return u"undeclared instrument"_s;
        if (previous && (e.beat < previous->beat || (e.beat == previous->beat && e.position < previous->position)))
            return u"time went backwards"_s;
        previous = &e;
    }
    return {};
}

} // namespace

class TestGeneration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unconditionalSamplesFollowTheGrammar()
    {
        // GIVEN a model with no preferences and every code allowed by top-k
        NoisySource source(300);
        GenerationParams params;
        params.topK.fill(0);
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            params.seed = seed;
            // WHEN a piece is generated from nothing
            const GenerationResult result = generate(source, {}, params);
            // THEN it is a valid MMT sequence
            QVERIFY(result.error.isEmpty());
            const QString problem = grammarProblem(result.events);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY(result.events.size() <= 300);
            QCOMPARE(result.ended, result.events.back().eventType() == EventType::EndOfSong);
        }
    }

    void fullSequencesEndTheSong()
    {
        // GIVEN a sequence limit of 40 events and a model that never wants to stop
        NoisySource source(1024);
        GenerationParams params;
        params.maxEvents = 40;
        params.topK.fill(0);
        params.seed = 5;
        const GenerationResult result = generate(source, {}, params);
        // THEN the sequence stops at 40 and, if notes started, the last event ends the song
        QVERIFY(result.events.size() <= 40);
        QVERIFY2(grammarProblem(result.events).isEmpty(), qPrintable(grammarProblem(result.events)));
    }

    void sameSeedSameMusic()
    {
        NoisySource source(200);
        GenerationParams params;
        params.seed = 99;
        const std::vector<Event> first = generate(source, {}, params).events;
        const std::vector<Event> again = generate(source, {}, params).events;
        params.seed = 100;
        params.topK.fill(0);
        const std::vector<Event> other = generate(source, {}, params).events;
        QCOMPARE(first, again);
        QVERIFY(first != other);
    }

    void continuesAPromptWithItsInstruments()
    {
        // GIVEN a prompt for violin and cello that had ended, with its last note at beat 8
        const std::vector<Event> prompt = {
            Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25), Event::instrumentEvent(27),
            Event::ofType(EventType::StartOfNotes), Event::note(8, 6, 60, 12, 25), Event::ofType(EventType::EndOfSong)};
        NoisySource source(256);
        GenerationParams params;
        params.topK.fill(0);
        params.seed = 3;
        // WHEN it is continued
        const GenerationResult result = generate(source, prompt, params);
        // THEN the prompt is kept (without its end) and new notes come after beat 8, pos 6
        QVERIFY(result.events.size() > 5);
        QVERIFY(std::equal(prompt.begin(), prompt.end() - 1, result.events.begin()));
        QVERIFY2(grammarProblem(result.events).isEmpty(), qPrintable(grammarProblem(result.events)));
        for (std::size_t i = 5; i < result.events.size(); ++i) {
            if (result.events[i].isNote())
                QVERIFY(result.events[i].instrument == 25 || result.events[i].instrument == 27);
        }
    }

    void callbacksReportAndCancel()
    {
        NoisySource source(500, 10.0f);
        GenerationParams params;
        params.topK.fill(0);
        int calls = 0;
        GenerationCallbacks callbacks;
        callbacks.progress = [&](const Event &, int events, int maxEvents) {
            ++calls;
            QCOMPARE(maxEvents, 500);
            QVERIFY(events >= 2);
        };
        callbacks.cancelled = [&] { return calls >= 7; };
        // WHEN cancelled after the seventh event
        const GenerationResult result = generate(source, {}, params, callbacks);
        // THEN generation stops there
        QVERIFY(result.cancelled);
        QCOMPARE(calls, 7);
        QCOMPARE(result.events.size(), std::size_t(8));
    }

    void refusesABadPrompt()
    {
        NoisySource source(16);
        const std::vector<Event> prompt = {Event::instrumentEvent(25)};
        QVERIFY(!generate(source, prompt, {}).error.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestGeneration)
#include "testgeneration.moc"
