// SPDX-License-Identifier: GPL-3.0-or-later
// testmodelbf16weights.cpp — the decoding step with bfloat16 weights: the kernel, and what it does to logits.
#include "model/generationbatch.h"
#include "model/generationsession.h"
#include "model/internal/bf16matrix.h"
#include "tinymodel.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

std::vector<Event> melody(int notes)
{
    std::vector<Event> events = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25),
                                 Event::instrumentEvent(33), Event::ofType(EventType::StartOfNotes)};
    for (int i = 0; i < notes; ++i)
        events.push_back(Event::note(1 + i / 3, (i % 3) * 4, 50 + (i * 7) % 30, 2 + i % 5, i % 2 ? 25 : 33));
    return events;
}

// Logits of every event after the prompt, through a session with the given weights.
std::vector<EventLogits> decode(const TransformerModel &model, DecodingWeights weights, const std::vector<Event> &events,
                                int prompt)
{
    setDecodingWeights(weights);
    GenerationSession session(model);
    std::vector<EventLogits> logits = {session.append(std::span(events).first(static_cast<std::size_t>(prompt)))};
    for (std::size_t i = static_cast<std::size_t>(prompt); i < events.size(); ++i)
        logits.push_back(session.append(std::span(events).subspan(i, 1)));
    setDecodingWeights(DecodingWeights::Automatic);
    return logits;
}

} // namespace

