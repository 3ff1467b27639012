// SPDX-License-Identifier: GPL-3.0-or-later
// testanalysisoriginality.cpp — the originality check: copies and transposed copies caught and
// named, random music passed, chords reduced to voices, corrupt index files refused.
#include "analysis/originalityindex.h"
#include "analysis/originalityindexbuilder.h"
#include "representation/corpus.h"
#include "runtutti.h"
#include "score/timemap.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <set>

using namespace tutti;
using tutti::test::Run;
using tutti::test::runTutti;
using namespace Qt::StringLiterals;

namespace {

constexpr int quarter = Score::defaultTicksPerQuarter;
constexpr Tick bar = 4 * quarter;

// Fourteen notes of a tune that no corpus holds: (pitch, length in eighths).
const std::vector<std::pair<int, int>> tune = {{62, 2}, {69, 1}, {68, 1}, {65, 3}, {61, 1}, {70, 2}, {64, 1},
                                               {66, 1}, {59, 4}, {71, 1}, {63, 1}, {67, 2}, {60, 3}, {72, 1}};

Track tuneTrack(const QString &name, Tick start, int transposition)
{
    Track track;
    track.name = name;
    track.program = 73;
    for (const auto &[pitch, eighths] : tune) {
        track.notes.push_back({start, eighths * quarter / 2, pitch + transposition, 80});
        start += eighths * quarter / 2;
    }
    return track;
}

// Notes at random pitches and onsets on a sixteenth grid, bars [0, bars).
Track randomTrack(std::mt19937 &random, int low, int bars)
{
    Track track;
    track.name = u"Random"_s;
    for (Tick tick = 0; tick < bars * bar; tick += quarter / 4 * (1 + static_cast<Tick>(random() % 4)))
        track.notes.push_back({tick, quarter / 4, low + static_cast<int>(random() % 19), 80});
    return track;
}

QString sharedMutopia()
{
    return QDir(QStringLiteral(TUTTI_SHARED_DATA)).filePath(u"mutopia"_s);
}

// The notes of one track of `source` with onsets in [from, to), moved to start at `at`.
Track pastedPassage(const Track &source, Tick from, Tick to, Tick at, int transposition)
{
    Track track;
    track.name = u"Pasted"_s;
    track.program = 68;
    for (const Note &note : source.notes) {
        if (note.start >= from && note.start < to)
            track.notes.push_back({note.start - from + at, note.length, note.pitch + transposition, 64});
    }
    return track;
}

// Distinct onsets on the twelfths-of-a-quarter grid: the passage's length in notes.
int onsetCount(const Track &track, int ticksPerQuarter)
{
    std::set<Tick> steps;
    for (const Note &note : track.notes)
        steps.insert((note.start * 24 + ticksPerQuarter) / (2 * ticksPerQuarter));
    return static_cast<int>(steps.size());
}

} // namespace

class TestAnalysisOriginality final : public QObject
{
    Q_OBJECT

private:
    // Built once from the Mutopia MIDI files (a few seconds), when the shared data is present.
    OriginalityIndex m_mutopia;
    std::vector<CorpusPiece> m_pieces;

    // A copy of `bars` bars of the source piece's first track, from bar `first`, in a new
    // 4/4 score that starts with two bars of other music; checks it and returns the report.
    struct Paste
    {
        Score score;
        Score source;
        int notes = 0;
    };

