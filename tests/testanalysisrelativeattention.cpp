// SPDX-License-Identifier: GPL-3.0-or-later
// testanalysisrelativeattention.cpp — mean relative attention and its gain against hand
// arithmetic and a brute-force sum.
#include "analysis/relativeattention.h"

#include <QStringList>
#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

// start-of-song, one instrument, start-of-notes, the notes (violin), end-of-song
std::vector<Event> sequence(const std::vector<std::array<int, 3>> &notes)
{
    std::vector<Event> events = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25),
                                 Event::ofType(EventType::StartOfNotes)};
    for (const auto &[beat, position, pitch] : notes)
        events.push_back(Event::note(beat, position, pitch, 12, 25));
    events.push_back(Event::ofType(EventType::EndOfSong));
    return events;
}

// Random causal rows that sum to one, (L, H, T, T).
std::vector<float> randomAttention(int layers, int heads, int t, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> uniform(0.01f, 1.0f);
    std::vector<float> weights(static_cast<std::size_t>(layers * heads * t * t), 0.0f);
    for (int lh = 0; lh < layers * heads; ++lh) {
        for (int q = 0; q < t; ++q) {
            float *row = weights.data() + (static_cast<std::size_t>(lh) * t + q) * t;
            float sum = 0.0f;
            for (int k = 0; k <= q; ++k)
                sum += row[k] = uniform(rng);
            for (int k = 0; k <= q; ++k)
                row[k] /= sum;
        }
    }
    return weights;
}

int valueOf(const Event &e, RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return e.beatValue();
    case RelativeField::Position: return e.positionValue();
    case RelativeField::Pitch: return e.pitchValue();
    }
    return 0;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-7; // the weights are floats
}

} // namespace

