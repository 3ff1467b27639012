// SPDX-License-Identifier: GPL-3.0-or-later
// testscoretimemap.cpp — Score housekeeping and exact tick/second/bar conversions.
#include "score/score.h"
#include "score/timemap.h"

#include <QTest>

using namespace tutti;

class TestScoreTimeMap final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyScoreUsesMidiDefaults()
    {
        // GIVEN a score with no maps
        const Score score;
        const TimeMap map(score);
        // THEN it runs at 120 BPM in 4/4
        QCOMPARE(map.seconds(480), 0.5);
        QCOMPARE(map.bpmAt(0), 120.0);
        QCOMPARE(map.ticksPerBar(0), Tick(1920));
        QCOMPARE(map.barBeatTick(1920 + 480 + 7), (BarBeatTick{2, 2, 7}));
    }

    void secondsFollowTempoChanges()
    {
        // GIVEN 120 BPM, then 60 BPM from beat 3, then 240 BPM from beat 5
        Score score;
        score.tempos = {{0, 500000}, {960, 1000000}, {1920, 250000}};
        const TimeMap map(score);
        // THEN each segment adds its own time
        QCOMPARE(map.seconds(960), 1.0);
        QCOMPARE(map.seconds(1440), 2.0);
        QCOMPARE(map.seconds(1920), 3.0);
        QCOMPARE(map.seconds(2400), 3.25);
        QCOMPARE(map.tickAtSeconds(2.0), Tick(1440));
        QCOMPARE(map.tickAtSeconds(3.25), Tick(2400));
        QCOMPARE(map.bpmAt(1919), 60.0);
        // AND every tick survives the trip through seconds
        for (Tick tick = 0; tick < 4000; tick += 7)
            QCOMPARE(map.tickAtSeconds(map.seconds(tick)), tick);
    }

    void barsFollowMetreChanges()
    {
        // GIVEN 4/4 for two bars, 3/4 for two bars, then 6/8
        Score score;
        score.timeSignatures = {{0, 4, 4}, {3840, 3, 4}, {6720, 6, 8}};
        const TimeMap map(score);
        // THEN bars and beats count in each metre's own unit
        QCOMPARE(map.barStart(3), Tick(3840));
        QCOMPARE(map.barStart(5), Tick(6720));
        QCOMPARE(map.barStart(6), Tick(6720 + 1440));
        QCOMPARE(map.barBeatTick(6720 + 250), (BarBeatTick{5, 2, 10}));
        QCOMPARE(map.barBeatTick(3840 + 1440 + 479), (BarBeatTick{4, 1, 479}));
        QCOMPARE(map.ticksPerBeat(6720), Tick(240));
        QCOMPARE(map.barBeatTick(6720).toString(), QStringLiteral("5:1:0"));
        // AND bar:beat:tick converts back exactly
        for (Tick tick = 0; tick < 12000; tick += 13)
            QCOMPARE(map.tick(map.barBeatTick(tick)), tick);
        QCOMPARE(map.barCount(6720), 4);
        QCOMPARE(map.barCount(6721), 5);
        QCOMPARE(map.barCount(0), 0);
    }

    void metreChangeInsideABarStartsANewBar()
    {
        // GIVEN a 3/4 change 80 ticks into bar 2 of a 4/4 piece
        Score score;
        score.timeSignatures = {{0, 4, 4}, {2000, 3, 4}};
        const TimeMap map(score);
        // THEN bar 2 is cut short and bar 3 starts at the change
        QCOMPARE(map.barAt(1999), 2);
        QCOMPARE(map.barAt(2000), 3);
        QCOMPARE(map.barStart(3), Tick(2000));
        QCOMPARE(map.barStart(4), Tick(3440));
    }

    void normalizeSortsAndCleansMaps()
    {
        // GIVEN unsorted notes with a duplicate, and maps that start late and repeat
        Score score;
        Track &track = score.addTrack(QStringLiteral("Flute"), 73);
        track.notes = {{480, 240, 72, 90}, {0, 480, 60, 80}, {480, 240, 72, 90}};
        score.tempos = {{960, 400000}, {1920, 400000}};
        score.timeSignatures = {{0, 3, 4}, {0, 2, 4}, {480, 2, 4}};
        // WHEN normalized
        score.normalize();
        // THEN notes are sorted and unique, and each map starts at 0 without repeats
        QCOMPARE(track.notes.size(), std::size_t(2));
        QCOMPARE(track.notes.front().pitch, 60);
        QCOMPARE(score.tempos, (std::vector<TempoChange>{{0, 500000}, {960, 400000}}));
        QCOMPARE(score.timeSignatures, (std::vector<TimeSignatureChange>{{0, 2, 4}}));
        QCOMPARE(score.endTick(), Tick(720));
        QCOMPARE(score.noteCount(), std::size_t(2));
    }

    void resolutionChangeKeepsTiming()
    {
        // GIVEN a score at 480 ticks per quarter
        Score score;
        score.addTrack(QStringLiteral("Cello"), 42).notes = {{480, 240, 48, 70}, {720, 1, 50, 70}};
        score.tempos = {{0, 500000}, {960, 600000}};
        // WHEN rescaled to 96
        score.setTicksPerQuarter(96);
        // THEN times scale, and a one-tick note keeps a length of at least one tick
        QCOMPARE(score.tracks[0].notes[0], (Note{96, 48, 48, 70}));
        QCOMPARE(score.tracks[0].notes[1].length, Tick(1));
        QCOMPARE(score.tempos[1].tick, Tick(192));
        QCOMPARE(TimeMap(score).seconds(96), 0.5);
    }

    void tracksAvoidTheDrumChannel()
    {
        Score score;
        for (int i = 0; i < 12; ++i)
            score.addTrack(QString::number(i), 0);
        for (const Track &track : score.tracks)
            QVERIFY(track.channel != 9);
        QVERIFY(score.tracks[0].colour != score.tracks[1].colour);
    }
};

QTEST_APPLESS_MAIN(TestScoreTimeMap)
#include "testscoretimemap.moc"
