// SPDX-License-Identifier: GPL-3.0-or-later
// testrepresentationcorpus.cpp — the training corpus: pieces, split, manifest, encoding.
#include "io/scorefile.h"
#include "representation/corpus.h"
#include "representation/encoder.h"
#include "representation/instruments.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

QString sharedData(const QString &relative)
{
    return QDir(QStringLiteral(TUTTI_SHARED_DATA)).filePath(relative);
}

} // namespace

class TestRepresentationCorpus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instrumentationNamesAFamily()
    {
        QCOMPARE(programForInstrumentation(u"Voice (SATB)"_s), 52);
        QCOMPARE(programForInstrumentation(u"Choir (TTBB)"_s), 52);
        QCOMPARE(programForInstrumentation(u"Male choir TTBB"_s), 52);
        QCOMPARE(programForInstrumentation(u"String Ensemble"_s), 48);
        QCOMPARE(programForInstrumentation(u"Trombone Quartet"_s), 57);
        QCOMPARE(programForInstrumentation(u"Recorder trio"_s), 74);
        // a keyboard in the ensemble: program 0 may be a real piano, so nothing changes
        QCOMPARE(programForInstrumentation(u"Voice (SATB) and Piano"_s), -1);
        QCOMPARE(programForInstrumentation(QString()), -1);

        // GIVEN a choral score read from MIDI with no program change
        Score score;
        score.addTrack(u"upper"_s, 0);
        score.addTrack(u"lower"_s, 0);
        score.addTrack(u"Oboe"_s, 68);
        score.tracks[0].notes = {{0, 480, 72, 80}};
        score.tracks[1].notes = {{0, 480, 48, 80}};
        score.tracks[2].notes = {{0, 480, 76, 80}};
        // WHEN the manifest's instrumentation is applied
        applyInstrumentation(score, u"Voice (SATB)"_s);
        // THEN the program-less tracks sing and the oboe stays an oboe
        QCOMPARE(score.tracks[0].program, 52);
        QCOMPARE(score.tracks[1].program, 52);
        QCOMPARE(score.tracks[2].program, 68);
    }

    void splitIsDeterministicAndSmall()
    {
        int held = 0;
        for (int i = 0; i < 2000; ++i)
            held += isValidationKey(u"corpus/piece%1"_s.arg(i)) ? 1 : 0;
        QVERIFY(held > 60 && held < 140); // about 5 %
        QCOMPARE(isValidationKey(u"mutopia/midi/x"_s), isValidationKey(u"mutopia/midi/x"_s));
    }

    void quartetCopiesAreOnePiece()
    {
        const QString quartets = sharedData(u"openscore-quartets"_s);
        if (!QDir(quartets).exists())
            QSKIP("shared data absent");
        // WHEN the quartets are gathered
        const std::vector<CorpusPiece> pieces = findCorpusPieces({quartets});
        // THEN each work is one piece, MusicXML first, then its MIDI export
        QCOMPARE(pieces.size(), std::size_t(110));
        for (const CorpusPiece &piece : pieces) {
            QCOMPARE(piece.files.size(), 2);
            QVERIFY(piece.files[0].endsWith(u".mxl"_s));
            QVERIFY(piece.files[1].endsWith(u".mid"_s));
            QVERIFY(piece.key.startsWith(u"openscore-quartets/"_s));
        }
    }

    void choralMidiTakesItsInstrumentFromTheManifest()
    {
        const QString mutopia = sharedData(u"mutopia"_s);
        if (!QDir(mutopia).exists())
            QSKIP("shared data absent");
        // GIVEN a Mutopia hymn whose MIDI has two staves and no program change
        std::vector<CorpusPiece> pieces = findCorpusPieces({mutopia});
        const auto hymn = std::find_if(pieces.begin(), pieces.end(),
                                       [](const CorpusPiece &p) { return p.key == u"mutopia/BlissPP_villeduh"_s; });
        QVERIFY(hymn != pieces.end());
        QCOMPARE(hymn->instrumentation, u"Voice (SATB)"_s);
        // WHEN it is read as a corpus piece and encoded
        const ScoreReadResult read = readCorpusPiece(*hymn);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const std::vector<Event> events = encode(read.score);
        // THEN its only instrument is voices
        QCOMPARE(events[1], Event::instrumentEvent(instrumentForProgram(52)));
        QCOMPARE(instrumentName(events[1].instrument), u"voices"_s);
        QCOMPARE(events[2].eventType(), EventType::StartOfNotes);
    }

    void everySharedFileEncodes()
    {
        const QString root = sharedData(QString());
        if (!QDir(sharedData(u"mutopia"_s)).exists())
            QSKIP("shared data absent");
        // GIVEN every MIDI and MusicXML file of the corpora
        int files = 0;
        QDirIterator it(root, {u"*.mid"_s, u"*.mxl"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // WHEN each is read and encoded
            const ScoreReadResult read = readScoreFile(path);
            QVERIFY2(read.ok(), qPrintable(read.error));
            const std::vector<Event> events = encode(read.score);
            // THEN the sequence is well formed and holds notes
            QVERIFY2(events.size() > 3 && events.size() <= std::size_t(maxSequenceEvents), qPrintable(path));
            QCOMPARE(events.front().eventType(), EventType::StartOfSong);
            ++files;
        }
        QCOMPARE(files, 1823); // 110 quartets in two formats, 229 Mutopia pieces, 1,374 lieder
    }
};

QTEST_APPLESS_MAIN(TestRepresentationCorpus)
#include "testrepresentationcorpus.moc"
