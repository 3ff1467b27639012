// SPDX-License-Identifier: GPL-3.0-or-later
// testmodelbatch.cpp — GenerationBatch: rows decoded together give each row's own logits.
#include "model/generationbatch.h"
#include "model/generationsession.h"
#include "model/transformermodel.h"
#include "tinymodel.h"

#include <QScopeGuard>

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// A different little melody per row, so that rows really differ.
std::vector<Event> melody(int row, int notes)
{
    std::vector<Event> events = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25 + row),
                                 Event::ofType(EventType::StartOfNotes)};
    for (int i = 0; i < notes; ++i)
        events.push_back(Event::note(i / 3, (i % 3) * 4, 50 + ((i + row) * (5 + row)) % 30, 2 + row, 25 + row));
    return events;
}

double largestDifference(const EventLogits &a, const EventLogits &b)
{
    double largest = 0.0;
    for (int field = 0; field < fieldCount; ++field) {
        for (std::size_t i = 0; i < a.fields[field].size(); ++i)
            largest = std::max(largest, static_cast<double>(std::abs(a.fields[field][i] - b.fields[field][i])));
    }
    return largest;
}

} // namespace

class TestModelBatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRowOfABatchScoresAsItWouldAlone()
    {
        // GIVEN a model, four rows with different prompts at different lengths, and the same
        // four sequences each in a session of its own
        const auto model = test::tinyModel({.layers = 2, .heads = 2, .context = 128, .width = 32}, 5);
        GenerationBatch batch(*model, 4);
        std::vector<std::unique_ptr<GenerationSession>> alone;
        std::vector<std::vector<Event>> sequences;
        for (int row = 0; row < 4; ++row) {
            sequences.push_back(melody(row, 40 + 5 * row));
            alone.push_back(std::make_unique<GenerationSession>(*model));
            const std::span prompt = std::span(sequences[row]).first(10 + row);
            const double difference = largestDifference(batch.append(row, prompt), alone[row]->append(prompt));
            QVERIFY2(difference < 1e-4, qPrintable(u"prompt of row %1 differs by %2"_s.arg(row).arg(difference)));
        }
        // WHEN the rows step together, one event each, a row dropping out as it ends
        for (int i = 0;; ++i) {
            std::vector<int> rows;
            std::vector<Event> next;
            for (int row = 0; row < 4; ++row) {
                const std::size_t at = static_cast<std::size_t>(10 + row + i);
                if (at < sequences[row].size()) {
                    rows.push_back(row);
                    next.push_back(sequences[row][at]);
                }
            }
            if (rows.empty())
                break;
            const std::span<const EventLogits> together = batch.step(rows, next);
            // THEN each row's logits are those it gets alone
            for (std::size_t k = 0; k < rows.size(); ++k) {
                const EventLogits &single = alone[rows[k]]->append(std::span(&next[k], 1));
                const double difference = largestDifference(together[k], single);
                QVERIFY2(difference < 1e-4, qPrintable(u"row %1 at event %2 differs by %3"_s.arg(rows[k]).arg(i).arg(difference)));
            }
        }
        for (int row = 0; row < 4; ++row)
            QCOMPARE(batch.length(row), static_cast<int>(sequences[row].size()));
    }

    void threadsShareAStepWithoutChangingIt_data()
    {
        QTest::addColumn<bool>("bfloat16");
        QTest::newRow("float32 weights") << false;
        QTest::newRow("bfloat16 weights") << true;
    }

    void threadsShareAStepWithoutChangingIt()
    {
        QFETCH(bool, bfloat16);
        // GIVEN a model whose products are long enough to be shared (every row and head a task)
        const auto model = test::tinyModel({.layers = 2, .heads = 4, .context = 128, .width = 64}, 12);
        setDecodingWeights(bfloat16 ? DecodingWeights::BFloat16 : DecodingWeights::Float32);
        const auto restore = qScopeGuard([] {
            setDecodingWeights(DecodingWeights::Automatic);
            setModelThreads(1);
        });
        // WHEN four rows are decoded on one thread and again on two
        const auto decode = [&](int threads) {
            setModelThreads(threads);
            GenerationBatch batch(*model, 4);
            std::vector<std::vector<Event>> sequences;
            for (int row = 0; row < 4; ++row) {
                sequences.push_back(melody(row, 30));
                batch.append(row, std::span(sequences[row]).first(8));
            }
            std::vector<EventLogits> logits;
            const std::vector<int> rows = {0, 1, 2, 3};
            for (std::size_t at = 8; at < sequences[0].size(); ++at) {
                std::vector<Event> next;
                for (int row = 0; row < 4; ++row)
                    next.push_back(sequences[row][at]);
                const std::span<const EventLogits> out = batch.step(rows, next);
                logits.insert(logits.end(), out.begin(), out.end());
            }
            return logits;
        };
        const std::vector<EventLogits> alone = decode(1);
        const std::vector<EventLogits> shared = decode(2);
        // THEN every logit is the same to the bit: each thread computes whole outputs
        QCOMPARE(shared.size(), alone.size());
        for (std::size_t i = 0; i < alone.size(); ++i) {
            for (int field = 0; field < fieldCount; ++field)
                QVERIFY2(shared[i].fields[field] == alone[i].fields[field], qPrintable(u"step %1, field %2"_s.arg(i).arg(field)));
        }
    }

    void aCopiedRowContinuesAsItsSource()
    {
        const auto model = test::tinyModel({.layers = 1, .heads = 2, .context = 64, .width = 32}, 9);
        GenerationBatch batch(*model, 3);
        const std::vector<Event> events = melody(0, 20);
        batch.append(0, std::span(events).first(15));
        batch.copyRow(0, 2);
        QCOMPARE(batch.length(2), 15);
        const std::vector<int> rows = {0, 2};
        const std::vector<Event> next = {events[15], events[15]};
        const std::span<const EventLogits> out = batch.step(rows, next);
        QVERIFY(largestDifference(out[0], out[1]) < 1e-6);
    }
};

QTEST_APPLESS_MAIN(TestModelBatch)
#include "testmodelbatch.moc"
// end of testmodelbatch.cpp
