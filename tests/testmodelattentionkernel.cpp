// SPDX-License-Identifier: GPL-3.0-or-later
// testmodelattentionkernel.cpp — one head's attention over cached keys, against a plain reference in double.
#include "model/internal/attentionkernels.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestModelAttentionKernel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attendsAsTheDefinitionSays_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("keyCount");
        // widths that are multiples of 8 take the vector loops, 6 and 12 the plain ones; key
        // counts around multiples of four reach the loops' ends
        for (const int width : {6, 8, 12, 16, 32, 40, 64}) {
            for (const int keyCount : {1, 3, 4, 5, 8, 9, 130})
                QTest::addRow("W %d, %d keys", width, keyCount) << width << keyCount;
        }
    }

    void attendsAsTheDefinitionSays()
    {
        QFETCH(int, width);
        QFETCH(int, keyCount);
        // GIVEN a query and random keys and values
        std::mt19937 random(static_cast<unsigned>(width * 1000 + keyCount));
        std::normal_distribution<float> normal(0.0f, 1.5f);
        std::vector<float> query(static_cast<std::size_t>(width));
        std::vector<float> keys(static_cast<std::size_t>(width * keyCount)), values(keys.size());
        for (std::vector<float> *vector : {&query, &keys, &values}) {
            for (float &value : *vector)
                value = normal(random);
        }
        // WHEN the kernel attends
        std::vector<float> scores(static_cast<std::size_t>(keyCount));
        std::vector<float> out(static_cast<std::size_t>(width), -7.0f);
        attendOneHead(query.data(), keys.data(), values.data(), keyCount, width, scores.data(), out.data());
        // THEN out = softmax(K q / sqrt(W)) V, computed here in double
        std::vector<double> weights(static_cast<std::size_t>(keyCount));
        double largest = -1e300;
        for (int j = 0; j < keyCount; ++j) {
            double dot = 0.0;
            for (int c = 0; c < width; ++c)
                dot += double(keys[static_cast<std::size_t>(j * width + c)]) * query[static_cast<std::size_t>(c)];
            weights[static_cast<std::size_t>(j)] = dot / std::sqrt(double(width));
            largest = std::max(largest, weights[static_cast<std::size_t>(j)]);
        }
        double total = 0.0;
        for (double &weight : weights)
            total += weight = std::exp(weight - largest);
        for (int j = 0; j < keyCount; ++j)
            QVERIFY(std::abs(scores[static_cast<std::size_t>(j)] - weights[static_cast<std::size_t>(j)] / total) < 1e-5);
        for (int c = 0; c < width; ++c) {
            double expected = 0.0;
            for (int j = 0; j < keyCount; ++j)
                expected += weights[static_cast<std::size_t>(j)] / total * values[static_cast<std::size_t>(j * width + c)];
            QVERIFY2(std::abs(out[static_cast<std::size_t>(c)] - expected) < 1e-4,
                     qPrintable(u"column %1: %2, expected %3"_s.arg(c).arg(out[static_cast<std::size_t>(c)]).arg(expected)));
        }
    }
};

QTEST_APPLESS_MAIN(TestModelAttentionKernel)
#include "testmodelattentionkernel.moc"
// end of testmodelattentionkernel.cpp