class TestAnalysisRelativeAttention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeNotesByHand()
    {
        // GIVEN notes at beats 0, 4, 4 (pitches C4, G4, C5) and one head whose note-to-note
        // weights are 0.5 (G4 -> C4), 0.2 (C5 -> C4) and 0.3 (C5 -> G4); the rest of each row
        // goes to the header events
        const std::vector<Event> events = sequence({{0, 0, 60}, {4, 0, 67}, {4, 6, 72}});
        const int t = static_cast<int>(events.size());
        std::vector<float> weights(static_cast<std::size_t>(t * t), 0.0f);
        const auto at = [&](int q, int k) -> float & { return weights[static_cast<std::size_t>(q * t + k)]; };
        at(4, 3) = 0.5f;
        at(4, 0) = 0.5f;
        at(5, 3) = 0.2f;
        at(5, 4) = 0.3f;
        at(5, 5) = 0.5f;
        RelativeAttention stats(1, 1);
        // WHEN added
        QVERIFY(stats.add(events, weights));
        // THEN attention by beat difference is 0.7 one bar back and 0.3 on the same beat,
        // where attending to every note alike would give 2/3 and 1/3
        QCOMPARE(stats.pairs(), 3);
        QVERIFY(near(stats.gamma(RelativeField::Beat, 0, 0, -4), 0.7));
        QVERIFY(near(stats.gamma(RelativeField::Beat, 0, 0, 0), 0.3));
        QVERIFY(near(stats.uniform(RelativeField::Beat, -4), 2.0 / 3.0));
        QVERIFY(near(stats.gain(RelativeField::Beat, 0, 0, -4), 0.7 - 2.0 / 3.0));
        // AND by pitch: a fifth below 0.5, an octave below 0.2, a fourth below 0.3
        QVERIFY(near(stats.gamma(RelativeField::Pitch, 0, 0, -7), 0.5));
        QVERIFY(near(stats.gamma(RelativeField::Pitch, 0, 0, -12), 0.2));
        QVERIFY(near(stats.gamma(RelativeField::Pitch, 0, 0, -5), 0.3));
        QVERIFY(near(stats.gain(RelativeField::Pitch, 0, 0, -5), 0.3 - 1.0 / 3.0));
        // AND by position: C5 sits half a beat later than both earlier notes
        QVERIFY(near(stats.gamma(RelativeField::Position, 0, 0, 0), 0.5));
        QVERIFY(near(stats.gamma(RelativeField::Position, 0, 0, -6), 0.5));
        QVERIFY(near(stats.gamma(RelativeField::Beat, 0, 0, 4), 0.0));
    }

    void matchesBruteForceOverSeveralPieces()
    {
        // GIVEN two pieces with random notes and random causal attention for 2 layers x 3 heads
        std::mt19937 rng(11);
        std::vector<std::vector<Event>> pieces;
        std::vector<std::vector<float>> attention;
        for (int piece = 0; piece < 2; ++piece) {
            std::vector<std::array<int, 3>> notes;
            int beat = 0;
            for (int i = 0; i < 12 + piece * 5; ++i) {
                beat += static_cast<int>(rng() % 3);
                notes.push_back({beat, static_cast<int>(rng() % 12), 48 + static_cast<int>(rng() % 30)});
            }
            pieces.push_back(sequence(notes));
            attention.push_back(randomAttention(2, 3, static_cast<int>(pieces.back().size()), 100 + piece));
        }
        // WHEN accumulated
        RelativeAttention stats(2, 3);
        for (std::size_t p = 0; p < pieces.size(); ++p)
            QVERIFY(stats.add(pieces[p], attention[p]));
        QCOMPARE(stats.sequences(), 2);
        // THEN every gamma, uniform and gain equals the formula summed pair by pair
        for (int layer = 0; layer < 2; ++layer) {
            for (int head = 0; head < 3; ++head) {
                for (RelativeField field : relativeFields) {
                    for (int k = -20; k <= 20; ++k) {
                        double weighted = 0.0, weightTotal = 0.0, count = 0.0, countTotal = 0.0;
                        for (std::size_t p = 0; p < pieces.size(); ++p) {
                            const std::vector<Event> &e = pieces[p];
                            const std::size_t t = e.size();
                            for (std::size_t s = 0; s < t; ++s) {
                                for (std::size_t u = 0; u < s; ++u) {
                                    if (!e[s].isNote() || !e[u].isNote())
                                        continue;
                                    const double a = attention[p][((layer * 3 + head) * t + s) * t + u];
                                    const bool match = valueOf(e[u], field) - valueOf(e[s], field) == k;
                                    weightTotal += a;
                                    weighted += match ? a : 0.0;
                                    countTotal += 1.0;
                                    count += match ? 1.0 : 0.0;
                                }
                            }
                        }
                        QVERIFY(near(stats.gamma(field, layer, head, k), weighted / weightTotal));
                        QVERIFY(near(stats.uniform(field, k), count / countTotal));
                        QVERIFY(near(stats.gain(field, layer, head, k), weighted / weightTotal - count / countTotal));
                    }
                }
            }
        }
    }

    void rejectsWeightsOfTheWrongShape()
    {
        // GIVEN a sequence of 6 events
        const std::vector<Event> events = sequence({{0, 0, 60}, {1, 0, 62}});
        RelativeAttention stats(2, 2);
        // WHEN given weights for one head only
        // THEN nothing is added
        QVERIFY(!stats.add(events, randomAttention(1, 1, static_cast<int>(events.size()), 1)));
        QCOMPARE(stats.sequences(), 0);
        QCOMPARE(stats.gamma(RelativeField::Beat, 0, 0, -1), 0.0);
    }

    void csvHoldsEveryHeadsNumbers()
    {
        // GIVEN statistics of one random piece, 2 layers x 2 heads
        const std::vector<Event> events = sequence({{0, 0, 60}, {1, 3, 64}, {2, 0, 67}, {4, 0, 72}});
        RelativeAttention stats(2, 2);
        QVERIFY(stats.add(events, randomAttention(2, 2, static_cast<int>(events.size()), 5)));
        // WHEN written as CSV
        const QStringList lines = stats.toCsv().split(u'\n', Qt::SkipEmptyParts);
        // THEN after the header each row's numbers are the accessors' (layer and head 1-based)
        QCOMPARE(lines.first(), u"layer,head,field,difference,gamma,uniform,gain"_s);
        int rows = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines[i].split(u',');
            QCOMPARE(cells.size(), 7);
            const RelativeField field = cells[2] == u"beat"_s       ? RelativeField::Beat
                                        : cells[2] == u"position"_s ? RelativeField::Position
                                                                     : RelativeField::Pitch;
            const int layer = cells[0].toInt() - 1, head = cells[1].toInt() - 1, k = cells[3].toInt();
            QVERIFY(std::abs(cells[4].toDouble() - stats.gamma(field, layer, head, k)) < 1e-7);
            QVERIFY(std::abs(cells[5].toDouble() - stats.uniform(field, k)) < 1e-7);
            QVERIFY(std::abs(cells[6].toDouble() - stats.gain(field, layer, head, k)) < 1e-7);
            ++rows;
        }
        // AND only differences that occurred are listed: 4 heads x (4 beat differences (-1..-4),
        // 3 position (-3, 0, 3) and 6 pitch (-3, -4, -5, -7, -8, -12))
        QCOMPARE(rows, 4 * (4 + 3 + 6));
    }
};

QTEST_APPLESS_MAIN(TestAnalysisRelativeAttention)
#include "testanalysisrelativeattention.moc"
