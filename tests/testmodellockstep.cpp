// SPDX-License-Identifier: GPL-3.0-or-later
// testmodellockstep.cpp — the candidates of one request side by side in a GenerationBatch.
#include "generation/suggestion.h"
#include "model/generationbatch.h"
#include "model/generationsession.h"
#include "tinymodel.h"

#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// Four bars of a string trio in 4/4.
Score trio()
{
    Score score;
    score.addTrack(u"Violin"_s, 40);
    score.addTrack(u"Viola"_s, 41);
    score.addTrack(u"Cello"_s, 42);
    for (int beat = 0; beat < 16; ++beat) {
        const Tick at = beat * score.ticksPerQuarter;
        score.tracks[0].notes.push_back({at, score.ticksPerQuarter, 72 + (beat * 5) % 7, 80});
        score.tracks[1].notes.push_back({at, score.ticksPerQuarter, 62 + (beat * 3) % 5, 70});
        if (beat % 2 == 0)
            score.tracks[2].notes.push_back({at, 2 * score.ticksPerQuarter, 48 + beat % 4, 70});
    }
    score.normalize();
    return score;
}

SuggestionRequest request(SuggestionMode mode, int candidates)
{
    SuggestionRequest request;
    request.mode = mode;
    request.candidates = candidates;
    request.sampling.seed = 7;
    // A model with random weights seldom writes a note before the bars run out: ask for
    // four a bar, which the controls then insist on.
    request.controls.density = DensityChoice::Notes;
    request.controls.notesPerBar = 4;
    if (mode == SuggestionMode::Infill) {
        request.firstBar = 1;
        request.endBar = 3;
        request.tracks = {1};
    } else if (mode == SuggestionMode::Continue) {
        request.firstBar = 0;
        request.endBar = 4;
        request.lengthBars = 2;
    } else {
        request.lengthBars = 2;
    }
    return request;
}

QString differences(const SuggestionResult &a, const SuggestionResult &b)
{
    if (!a.error.isEmpty() || !b.error.isEmpty())
        return u"errors: '%1' / '%2'"_s.arg(a.error, b.error);
    if (a.candidates.size() != b.candidates.size())
        return u"%1 candidates against %2"_s.arg(a.candidates.size()).arg(b.candidates.size());
    for (std::size_t i = 0; i < a.candidates.size(); ++i) {
        const Suggestion &x = a.candidates[i];
        const Suggestion &y = b.candidates[i];
        if (x.seed != y.seed || x.parts.size() != y.parts.size())
            return u"candidate %1: seeds or parts differ"_s.arg(i);
        for (std::size_t part = 0; part < x.parts.size(); ++part) {
            if (x.parts[part].track != y.parts[part].track || x.parts[part].notes != y.parts[part].notes)
                return u"candidate %1, part %2: the notes differ"_s.arg(i).arg(part);
        }
    }
    return {};
}

} // namespace

