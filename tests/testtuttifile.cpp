// SPDX-License-Identifier: GPL-3.0-or-later
// testtuttifile.cpp — the .tutti project format: round trip, atomic save, bad input.
#include "io/scorefile.h"
#include "io/tuttifile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

Score richScore()
{
    Score score;
    score.title = u"Quartet in Ré ♭"_s;
    score.ticksPerQuarter = 960;
    score.tempos = {{0, 500000}, {3840, 631579}};
    score.timeSignatures = {{0, 3, 4}, {2880, 6, 8}};
    score.keySignatures = {{0, -5, false}, {5760, 2, true}};
    Track &violin = score.addTrack(u"Violino I"_s, 40);
    violin.notes = {{0, 960, 67, 90}, {960, 480, 69, 64}, {1440, 1, 127, 1}};
    violin.pan = 30;
    violin.volume = 110;
    violin.muted = true;
    Track &drums = score.addTrack(u"Kit"_s, 0);
    drums.isDrum = true;
    drums.channel = 9;
    drums.soloed = true;
    drums.colour = 0x123456;
    drums.notes = {{0, 120, 36, 127}};
    score.normalize();
    return score;
}

} // namespace

class TestTuttiFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEverything()
    {
        // GIVEN a score using every field
        const Score score = richScore();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"piece.tutti"_s);
        // WHEN saved and opened again
        QCOMPARE(writeScoreFile(score, path), QString());
        const ScoreReadResult result = readScoreFile(path);
        // THEN it is identical
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score, score);
    }

    void saveReplacesTheFileOnlyWhenComplete()
    {
        // GIVEN a saved project
        QTemporaryDir dir;
        const QString path = dir.filePath(u"piece.tutti"_s);
        QCOMPARE(writeTuttiFile(richScore(), path), QString());
        const QByteArray before = [&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        // WHEN a save cannot complete (the folder became read-only, so no temporary file)
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        Score changed = richScore();
        changed.title = u"changed"_s;
        const QString error = writeTuttiFile(changed, path);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (error.isEmpty())
            QSKIP("running as a user who can write into read-only folders (root)");
        // THEN the previous file is untouched and the error names the file
        QVERIFY(error.contains(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void badInputGivesClearErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << "{\"format\": "_ba << u"piece.tutti: byte 11: not valid JSON"_s;
        QTest::newRow("array") << "[1, 2]"_ba << u"not a Tutti project"_s;
        QTest::newRow("other format") << "{\"format\": \"x\"}"_ba << u"not a Tutti project"_s;
        QTest::newRow("newer") << "{\"format\": \"tutti\", \"version\": 9}"_ba << u"written by a newer Tutti"_s;
        QTest::newRow("bad resolution")
            << "{\"format\": \"tutti\", \"version\": 1, \"ticksPerQuarter\": 0}"_ba << u"\"ticksPerQuarter\""_s;
        QTest::newRow("bad pitch")
            << "{\"format\": \"tutti\", \"version\": 1, \"ticksPerQuarter\": 480, \"tracks\": [{\"program\": 0, "
               "\"channel\": 0, \"volume\": 1, \"pan\": 1, \"notes\": [[0, 10, 128, 80]]}]}"_ba
            << u"tracks[0].notes[0]: expected"_s;
        QTest::newRow("negative tick")
            << "{\"format\": \"tutti\", \"version\": 1, \"ticksPerQuarter\": 480, \"tempos\": [{\"tick\": -1, "
               "\"microsecondsPerQuarter\": 5}]}"_ba
            << u"tempos: \"tick\""_s;
        QTest::newRow("denominator")
            << "{\"format\": \"tutti\", \"version\": 1, \"ticksPerQuarter\": 480, \"timeSignatures\": [{\"tick\": 0, "
               "\"numerator\": 3, \"denominator\": 3}]}"_ba
            << u"not a power of two"_s;
    }

    void badInputGivesClearErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const ScoreReadResult result = readTuttiJson(json, u"piece.tutti"_s);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QVERIFY(result.error.startsWith(u"piece.tutti: "_s));
    }

    void unknownTypesAreRefused()
    {
        QCOMPARE(scoreFormatForPath(u"a/b.MID"_s), ScoreFormat::Midi);
        QCOMPARE(scoreFormatForPath(u"b.mxl"_s), ScoreFormat::MusicXml);
        QVERIFY(readScoreFile(u"/nonexistent/x.mid"_s).error.contains(u"no such file"_s));
        QTemporaryDir dir;
        QVERIFY(readScoreFile(dir.path()).error.contains(u"folder"_s));
        QVERIFY(writeScoreFile(Score{}, dir.filePath(u"x.musicxml"_s)).contains(u"no tracks"_s));
        QVERIFY(writeScoreFile(Score{}, dir.filePath(u"x.wav"_s)).contains(u"unknown file type"_s));
    }
};

QTEST_APPLESS_MAIN(TestTuttiFile)
#include "testtuttifile.moc"