class TestModelBf16Weights final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theKernelComputesTheRoundedMatrixProduct_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("k");
        QTest::newRow("one row, a model's width") << 768 << 256 << 1;
        QTest::newRow("four rows") << 256 << 1024 << 4;
        QTest::newRow("ragged: 7 x 13, 3 rows") << 7 << 13 << 3;
        QTest::newRow("ragged: 5 x 20, 1 row") << 5 << 20 << 1;
        QTest::newRow("ragged: 9 x 24, 5 rows") << 9 << 24 << 5;
        QTest::newRow("ragged: 6 x 41, 8 rows") << 6 << 41 << 8;
    }

    void theKernelComputesTheRoundedMatrixProduct()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(int, k);
        // GIVEN random weights, biases and inputs
        std::mt19937 random(static_cast<unsigned>(rows * 31 + columns));
        std::normal_distribution<float> normal(0.0f, 0.5f);
        std::vector<float> weights(static_cast<std::size_t>(rows * columns)), bias(static_cast<std::size_t>(rows)),
            in(static_cast<std::size_t>(k * columns));
        for (float &value : weights)
            value = normal(random);
        for (float &value : bias)
            value = normal(random);
        for (float &value : in)
            value = normal(random);
        // WHEN they go through the bfloat16 matrix
        const Bf16Matrix matrix(weights.data(), rows, columns);
        std::vector<float> out(static_cast<std::size_t>(k * rows));
        matrix.affine(bias.data(), in.data(), out.data(), k);
        // THEN each weight is its float rounded to 8 significant bits, and the product is the
        // product of the rounded weights (in double, within float rounding)
        double largestRounding = 0.0;
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < columns; ++column) {
                const float original = weights[static_cast<std::size_t>(row * columns + column)];
                const double rounding = std::abs(matrix.at(row, column) - original) / std::max(std::abs(original), 1e-30f);
                largestRounding = std::max(largestRounding, rounding);
            }
        }
        QVERIFY2(largestRounding <= 1.0 / 256.0, qPrintable(u"rounding %1"_s.arg(largestRounding)));
        QVERIFY(largestRounding > 0.0); // it was rounded
        for (int i = 0; i < k; ++i) {
            for (int row = 0; row < rows; ++row) {
                double expected = bias[static_cast<std::size_t>(row)];
                for (int column = 0; column < columns; ++column)
                    expected += double(matrix.at(row, column)) * in[static_cast<std::size_t>(i * columns + column)];
                const double got = out[static_cast<std::size_t>(i * rows + row)];
                QVERIFY2(std::abs(got - expected) < 1e-4 * std::max(1.0, std::abs(expected)),
                         qPrintable(u"row %1 of input %2: %3, expected %4"_s.arg(row).arg(i).arg(got).arg(expected)));
            }
        }
        // AND computed in two ranges of rows, as two threads share it, it is the same to the bit
        const int split = rows / 16 * 8;
        std::vector<float> shared(out.size(), -1.0f);
        matrix.affine(bias.data(), in.data(), shared.data(), k, split, rows);
        matrix.affine(bias.data(), in.data(), shared.data(), k, 0, split);
        QCOMPARE(shared, out);
    }

    void bf16LogitsStayCloseToFloat32()
    {
        // GIVEN a model and a sequence, decoded with float32 and with bfloat16 weights
        const auto model = test::tinyModel({.layers = 2, .heads = 4, .context = 256, .width = 64}, 9);
        const std::vector<Event> events = melody(60);
        const std::vector<EventLogits> exact = decode(*model, DecodingWeights::Float32, events, 10);
        const std::vector<EventLogits> rounded = decode(*model, DecodingWeights::BFloat16, events, 10);
        // THEN the prompt's logits are the same (prompts run in float32), and each later
        // event's differ, but by little: no logit moves by more than 0.05, and no
        // probability by more than 0.01
        double promptDifference = 0.0, largest = 0.0, largestProbability = 0.0;
        for (std::size_t i = 0; i < exact.size(); ++i) {
            for (int field = 0; field < fieldCount; ++field) {
                const std::vector<float> &a = exact[i].fields[field];
                const std::vector<float> &b = rounded[i].fields[field];
                double normA = 0.0, normB = 0.0;
                const float bestA = *std::max_element(a.begin(), a.end());
                const float bestB = *std::max_element(b.begin(), b.end());
                for (std::size_t code = 0; code < a.size(); ++code) {
                    normA += std::exp(a[code] - bestA);
                    normB += std::exp(b[code] - bestB);
                }
                for (std::size_t code = 0; code < a.size(); ++code) {
                    const double difference = std::abs(a[code] - b[code]);
                    (i == 0 ? promptDifference : largest) = std::max(i == 0 ? promptDifference : largest, difference);
                    const double pa = std::exp(a[code] - bestA) / normA, pb = std::exp(b[code] - bestB) / normB;
                    largestProbability = std::max(largestProbability, std::abs(pa - pb));
                }
            }
        }
        QCOMPARE(promptDifference, 0.0);
        QVERIFY2(largest > 0.0, "the bfloat16 weights were not used");
        QVERIFY2(largest < 0.05, qPrintable(u"a logit moved by %1"_s.arg(largest)));
        QVERIFY2(largestProbability < 0.01, qPrintable(u"a probability moved by %1"_s.arg(largestProbability)));
    }

    void batchedRowsMatchTheirSessionWithBf16Weights()
    {
        // GIVEN bfloat16 weights, a batch of three rows and a session, fed the same events
        const auto model = test::tinyModel({.layers = 1, .heads = 2, .context = 128, .width = 32}, 4);
        setDecodingWeights(DecodingWeights::BFloat16);
        GenerationBatch batch(*model, 3);
        GenerationSession session(*model);
        setDecodingWeights(DecodingWeights::Automatic);
        const std::vector<Event> events = melody(20);
        for (int row = 0; row < 3; ++row)
            batch.append(row, std::span(events).first(5));
        session.append(std::span(events).first(5));
        // WHEN they step on together
        for (std::size_t i = 5; i < events.size(); ++i) {
            const std::vector<int> rows = {0, 1, 2};
            const std::vector<Event> next(3, events[i]);
            const std::span<const EventLogits> together = batch.step(rows, next);
            const EventLogits &alone = session.append(std::span(events).subspan(i, 1));
            // THEN every row's logits are the session's (the kernel's K-row path and its
            // one-row path agree)
            for (int row = 0; row < 3; ++row) {
                for (int field = 0; field < fieldCount; ++field) {
                    for (std::size_t code = 0; code < alone.fields[field].size(); ++code)
                        QVERIFY(std::abs(together[row].fields[field][code] - alone.fields[field][code]) < 1e-4f);
                }
            }
        }
    }

    void automaticMeansBf16WhereTheCpuHasTheKernel()
    {
        setDecodingWeights(DecodingWeights::Automatic);
        QCOMPARE(decodingWeights(), Bf16Matrix::fastOnThisCpu() ? DecodingWeights::BFloat16 : DecodingWeights::Float32);
        setDecodingWeights(DecodingWeights::Float32);
        QCOMPARE(decodingWeights(), DecodingWeights::Float32);
        setDecodingWeights(DecodingWeights::Automatic);
    }
};

QTEST_GUILESS_MAIN(TestModelBf16Weights)
#include "testmodelbf16weights.moc"
