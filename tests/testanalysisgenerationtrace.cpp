// SPDX-License-Identifier: GPL-3.0-or-later
// testanalysisgenerationtrace.cpp — recording a generation step by step for the teaching view.
#include "analysis/generationtrace.h"
#include "generation/generator.h"
#include "noisysource.h"

#include <QTest>

#include <cmath>

using namespace tutti;

class TestAnalysisGenerationTrace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entropyOfKnownDistributions()
    {
        // THEN a certain choice has 0 bits, a fair coin 1, four equal codes 2
        const std::vector<float> certain = {0.0f, 1.0f, 0.0f};
        const std::vector<float> coin = {0.5f, 0.0f, 0.5f};
        const std::vector<float> four = {0.25f, 0.25f, 0.25f, 0.25f};
        QCOMPARE(entropyBits(certain), 0.0);
        QVERIFY(std::abs(entropyBits(coin) - 1.0) < 1e-9);
        QVERIFY(std::abs(entropyBits(four) - 2.0) < 1e-9);
    }

    void keepsTheTopCandidatesAndTheChoice()
    {
        // GIVEN a trace keeping 2 candidates
        GenerationTrace trace(2);
        // WHEN a note's type and pitch are drawn, the pitch being the second most likely
        const std::vector<float> type = {0.0f, 0.0f, 0.0f, 0.9f, 0.1f, 0.0f, 0.0f};
        const std::vector<float> pitch = {0.1f, 0.6f, 0.3f};
        trace.fieldDrawn(Field::Type, type, 3);
        trace.fieldDrawn(Field::Pitch, pitch, 2);
        trace.eventAdded(Event::note(0, 0, 1, 12, 1), 7);
        // THEN one step holds both fields in draw order
        QCOMPARE(trace.steps().size(), std::size_t(1));
        const GenerationStep &step = trace.steps().front();
        QCOMPARE(step.index, 7);
        QCOMPARE(step.fields.size(), std::size_t(2));
        const FieldDraw *p = step.draw(Field::Pitch);
        QVERIFY(p);
        QCOMPARE(p->chosen, 2);
        QCOMPARE(p->chosenProbability, 0.3f);
        QCOMPARE(p->allowedCodes, 3);
        QCOMPARE(p->top.size(), std::size_t(2));
        QCOMPARE(p->top[0], (std::pair<int, float>(1, 0.6f)));
        QCOMPARE(p->top[1], (std::pair<int, float>(2, 0.3f)));
        QVERIFY(std::abs(step.entropy() - (entropyBits(type) + entropyBits(pitch))) < 1e-9);
        QVERIFY(!step.draw(Field::Beat));
    }

    void stepsFollowTheGeneratedEvents()
    {
        // GIVEN a fake model and a trace wired to the generator's callbacks
        NoisySource source(40, 5.0f);
        GenerationTrace trace;
        GenerationCallbacks callbacks;
        callbacks.fieldDrawn = [&](Field f, std::span<const float> p, int chosen) { trace.fieldDrawn(f, p, chosen); };
        callbacks.progress = [&](const Event &e, int events, int) { trace.eventAdded(e, events - 1); };
        GenerationParams params;
        params.seed = 3;
        params.maxEvents = 40;
        // WHEN a piece is generated from nothing
        const GenerationResult result = generate(source, {}, params, callbacks);
        QVERIFY(result.error.isEmpty());
        // THEN there is one step per generated event, and each drawn field is the event's code
        QCOMPARE(trace.steps().size(), result.events.size() - 1); // start-of-song was given
        for (const GenerationStep &step : trace.steps()) {
            QCOMPARE(step.event, result.events[static_cast<std::size_t>(step.index)]);
            QCOMPARE(step.fields.front().field, Field::Type);
            QCOMPARE(step.fields.size(), std::size_t(step.event.isNote() ? 6 : step.event.eventType() == EventType::Instrument ? 2 : 1));
            for (const FieldDraw &draw : step.fields) {
                QCOMPARE(draw.chosen, step.event[draw.field]);
                QVERIFY(draw.chosenProbability > 0.0f);
                QVERIFY(draw.entropy >= 0.0);
                QVERIFY(draw.entropy <= std::log2(static_cast<double>(draw.allowedCodes)) + 1e-6);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestAnalysisGenerationTrace)
#include "testanalysisgenerationtrace.moc"
