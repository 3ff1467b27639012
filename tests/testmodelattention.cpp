// SPDX-License-Identifier: GPL-3.0-or-later
// testmodelattention.cpp — the model's attention maps: shape, rows summing to one, causality.
#include "model/modelconfig.h"
#include "model/transformermodel.h"
#include "tinymodel.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace tutti;
using namespace Qt::StringLiterals;

class TestModelAttention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsSumToOneAndNeverLookAhead()
    {
        // GIVEN a tiny random model (2 layers, 4 heads) and a sequence of 40 events
        const std::unique_ptr<TransformerModel> model = test::tinyModel({.layers = 2, .heads = 4, .context = 64}, 3);
        std::vector<Event> events = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25),
                                     Event::instrumentEvent(27), Event::ofType(EventType::StartOfNotes)};
        for (int i = 0; events.size() < 40; ++i)
            events.push_back(Event::note(i / 2, (i * 5) % 12, 48 + (i * 7) % 24, 12, i % 2 ? 25 : 27));
        // WHEN its attention is computed
        const AttentionMaps maps = model->attention(events);
        // THEN it has one T x T map per layer and head
        const int t = static_cast<int>(events.size());
        QCOMPARE(maps.layers, 2);
        QCOMPARE(maps.heads, 4);
        QCOMPARE(maps.events, t);
        QCOMPARE(maps.weights.size(), std::size_t(2 * 4 * t * t));
        // AND every row sums to one over the keys up to the query, with nothing after it
        for (int layer = 0; layer < maps.layers; ++layer) {
            for (int head = 0; head < maps.heads; ++head) {
                for (int query = 0; query < t; ++query) {
                    double sum = 0.0;
                    for (int key = 0; key < t; ++key) {
                        const float w = maps.at(layer, head, query, key);
                        QVERIFY(w >= 0.0f);
                        if (key > query)
                            QCOMPARE(w, 0.0f);
                        sum += w;
                    }
                    QVERIFY2(std::abs(sum - 1.0) < 1e-5, qPrintable(u"row sum %1"_s.arg(sum)));
                }
            }
        }
        // AND the first query can only attend to itself
        QVERIFY(std::abs(maps.at(0, 0, 0, 0) - 1.0f) < 1e-5f);
    }

    void earlierWeightsDoNotDependOnLaterEvents()
    {
        // GIVEN a tiny random model and two sequences that differ only in their last event
        const std::unique_ptr<TransformerModel> model = test::tinyModel({.layers = 2, .heads = 4, .context = 32}, 9);
        std::vector<Event> a = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(1),
                                Event::ofType(EventType::StartOfNotes), Event::note(0, 0, 60, 12, 1),
                                Event::note(1, 0, 64, 12, 1), Event::note(2, 0, 67, 12, 1)};
        std::vector<Event> b = a;
        b.back() = Event::note(3, 6, 40, 4, 1);
        // WHEN both are run
        const AttentionMaps ma = model->attention(a);
        const AttentionMaps mb = model->attention(b);
        // THEN every row but the last is the same: a query never sees keys after it
        const int t = static_cast<int>(a.size());
        for (int layer = 0; layer < 2; ++layer)
            for (int head = 0; head < 4; ++head)
                for (int query = 0; query < t - 1; ++query)
                    for (int key = 0; key < t; ++key)
                        QVERIFY(std::abs(ma.at(layer, head, query, key) - mb.at(layer, head, query, key)) < 1e-5f);
    }
};

QTEST_APPLESS_MAIN(TestModelAttention)
#include "testmodelattention.moc"
