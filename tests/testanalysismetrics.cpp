// SPDX-License-Identifier: GPL-3.0-or-later
// testanalysismetrics.cpp — pitch-class entropy, scale and groove consistency on hand-made scores.
#include "analysis/musicmetrics.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

constexpr int quarter = Score::defaultTicksPerQuarter;

// One note per pitch, a quarter apart, on one track.
Score melody(const std::vector<int> &pitches)
{
    Score score;
    Track &track = score.addTrack(u"Flute"_s, 73);
    for (std::size_t i = 0; i < pitches.size(); ++i)
        track.notes.push_back({static_cast<Tick>(i) * quarter, quarter, pitches[i], 80});
    return score;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class TestAnalysisMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cMajorScaleIsFullyInScaleWithSevenClasses()
    {
        // GIVEN a C major scale, C4 to B4
        const Score score = melody({60, 62, 64, 65, 67, 69, 71});
        // WHEN measured
        const MusicMetrics metrics = musicMetrics(score);
        // THEN every note fits one scale and the entropy is that of 7 equal classes
        QVERIFY(near(metrics.scaleConsistency, 1.0));
        QVERIFY(near(metrics.pitchClassEntropy, std::log2(7.0)));
    }

    void chromaticScaleHasMaximalEntropyAndSevenTwelfthsInScale()
    {
        // GIVEN all twelve pitch classes once, across octaves
        const Score score = melody({60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71 + 12});
        // WHEN measured
        const MusicMetrics metrics = musicMetrics(score);
        // THEN entropy is log2(12) and the best scale holds 7 of the 12 notes
        QVERIFY(near(metrics.pitchClassEntropy, std::log2(12.0)));
        QVERIFY(near(metrics.scaleConsistency, 7.0 / 12.0));
    }

    void aMinorMelodyWithOneForeignNoteScoresByItsBestScale()
    {
        // GIVEN A natural minor (A B C D E F G, 4 more A's) and one D#
        const Score score = melody({57, 59, 60, 62, 64, 65, 67, 57, 57, 57, 57, 63});
        // WHEN measured
        const MusicMetrics metrics = musicMetrics(score);
        // THEN 11 of 12 notes fit; the histogram is A:5, the other six and D# once each
        QVERIFY(near(metrics.scaleConsistency, 11.0 / 12.0));
        const double expected = -(5.0 / 12 * std::log2(5.0 / 12)) - 7 * (1.0 / 12 * std::log2(1.0 / 12));
        QVERIFY(near(metrics.pitchClassEntropy, expected));
    }

    void constantRhythmHasFullGroove()
    {
        // GIVEN quarter notes for four bars of 4/4
        const Score score = melody(std::vector<int>(16, 60));
        // WHEN measured
        // THEN every bar has the same onsets
        QVERIFY(near(musicMetrics(score).grooveConsistency, 1.0));
    }

    void grooveCountsDifferingOnsetStepsPerBar()
    {
        // GIVEN bar 1 with four quarters, bar 2 with two halves, bar 3 with four quarters again
        Score score;
        Track &track = score.addTrack(u"Piano"_s, 0);
        for (int beat : {0, 1, 2, 3, 4, 6, 8, 9, 10, 11})
            track.notes.push_back({beat * quarter, quarter, 60, 80});
        // WHEN measured
        const MusicMetrics metrics = musicMetrics(score);
        // THEN each of the two bar changes differs in 2 of 48 steps
        QVERIFY(near(metrics.grooveConsistency, 1.0 - 4.0 / (48.0 * 2)));
    }

    void grooveUsesTheMetreAndTheTwelveStepGrid()
    {
        // GIVEN 3/4 at 960 ticks per quarter: bar 1 on beats 1-3, bar 2 on beat 1 and a
        // triplet eighth later (321 ticks: step 40.0125, rounded to 40, step 4 of bar 2)
        Score score;
        score.ticksPerQuarter = 960;
        score.timeSignatures.push_back({0, 3, 4});
        Track &track = score.addTrack(u"Piano"_s, 0);
        for (Tick start : {Tick(0), Tick(960), Tick(1920), Tick(2880), Tick(2880 + 321)})
            track.notes.push_back({start, 240, 60, 80});
        // WHEN measured
        const MusicMetrics metrics = musicMetrics(score);
        // THEN bars are 36 steps and differ at steps 12, 24 and 4
        QVERIFY(near(metrics.grooveConsistency, 1.0 - 3.0 / 36.0));
    }

    void onlyTheFirst64BeatsCount()
    {
        // GIVEN a C major scale, then a chromatic run starting at beat 64
        Score score = melody({60, 62, 64, 65, 67, 69, 71});
        for (int i = 0; i < 12; ++i)
            score.tracks[0].notes.push_back({(64 + i) * quarter, quarter, 61 + i, 80});
        // WHEN measured with the default cut, and with 80 beats
        const MusicMetrics cut = musicMetrics(score);
        const MusicMetrics longer = musicMetrics(score, 80);
        // THEN the run counts only in the longer window
        QVERIFY(near(cut.scaleConsistency, 1.0));
        QVERIFY(longer.scaleConsistency < 1.0);
    }

    void drumsCountForGrooveButNotForPitch()
    {
        // GIVEN a C major scale and a drum track with a different, steady rhythm
        Score score = melody({60, 62, 64, 65, 67, 69, 71, 72});
        Track &drums = score.addTrack(u"Drums"_s, 0);
        drums.isDrum = true;
        drums.channel = 9;
        for (int beat = 0; beat < 8; ++beat)
            drums.notes.push_back({beat * quarter + quarter / 2, quarter / 2, 37, 100});
        // WHEN measured
        const MusicMetrics metrics = musicMetrics(score);
        // THEN pitch metrics ignore the drum sounds, the groove still sees steady bars
        QVERIFY(near(metrics.scaleConsistency, 1.0));
        QVERIFY(near(metrics.pitchClassEntropy, -(0.25 * std::log2(0.25)) - 6 * (0.125 * std::log2(0.125)))); // C twice
        QVERIFY(near(metrics.grooveConsistency, 1.0));
    }

    void undefinedMetricsAreNaN()
    {
        // GIVEN an empty score and a one-bar melody
        // WHEN measured
        const MusicMetrics empty = musicMetrics(Score());
        const MusicMetrics oneBar = musicMetrics(melody({60, 64, 67}));
        // THEN nothing is defined for the empty score and groove needs two bars
        QVERIFY(std::isnan(empty.pitchClassEntropy));
        QVERIFY(std::isnan(empty.scaleConsistency));
        QVERIFY(std::isnan(empty.grooveConsistency));
        QVERIFY(std::isnan(oneBar.grooveConsistency));
        QVERIFY(near(oneBar.scaleConsistency, 1.0));
    }

    void summaryGivesMeanAndConfidenceIgnoringNaN()
    {
        // GIVEN three values and a NaN
        const std::vector<double> values = {1.0, 2.0, std::nan(""), 3.0};
        // WHEN summarised
        const MetricSummary summary = summarize(values);
        // THEN the mean is 2 and the half-width 1.96 * s / sqrt(n) with s = 1
        QCOMPARE(summary.count, 3);
        QVERIFY(near(summary.mean, 2.0));
        QVERIFY(near(summary.confidence95, 1.96 / std::sqrt(3.0)));
        // AND one value has no spread, no values no mean
        QVERIFY(near(summarize(std::vector<double>{0.5}).confidence95, 0.0));
        QVERIFY(std::isnan(summarize(std::vector<double>{}).mean));
    }
};

QTEST_APPLESS_MAIN(TestAnalysisMetrics)
#include "testanalysismetrics.moc"