class TestModelLockstep final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchedCandidatesAreTheCandidatesOneAfterAnother_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("candidates");
        QTest::addColumn<int>("rows");
        QTest::newRow("continue, 4 in 4 rows") << int(SuggestionMode::Continue) << 4 << 4;
        QTest::newRow("infill, 3 in 4 rows") << int(SuggestionMode::Infill) << 3 << 4;
        QTest::newRow("new, 4 in 4 rows") << int(SuggestionMode::New) << 4 << 4;
        QTest::newRow("continue, 6 in 4 rows") << int(SuggestionMode::Continue) << 6 << 4;
    }

    void batchedCandidatesAreTheCandidatesOneAfterAnother()
    {
        QFETCH(int, mode);
        QFETCH(int, candidates);
        QFETCH(int, rows);
        // GIVEN a model, a score and a request for several candidates
        const auto model = test::tinyModel({.layers = 2, .heads = 2, .context = 1024, .width = 32}, 3);
        const Score score = trio();
        const SuggestionRequest asked = request(static_cast<SuggestionMode>(mode), candidates);
        // WHEN the candidates are sampled one after another, and side by side in a batch, twice
        GenerationSession session(*model);
        const SuggestionResult alone = suggest(session, score, asked);
        GenerationBatch batch(*model, rows);
        const SuggestionResult batched = suggest(batch, score, asked);
        const SuggestionResult again = suggest(batch, score, asked);
        // THEN they are the same candidates, note for note, in candidate order
        QVERIFY2(alone.error.isEmpty(), qPrintable(alone.error));
        QCOMPARE(int(alone.candidates.size()), candidates);
        std::size_t notes = 0;
        for (const Suggestion &suggestion : alone.candidates)
            notes += suggestion.noteCount();
        QVERIFY(notes > 0);
        QString difference = differences(alone, batched);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        difference = differences(batched, again);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void everyCandidateIsReportedOnceAndProgressReachesTheEnd()
    {
        // GIVEN a batched request with callbacks
        const auto model = test::tinyModel({.layers = 1, .heads = 2, .context = 1024, .width = 32}, 4);
        GenerationBatch batch(*model, 4);
        std::vector<int> ready;
        std::vector<double> lastFraction(4, 0.0);
        SuggestionCallbacks callbacks;
        callbacks.candidateReady = [&](int candidate, const Suggestion &) { ready.push_back(candidate); };
        callbacks.progress = [&](int candidate, int candidates, double fraction) {
            QCOMPARE(candidates, 4);
            lastFraction.at(static_cast<std::size_t>(candidate)) = fraction;
        };
        // WHEN it runs
        const SuggestionResult result = suggest(batch, trio(), request(SuggestionMode::Continue, 4), callbacks);
        // THEN every candidate was announced exactly once, in order, and each got to (near)
        // its end
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(ready, (std::vector<int>{0, 1, 2, 3}));
        for (double fraction : lastFraction)
            QVERIFY(fraction > 0.5);
    }

    void cancellingStopsEveryRowAndKeepsWhatCame()
    {
        // GIVEN a batched request whose cancel flag rises after a few events
        const auto model = test::tinyModel({.layers = 1, .heads = 2, .context = 1024, .width = 32}, 5);
        GenerationBatch batch(*model, 4);
        std::atomic<int> polls{0};
        SuggestionCallbacks callbacks;
        callbacks.cancelled = [&] { return ++polls > 20; };
        SuggestionRequest asked = request(SuggestionMode::Continue, 4);
        asked.lengthBars = 16;
        // WHEN it runs
        const SuggestionResult result = suggest(batch, trio(), asked, callbacks);
        // THEN it returns (no row waits for ever), cancelled, with the candidates cut short
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.cancelled);
        QCOMPARE(int(result.candidates.size()), 4);
        for (const Suggestion &suggestion : result.candidates)
            QVERIFY(suggestion.cancelled);
    }

    void aFailingCallbackEndsTheRunWithItsError()
    {
        // GIVEN a batched request whose progress callback throws in one candidate
        const auto model = test::tinyModel({.layers = 1, .heads = 2, .context = 1024, .width = 32}, 6);
        GenerationBatch batch(*model, 4);
        SuggestionCallbacks callbacks;
        callbacks.progress = [](int candidate, int, double fraction) {
            if (candidate == 2 && fraction > 0.2)
                throw std::runtime_error("candidate 2 failed");
        };
        // WHEN it runs, THEN the exception reaches the caller and no row is left waiting
        bool thrown = false;
        try {
            suggest(batch, trio(), request(SuggestionMode::Continue, 4), callbacks);
        } catch (const std::runtime_error &error) {
            thrown = QByteArray(error.what()) == "candidate 2 failed";
        }
        QVERIFY(thrown);
        // AND the batch serves the next request as if nothing had happened
        GenerationSession session(*model);
        const QString difference = differences(suggest(session, trio(), request(SuggestionMode::Continue, 2)),
                                               suggest(batch, trio(), request(SuggestionMode::Continue, 2)));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
};

QTEST_GUILESS_MAIN(TestModelLockstep)
#include "testmodellockstep.moc"