    Paste paste(std::size_t piece, int first, int bars, int transposition)
    {
        Paste result;
        const ScoreReadResult read = readCorpusPiece(m_pieces[piece]);
        result.source = read.score;
        const TimeMap map(result.source);
        const Track &track = result.source.tracks.front();
        result.score.ticksPerQuarter = result.source.ticksPerQuarter;
        std::mt19937 random(3);
        result.score.tracks.push_back(randomTrack(random, 48, 2));
        for (Note &note : result.score.tracks.back().notes) {
            note.start = note.start * result.score.ticksPerQuarter / quarter;
            note.length = note.length * result.score.ticksPerQuarter / quarter;
        }
        const Tick at = 8 * static_cast<Tick>(result.score.ticksPerQuarter);
        result.score.tracks.push_back(
            pastedPassage(track, map.barStart(first), map.barStart(first + bars), at, transposition));
        result.score.normalize();
        result.notes = onsetCount(result.score.tracks.back(), result.score.ticksPerQuarter);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDir(sharedMutopia()).exists())
            return;
        m_pieces = findCorpusPieces({sharedMutopia()});
        OriginalityIndexBuilder builder;
        const QStringList skipped = builder.addCorpus(m_pieces);
        QVERIFY(skipped.size() < 10);
        m_mutopia = std::move(builder).build();
    }

    void pastedTrainingPassageIsCaughtAndNamed()
    {
        if (m_mutopia.isEmpty())
            QSKIP("shared data absent");
        // GIVEN four bars of a training piece's first part pasted after two bars of other music
        const std::size_t piece = 40;
        const Paste copy = paste(piece, 9, 4, 0);
        QVERIFY(copy.notes >= defaultCopyThresholdNotes);
        // WHEN the score is checked against the corpus
        const OriginalityReport report = m_mutopia.check(copy.score);
        // THEN the copy is flagged, with the piece, its bars, the part and the length named
        QVERIFY(report.copies());
        const OriginalityMatch &match = *report.longest();
        QCOMPARE(match.pieceKey, m_pieces[piece].key);
        QCOMPARE(match.notes, copy.notes);
        QCOMPARE(match.track, 1);
        QCOMPARE(match.transposition, 0);
        QCOMPARE(match.firstBar, TimeMap(copy.score).barAt(copy.score.tracks[1].notes.front().start));
        QCOMPARE(match.trainingFirstBar, 9);
        QVERIFY(match.trainingLastBar >= 9 && match.trainingLastBar <= 12);
        QVERIFY(match.describe().contains(m_pieces[piece].key));
    }

    void transposedCopyIsCaught()
    {
        if (m_mutopia.isEmpty())
            QSKIP("shared data absent");
        // GIVEN the same kind of paste, a fourth lower, on another instrument and velocity
        const std::size_t piece = 40;
        const Paste copy = paste(piece, 9, 4, -5);
        // WHEN checked
        const OriginalityReport report = m_mutopia.check(copy.score);
        // THEN it is caught all the same, and the transposition is told
        QVERIFY(report.copies());
        QCOMPARE(report.longest()->pieceKey, m_pieces[piece].key);
        QCOMPARE(report.longest()->notes, copy.notes);
        QCOMPARE(report.longest()->transposition, -5);
        QVERIFY(report.longest()->describe().contains(u"5 semitones down"_s));
    }

    void randomPieceIsNotFlagged()
    {
        if (m_mutopia.isEmpty())
            QSKIP("shared data absent");
        // GIVEN eight bars of four parts of random notes
        Score score;
        std::mt19937 random(11);
        for (int low : {72, 60, 50, 36})
            score.tracks.push_back(randomTrack(random, low, 8));
        score.normalize();
        // WHEN checked
        const OriginalityReport report = m_mutopia.check(score);
        // THEN nothing reaches the threshold, though every note was looked at
        QVERIFY(!report.copies());
        QCOMPARE(report.checkedNotes, static_cast<int>(score.noteCount()));
    }

    void checkLooksOnlyAtItsSpan()
    {
        if (m_mutopia.isEmpty())
            QSKIP("shared data absent");
        // GIVEN a paste that starts in bar 3 after two bars of random notes
        const Paste copy = paste(40, 9, 4, 0);
        const TimeMap map(copy.score);
        // WHEN only bars 1-2 are checked, THEN nothing is flagged; bars 3-8 are flagged
        QVERIFY(!m_mutopia.check(copy.score, map.barStart(1), map.barStart(3)).copies());
        const OriginalityReport later = m_mutopia.check(copy.score, map.barStart(3), map.barStart(9));
        QVERIFY(later.copies());
        QCOMPARE(later.longest()->firstBar, 3);
    }

    void chordsAreReducedToTheirTopVoice()
    {
        // GIVEN an index of one piece holding the tune
        Score training;
        training.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"tests/tune"_s, training));
        const OriginalityIndex index = std::move(builder).build();
        QCOMPARE(index.noteCount(), tune.size());
        // WHEN a score plays the tune in thirds (a lower note under each), starting in bar 2
        Score score;
        score.tracks.push_back(tuneTrack(u"Organ"_s, bar, 0));
        for (Note lower : tuneTrack(u""_s, bar, -4).notes)
            score.tracks[0].notes.push_back(lower);
        score.normalize();
        const OriginalityReport report = index.check(score);
        // THEN its top voice is the tune: all fourteen notes match
        QVERIFY(report.copies());
        QCOMPARE(report.longest()->notes, static_cast<int>(tune.size()));
        QCOMPARE(report.longest()->firstBar, 2);
        QCOMPARE(report.longest()->trainingFirstBar, 1);
        QCOMPARE(report.longest()->trainingPart, u"Flute"_s);
        QCOMPARE(report.longest()->corpusPieces, 1);
    }

    void passageOfSeveralPiecesIsCountedAsCommon()
    {
        // GIVEN three pieces, two of which hold the tune (one a tone higher, in its second part)
        Score first;
        first.tracks.push_back(tuneTrack(u"Oboe"_s, 0, 0));
        Score second;
        std::mt19937 random(7);
        second.tracks.push_back(randomTrack(random, 60, 4));
        Score third;
        third.tracks.push_back(randomTrack(random, 60, 4));
        third.tracks.push_back(tuneTrack(u""_s, 2 * bar, 2));
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"tests/first"_s, first));
        QVERIFY(builder.addPiece(u"tests/second"_s, second));
        QVERIFY(builder.addPiece(u"tests/third"_s, third));
        const OriginalityIndex index = std::move(builder).build();
        QCOMPARE(index.pieceCount(), 3);
        // WHEN the tune is checked
        Score score;
        score.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
        const OriginalityReport report = index.check(score);
        // THEN the first piece is named and the match is known to occur in two pieces
        QCOMPARE(report.longest()->pieceKey, u"tests/first"_s);
        QCOMPARE(report.longest()->corpusPieces, 2);
        QVERIFY(report.longest()->describe().contains(u"2 training pieces"_s));
        QVERIFY(report.copies()); // two pieces: still a copy
        // and held by a third piece it is common stock: reported, not flagged
        OriginalityIndexBuilder three;
        QVERIFY(three.addPiece(u"tests/first"_s, first));
        QVERIFY(three.addPiece(u"tests/third"_s, third));
        Score fourth;
        fourth.tracks.push_back(tuneTrack(u"Horn"_s, bar, -5));
        QVERIFY(three.addPiece(u"tests/fourth"_s, fourth));
        const OriginalityReport common = std::move(three).build().check(score);
        QCOMPARE(common.longest()->corpusPieces, commonplacePieces);
        QVERIFY(!common.copies());
        QCOMPARE(common.copied(), nullptr);
        // and an index of the third piece alone names its unnamed part by number, at its bar
        OriginalityIndexBuilder alone;
        QVERIFY(alone.addPiece(u"tests/third"_s, third));
        const OriginalityReport fromThird = std::move(alone).build().check(score);
        QCOMPARE(fromThird.longest()->trainingPart, u"part 2"_s);
        QCOMPARE(fromThird.longest()->trainingFirstBar, 3);
        QCOMPARE(fromThird.longest()->transposition, -2);
    }

    void lowerPartMergedUnderAnotherIsCaught()
    {
        // GIVEN an index holding the tune as the lower of two parts
        Score training;
        training.tracks.push_back(tuneTrack(u"Viola"_s, 0, 0));
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"tests/tune"_s, training));
        const OriginalityIndex index = std::move(builder).build();
        // WHEN one track merges the tune with a high part holding a note per bar (as the MMT
        // representation merges two parts of one instrument)
        Score score;
        score.tracks.push_back(tuneTrack(u"Violin"_s, 0, 0));
        for (Tick start = 0; start < 4 * bar; start += bar)
            score.tracks[0].notes.push_back({start, bar, 84, 80});
        score.normalize();
        const OriginalityReport report = index.check(score);
        // THEN the bottom voice finds the whole tune
        QVERIFY(report.copies());
        QCOMPARE(report.longest()->notes, static_cast<int>(tune.size()));
    }

    void aFigureIsReportedButNotFlagged()
    {
        // GIVEN a training piece whose viola repeats one note twelve times and whose violin
        // trills on two
        Score training;
        Track &viola = training.addTrack(u"Viola"_s, 41);
        for (Tick i = 0; i < 12; ++i)
            viola.notes.push_back({i * 160, 160, 62, 80});
        Track &violin = training.addTrack(u"Violin"_s, 40);
        for (Tick i = 0; i < 12; ++i)
            violin.notes.push_back({i * 120, 120, i % 2 ? 76 : 74, 80});
        training.normalize();
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"tests/figures"_s, training));
        const OriginalityIndex index = std::move(builder).build();
        // WHEN the same figures are checked
        const OriginalityReport report = index.check(training);
        // THEN both are found and described as figures, but neither is a copy
        QCOMPARE(report.matches.size(), std::size_t(2));
        for (const OriginalityMatch &match : report.matches) {
            QCOMPARE(match.notes, 12);
            QVERIFY(match.distinctSteps < figureDistinctSteps);
            QVERIFY2(match.describe().contains(u"a figure"_s), qPrintable(match.describe()));
        }
        QVERIFY(!report.copies());
    }

    void shortRunsAreNotReportedAndThresholdApplies()
    {
        Score training;
        training.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"tests/tune"_s, training));
        const OriginalityIndex index = std::move(builder).build();
        // GIVEN the tune's first notes, one short of the shortest reported run, then seven
        for (int notes : {minimumMatchNotes - 1, 7}) {
            Score score;
            score.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
            score.tracks[0].notes.resize(static_cast<std::size_t>(notes));
            // WHEN checked
            const OriginalityReport report = index.check(score);
            // THEN the first is no match at all, the second a match below the default threshold
            QCOMPARE(report.matches.size(), std::size_t(notes >= minimumMatchNotes ? 1 : 0));
            QVERIFY(!report.copies());
            QCOMPARE(report.copies(7), notes == 7);
        }
    }

    void indexSurvivesItsFile()
    {
        if (m_mutopia.isEmpty())
            QSKIP("shared data absent");
        // GIVEN the Mutopia index saved and loaded again
        QTemporaryDir directory;
        const QString path = directory.filePath(u"corpus.index"_s);
        QCOMPARE(m_mutopia.save(path), QString());
        QString error;
        const OriginalityIndex loaded = OriginalityIndex::load(path, error);
        // THEN it holds the same and finds the same
        QCOMPARE(error, QString());
        QCOMPARE(loaded.pieceCount(), m_mutopia.pieceCount());
        QCOMPARE(loaded.lineCount(), m_mutopia.lineCount());
        QCOMPARE(loaded.noteCount(), m_mutopia.noteCount());
        QCOMPARE(loaded.toBytes(), m_mutopia.toBytes());
        const Paste copy = paste(40, 9, 4, 0);
        QCOMPARE(loaded.check(copy.score).longest()->describe(), m_mutopia.check(copy.score).longest()->describe());
        QVERIFY(QFileInfo(path).size() < 3 * static_cast<qint64>(m_mutopia.noteCount()));
    }

    void corruptIndexGivesClearError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        Score training;
        training.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
        training.timeSignatures = {{0, 3, 4}};
        OriginalityIndexBuilder builder;
        builder.addPiece(u"tests/tune"_s, training);
        const QByteArray good = std::move(builder).build().toBytes();
        const qsizetype header = 8 + 5 * 4;

        QTest::newRow("empty") << QByteArray() << u"not a Tutti corpus index"_s;
        QTest::newRow("other file") << "MThd\0\0\0\6"_ba + good.mid(8) << u"not a Tutti corpus index"_s;
        QByteArray newer = good;
        newer[8] = 2;
        QTest::newRow("newer version") << newer << u"newer Tutti"_s;
        QTest::newRow("cut in the header") << good.left(header - 2) << u"ends early"_s;
        QTest::newRow("cut in the notes") << good.left(good.size() - 3) << u"byte"_s;
        QTest::newRow("bytes after the end") << good + "xyz"_ba << u"3 bytes after the last piece"_s;
        QByteArray manyPieces = good;
        manyPieces[header - 12 + 3] = 0x7F; // piece count 2^31-ish
        QTest::newRow("piece count too large") << manyPieces << u"cannot fit"_s;
        QByteArray manyNotes = good;
        manyNotes[header - 4] = static_cast<char>(tune.size() + 1);
        QTest::newRow("note total wrong") << manyNotes << u"notes where the header says"_s;
        QByteArray badPitch = good;
        badPitch[good.size() - 2 * static_cast<qsizetype>(tune.size())] = static_cast<char>(0xC8); // first pitch 200
        QTest::newRow("pitch out of range") << badPitch << u"pitch 200"_s;
    }

    void corruptIndexGivesClearError()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        // WHEN damaged bytes are read
        QString error;
        const OriginalityIndex index = OriginalityIndex::fromBytes(bytes, error);
        // THEN they are refused with a message naming the problem, and nothing is matched
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(index.isEmpty());
        QCOMPARE(index.noteCount(), std::size_t(0));
    }

    void corruptIndexFileNamesItsPath()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(u"broken.index"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("TUTTIOIX\1\0\0\0"_ba);
        file.close();
        QString error;
        QVERIFY(OriginalityIndex::load(path, error).isEmpty());
        QVERIFY2(error.startsWith(path) && error.contains(u"ends early"_s), qPrintable(error));
        QVERIFY(OriginalityIndex::load(directory.filePath(u"missing.index"_s), error).isEmpty());
        QVERIFY2(error.contains(u"cannot open"_s), qPrintable(error));
    }

    // Three runs of the program only: each one starts LibTorch, seconds on a busy machine.
    void commandLineFlagsCopiesAndExplainsErrors()
    {
        if (m_mutopia.isEmpty())
            QSKIP("shared data absent");
        // GIVEN an index of the Mutopia corpus built by `tutti index`
        QTemporaryDir directory;
        const QString index = directory.filePath(u"mutopia.index"_s);
        const Run built = runTutti({u"index"_s, u"--data"_s, sharedMutopia(), u"--out"_s, index});
        QCOMPARE(built.exitCode, 0);
        QVERIFY2(built.out.contains(u"%1 pieces"_s.arg(m_mutopia.pieceCount())), qPrintable(built.out));
        // WHEN bars of a training file are checked, THEN the copy is flagged, naming the piece, and the exit code is 0
        const QString training = m_pieces[40].files.constFirst();
        const Run flagged = runTutti({u"originality"_s, training, u"--index"_s, index, u"--bars"_s, u"9-12"_s});
        QCOMPARE(flagged.exitCode, 0);
        QVERIFY2(flagged.out.contains(u"COPY:"_s) && flagged.out.contains(m_pieces[40].key), qPrintable(flagged.out));
        // WHEN the index is damaged, THEN exit code 1 and a message naming the file
        QFile file(index);
        QVERIFY(file.resize(file.size() / 2));
        const Run damaged = runTutti({u"originality"_s, training, u"--index"_s, index});
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.err.contains(index) && damaged.err.contains(u"byte"_s), qPrintable(damaged.err));
    }

    void randomDamageNeverCrashes()
    {
        Score training;
        training.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
        OriginalityIndexBuilder builder;
        builder.addPiece(u"tests/tune"_s, training);
        const QByteArray good = std::move(builder).build().toBytes();
        std::mt19937 random(5);
        Score query;
        query.tracks.push_back(tuneTrack(u"Flute"_s, 0, 0));
        // GIVEN a thousand copies of a good index, each with a few bytes changed
        for (int round = 0; round < 1000; ++round) {
            QByteArray bytes = good;
            for (int flips = 1 + static_cast<int>(random() % 3); flips > 0; --flips)
                bytes[static_cast<qsizetype>(random() % static_cast<unsigned>(bytes.size()))] =
                    static_cast<char>(random());
            // WHEN read, THEN each is refused with a message, or read and usable
            QString error;
            const OriginalityIndex index = OriginalityIndex::fromBytes(bytes, error);
            QVERIFY(error.isEmpty() || index.isEmpty());
            QVERIFY(index.check(query).matches.size() <= 1);
        }
    }
};

QTEST_APPLESS_MAIN(TestAnalysisOriginality)
#include "testanalysisoriginality.moc"
// end of testanalysisoriginality.cpp
