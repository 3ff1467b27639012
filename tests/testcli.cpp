// SPDX-License-Identifier: GPL-3.0-or-later
// testcli.cpp — the `tutti` command line as a user runs it: exit codes, messages, files.
#include "io/scorefile.h"
#include "io/tuttifile.h"
#include "runtutti.h"
#include "tinymodel.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;
using tutti::test::Run;
using tutti::test::runTutti;

namespace {

Score twoBarDuet()
{
    Score score;
    score.title = u"Duet"_s;
    score.tempos = {{0, 500000}, {1920, 1000000}};
    score.timeSignatures = {{0, 4, 4}, {1920, 3, 4}};
    Track &flute = score.addTrack(u"Flute"_s, 73);
    flute.notes = {{0, 480, 72, 90}, {480, 480, 74, 90}, {1920, 1440, 76, 90}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.notes = {{0, 1920, 36, 80}};
    score.normalize();
    return score;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noArgumentsListsCommands()
    {
        const Run run = runTutti({u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"info"_s));
        QVERIFY(run.out.contains(u"convert"_s));
    }

    void unknownCommandIsUsageError()
    {
        const Run run = runTutti({u"frobnicate"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"unknown command 'frobnicate'"_s));
    }

    void everyCommandHasHelp()
    {
        for (const QString &command : {u"info"_s, u"convert"_s, u"render"_s, u"train"_s, u"generate"_s, u"metrics"_s,
                                       u"originality"_s, u"index"_s, u"bench"_s}) {
            const Run run = runTutti({command, u"--help"_s});
            QCOMPARE(run.exitCode, 0);
            // the usage line names the command as a user types it
            QVERIFY2(run.out.startsWith(u"Usage: tutti "_s + command + u' '), qPrintable(run.out));
        }
    }

    void infoDescribesAScore()
    {
        // GIVEN a two-bar duet with a tempo and metre change in bar 2
        QTemporaryDir dir;
        const QString path = dir.filePath(u"duet.tutti"_s);
        QCOMPARE(writeTuttiFile(twoBarDuet(), path), QString());
        // WHEN described
        const Run run = runTutti({u"info"_s, path});
        // THEN the tracks, counts, bars, duration and maps are listed
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Tracks:     2"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"Flute"_s));
        QVERIFY(run.out.contains(u"Cello"_s));
        QVERIFY(run.out.contains(u"Notes:      4"_s));
        QVERIFY(run.out.contains(u"Bars:       2"_s));
        QVERIFY(run.out.contains(u"(5.000 s)"_s)); // 2 s of 4/4 at 120, then 3 s of 3/4 at 60
        QVERIFY(run.out.contains(u"60.0 BPM at 2:1:0"_s));
        QVERIFY(run.out.contains(u"3/4 at bar 2"_s));
    }

    void infoExplainsFailures()
    {
        QTemporaryDir dir;
        const QString garbage = dir.filePath(u"garbage.mid"_s);
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a MIDI file at all");
        file.close();
        for (const QString &path : {garbage, dir.filePath(u"missing.mid"_s), dir.filePath(u"notes.txt"_s)}) {
            const Run run = runTutti({u"info"_s, path});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.startsWith(u"tutti info: "_s) && run.err.contains(path.section(u'/', -1)),
                     qPrintable(run.err));
        }
    }

    void infoWithoutAFileNamesTheModelIndexAndSoundFont()
    {
        // WHEN tutti info runs without a file THEN it says which model, index and SoundFont it
        // uses: those of the source tree here (the package test checks an installed copy)
        const Run run = runTutti({u"info"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Model:      "_s) && run.out.contains(u"tutti-mmt2.safetensors ("_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Index:      "_s) && run.out.contains(u"tutti-corpus.index ("_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"SoundFont:  /"_s), qPrintable(run.out));
    }

    void convertRoundTripsThroughMidi()
    {
        // GIVEN a project
        QTemporaryDir dir;
        const QString project = dir.filePath(u"duet.tutti"_s);
        QCOMPARE(writeTuttiFile(twoBarDuet(), project), QString());
        // WHEN converted to MIDI and back
        QCOMPARE(runTutti({u"convert"_s, project, dir.filePath(u"duet.mid"_s)}).exitCode, 0);
        const Run back = runTutti({u"convert"_s, dir.filePath(u"duet.mid"_s), dir.filePath(u"back.tutti"_s)});
        QCOMPARE(back.exitCode, 0);
        QVERIFY(back.out.contains(u"2 tracks, 4 notes"_s));
        // THEN notes, programs and maps survive
        const ScoreReadResult result = readScoreFile(dir.filePath(u"back.tutti"_s));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Score expected = twoBarDuet();
        QCOMPARE(result.score.tempos, expected.tempos);
        QCOMPARE(result.score.timeSignatures, expected.timeSignatures);
        QCOMPARE(result.score.tracks.size(), expected.tracks.size());
        for (std::size_t i = 0; i < expected.tracks.size(); ++i) {
            QCOMPARE(result.score.tracks[i].program, expected.tracks[i].program);
            QCOMPARE(result.score.tracks[i].notes, expected.tracks[i].notes);
        }
        // AND an unknown output type is refused with a reason
        const Run refused = runTutti({u"convert"_s, project, dir.filePath(u"x.wav"_s)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(u"unknown file type"_s));
    }

    void convertWritesMusicXmlAndChoosesRepeats()
    {
        // GIVEN a project, and a MusicXML score with repeats and voltas
        QTemporaryDir dir;
        const QString project = dir.filePath(u"duet.tutti"_s);
        QCOMPARE(writeTuttiFile(twoBarDuet(), project), QString());
        const QString voltas = QStringLiteral(TUTTI_TEST_DATA) + u"/musicxml/voltas.musicxml"_s;
        // WHEN the project is converted to .musicxml and .mxl
        for (const QString &name : {u"duet.musicxml"_s, u"duet.mxl"_s}) {
            const Run run = runTutti({u"convert"_s, project, dir.filePath(name)});
            QCOMPARE(run.exitCode, 0);
            // THEN the importer reads back the same notes
            ScoreReadResult back = readScoreFile(dir.filePath(name));
            QVERIFY2(back.ok(), qPrintable(back.error));
            back.score.setTicksPerQuarter(twoBarDuet().ticksPerQuarter);
            for (std::size_t i = 0; i < twoBarDuet().tracks.size(); ++i)
                QCOMPARE(back.score.tracks[i].notes, twoBarDuet().tracks[i].notes);
        }
        // AND info says how repeats were read: played out by default, as written on request
        const Run played = runTutti({u"info"_s, voltas});
        QCOMPARE(played.exitCode, 0);
        QVERIFY2(played.out.contains(u"Playback:   repeats played out (2 repeat bar lines, 2 volta endings)"_s),
                 qPrintable(played.out));
        QVERIFY(played.out.contains(u"Notes:      13"_s));
        const Run written = runTutti({u"info"_s, u"--no-play-repeats"_s, voltas});
        QVERIFY(written.out.contains(u"Playback:   repeats as written"_s));
        QVERIFY(written.out.contains(u"Notes:      8"_s));
        const Run both = runTutti({u"info"_s, u"--play-repeats"_s, u"--no-play-repeats"_s, voltas});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains(u"contradict"_s));
        // AND every command that reads scores takes the options
        for (const QString &command : {u"convert"_s, u"render"_s, u"generate"_s, u"metrics"_s, u"originality"_s,
                                       u"attention"_s}) {
            const Run help = runTutti({command, u"--help"_s});
            QVERIFY2(help.out.contains(u"--play-repeats"_s) && help.out.contains(u"--play-tremolos"_s),
                     qPrintable(command));
        }
    }

    void generateWritesCandidatesReproducibly()
    {
        // GIVEN the duet as a project and a tiny model that writes on (tinymodel.h)
        QTemporaryDir dir;
        const QString project = dir.filePath(u"duet.tutti"_s);
        QCOMPARE(writeTuttiFile(twoBarDuet(), project), QString());
        const QString model = test::saveWritingModel(dir.filePath(u"writing.safetensors"_s), {.layers = 1}, 7, 1.0);
        QVERIFY(!model.isEmpty());
        const QStringList request = {u"generate"_s, u"--mode"_s, u"continue"_s, u"--input"_s, project,
                                     u"--bars"_s, u"1-2"_s, u"--length"_s, u"2"_s, u"--candidates"_s, u"2"_s,
                                     u"--seed"_s, u"42"_s, u"--key"_s, u"C major"_s, u"--model"_s, model,
                                     u"--grid"_s, u"1/8"_s, u"--polyphony"_s, u"1"_s};
        // WHEN two candidates are asked for, twice with the same seed
        const Run first = runTutti(request + QStringList{u"--out"_s, dir.filePath(u"a.mid"_s)});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const Run second = runTutti(request + QStringList{u"--out"_s, dir.filePath(u"b.mid"_s)});
        QCOMPARE(second.exitCode, 0);
        // THEN a-1.mid and a-2.mid hold the duet plus new notes, and the same seed gives the same notes
        QVERIFY(first.out.contains(u"seed 42"_s) && first.out.contains(u"seed 43"_s));
        // AND each candidate says per part what the controls asked for and what it got
        QVERIFY2(first.out.contains(u"% on the grid (asked 1/8)"_s) && first.out.contains(u" (asked 1),"_s)
                     && !first.out.contains(u"polyphony 2"_s),
                 qPrintable(first.out));
        for (const QString &name : {u"a-1.mid"_s, u"a-2.mid"_s}) {
            const ScoreReadResult result = readScoreFile(dir.filePath(name));
            QVERIFY2(result.ok(), qPrintable(result.error));
            QVERIFY(result.score.noteCount() >= twoBarDuet().noteCount());
        }
        QCOMPARE(readScoreFile(dir.filePath(u"a-1.mid"_s)).score, readScoreFile(dir.filePath(u"b-1.mid"_s)).score);
        // AND the score may be named without --input, as other commands take it; two are refused
        QStringList positional = request;
        positional.removeAt(positional.indexOf(u"--input"_s));
        const Run third = runTutti(positional + QStringList{u"--out"_s, dir.filePath(u"c.mid"_s)});
        QVERIFY2(third.exitCode == 0, qPrintable(third.err));
        QCOMPARE(readScoreFile(dir.filePath(u"c-1.mid"_s)).score, readScoreFile(dir.filePath(u"a-1.mid"_s)).score);
        const Run twoScores = runTutti(request + QStringList{project, u"--out"_s, dir.filePath(u"d.mid"_s)});
        QCOMPARE(twoScores.exitCode, 2);
        QVERIFY2(twoScores.err.contains(u"one score at a time"_s), qPrintable(twoScores.err));
        // AND bad requests get a reason and a usage exit code, a missing model exit code 1
        const Run badKey = runTutti({u"generate"_s, u"--key"_s, u"H major"_s, u"--out"_s, dir.filePath(u"x.mid"_s)});
        QCOMPARE(badKey.exitCode, 2);
        QVERIFY(badKey.err.contains(u"not a scale"_s));
        const Run noModel = runTutti({u"generate"_s, u"--model"_s, dir.filePath(u"none.safetensors"_s), u"--out"_s,
                                      dir.filePath(u"x.mid"_s)});
        QCOMPARE(noModel.exitCode, 1);
        QVERIFY(!noModel.err.isEmpty());
    }

    void instrumentsAloneImplyTheInstrumentsMode()
    {
        // GIVEN a tiny model that writes on (tinymodel.h)
        QTemporaryDir dir;
        const QString model = test::saveWritingModel(dir.filePath(u"writing.safetensors"_s), {.layers = 1}, 7, 1.0);
        QVERIFY(!model.isEmpty());
        // WHEN a piece for flute and cello is asked for without --mode
        const Run run = runTutti({u"generate"_s, u"--instruments"_s, u"flute,cello"_s, u"--length"_s, u"2"_s,
                                  u"--seed"_s, u"5"_s, u"--model"_s, model, u"--out"_s, dir.filePath(u"fc.mid"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // THEN it is the instruments mode: every track of the piece is a flute or a cello
        const ScoreReadResult result = readScoreFile(dir.filePath(u"fc.mid"_s));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.score.noteCount() > 0);
        for (const Track &track : result.score.tracks) {
            if (!track.notes.empty())
                QVERIFY2(track.program == 73 || track.program == 42, qPrintable(track.name));
        }
        // AND with another mode named, --instruments is refused with a reason, not ignored
        const Run clash = runTutti({u"generate"_s, u"--mode"_s, u"new"_s, u"--instruments"_s, u"flute"_s,
                                    u"--model"_s, model, u"--out"_s, dir.filePath(u"x.mid"_s)});
        QCOMPARE(clash.exitCode, 2);
        QVERIFY(clash.err.contains(u"--instruments is for --mode instruments"_s));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"x.mid"_s)));
    }

    void generateRefusesControlsItCannotMeet()
    {
        // GIVEN the duet as a project
        QTemporaryDir dir;
        const QString project = dir.filePath(u"duet.tutti"_s);
        QCOMPARE(writeTuttiFile(twoBarDuet(), project), QString());
        const QStringList continuation = {u"generate"_s, u"--input"_s, project, u"--bars"_s, u"1-2"_s,
                                          u"--out"_s, dir.filePath(u"x.mid"_s)};
        // WHEN a range no part can play is asked for THEN a sentence says why, with the usage exit code
        const Run range = runTutti(continuation + QStringList{u"--range"_s, u"C8-G8"_s});
        QCOMPARE(range.exitCode, 2);
        QVERIFY2(range.err.contains(u"C8-G8 lies outside the"_s) && range.err.contains(u"'s range"_s), qPrintable(range.err));
        // AND so are a grid, a density and a range that do not read
        const Run grid = runTutti(continuation + QStringList{u"--grid"_s, u"1/5"_s});
        QCOMPARE(grid.exitCode, 2);
        QVERIFY(grid.err.contains(u"not a rhythm grid"_s));
        const Run density = runTutti(continuation + QStringList{u"--density"_s, u"lots"_s});
        QCOMPARE(density.exitCode, 2);
        QVERIFY(density.err.contains(u"not a density"_s));
        const Run crowded = runTutti(continuation + QStringList{u"--density"_s, u"9"_s, u"--polyphony"_s, u"1"_s,
                                                                u"--grid"_s, u"1/4"_s});
        QCOMPARE(crowded.exitCode, 2);
        QVERIFY2(crowded.err.contains(u"do not fit"_s), qPrintable(crowded.err));
        const Run rhythm = runTutti(continuation + QStringList{u"--keep-rhythm"_s});
        QCOMPARE(rhythm.exitCode, 2);
        QVERIFY(rhythm.err.contains(u"infill"_s));
    }

    void metricsOfTheValidationPieces()
    {
        const QString quartets = QStringLiteral(TUTTI_SHARED_DATA "/openscore-quartets");
        if (!QFileInfo::exists(quartets))
            QSKIP("../shared/data is not here");
        // WHEN the metrics of the quartets' held-out pieces are asked for
        const Run run = runTutti({u"metrics"_s, u"--validation"_s, quartets});
        // THEN each piece gets a row and the summary counts them (the split is a fixed hash)
        QCOMPARE(run.exitCode, 0);
        const int rows = static_cast<int>(run.out.count(u"openscore-quartets/"_s));
        QVERIFY(rows > 0);
        QVERIFY2(run.out.contains(u"(%1 scores)"_s.arg(rows)), qPrintable(run.out));
    }

    // Every file in the shared corpora is described, or refused with a reason; none crashes.
    // One process per folder: each start of `tutti` loads LibTorch (most of a second).
    void infoOnEverySharedFile()
    {
        const QString root = QStringLiteral(TUTTI_SHARED_DATA);
        if (!QFileInfo::exists(root))
            QSKIP("../shared/data is not present");
        QStringList scores;
        QStringList others;
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            (scoreFormatForPath(path) == ScoreFormat::Unknown ? others : scores) << path;
        }
        constexpr qsizetype filesPerRun = 120;
        for (qsizetype first = 0; first < scores.size(); first += filesPerRun) {
            const QStringList files = scores.mid(first, filesPerRun);
            const Run run = runTutti(QStringList{u"info"_s} + files);
            QVERIFY2(!run.crashed, qPrintable(files.first()));
            QVERIFY2(run.exitCode == 0, qPrintable(run.err.left(2000)));
            QCOMPARE(run.out.count(u"Format:     "_s), files.size());
        }
        const int described = static_cast<int>(scores.size());
        // The corpora's README, licence and manifest are refused with a reason, not a crash.
        const Run refused = runTutti(QStringList{u"info"_s} + others);
        QVERIFY(!refused.crashed);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.count(u"unknown file type"_s), others.size());
        qInfo("tutti info: %d scores described, %d other files refused with a reason", described,
              static_cast<int>(others.size()));
        QVERIFY(described >= 440);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "testcli.moc"
