// SPDX-License-Identifier: GPL-3.0-or-later
// testmusicxmlroundtrip.cpp — MusicXML export against readers no one here wrote: the whole
// unofficial MusicXML test suite (../shared/testsuites/musicxml) opens, round-trips through
// Tutti and opens in MuseScore 3; 20 real pieces from ../shared/data play in MuseScore 3 with
// the same notes as Tutti's own MIDI export, on the 1/12-quarter grid.
#include "musescore.h"

#include "io/midifile.h"
#include "io/musicxml.h"
#include "io/musicxmlwriter.h"
#include "io/scorefile.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

const QString sharedRoot = QStringLiteral(TUTTI_SHARED_DATA) + u"/.."_s;

QStringList filesUnder(const QString &folder, const QStringList &patterns)
{
    QStringList files;
    QDirIterator it(folder, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

// Every `count`-th of `files` spread evenly, starting at the first.
QStringList spread(const QStringList &files, int count)
{
    QStringList picked;
    for (int i = 0; i < count && !files.isEmpty(); ++i)
        picked.append(files.at(static_cast<qsizetype>(i) * files.size() / count));
    return picked;
}

// Notes per track, at the original resolution, for an exact comparison.
bool sameNotes(const Score &a, Score b, QString *difference)
{
    if (a.tracks.size() != b.tracks.size()) {
        *difference = u"%1 tracks instead of %2"_s.arg(b.tracks.size()).arg(a.tracks.size());
        return false;
    }
    b.setTicksPerQuarter(a.ticksPerQuarter);
    for (std::size_t t = 0; t < a.tracks.size(); ++t) {
        if (a.tracks[t].notes != b.tracks[t].notes || a.tracks[t].isDrum != b.tracks[t].isDrum
            || a.tracks[t].program != b.tracks[t].program) {
            *difference = u"track %1: %2 notes instead of %3, or other notes"_s.arg(t + 1)
                              .arg(b.tracks[t].notes.size())
                              .arg(a.tracks[t].notes.size());
            return false;
        }
    }
    return true;
}

// The same number of notes of the same pitches, each within a 64th of a quarter of where it
// was: what a score the writer had to move onto its grid gives back.
bool sameNotesOnTheGrid(const Score &a, Score b, QString *difference)
{
    if (a.tracks.size() != b.tracks.size()) {
        *difference = u"%1 tracks instead of %2"_s.arg(b.tracks.size()).arg(a.tracks.size());
        return false;
    }
    b.setTicksPerQuarter(a.ticksPerQuarter);
    const Tick tolerance = a.ticksPerQuarter / 64 + 1;
    for (std::size_t t = 0; t < a.tracks.size(); ++t) {
        const std::vector<Note> &x = a.tracks[t].notes;
        const std::vector<Note> &y = b.tracks[t].notes;
        if (x.size() != y.size()) {
            *difference = u"track %1: %2 notes instead of %3"_s.arg(t + 1).arg(y.size()).arg(x.size());
            return false;
        }
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (x[i].pitch != y[i].pitch || std::abs(x[i].start - y[i].start) > tolerance
                || std::abs(x[i].start + x[i].length - y[i].start - y[i].length) > tolerance) {
                *difference = u"track %1: note %2 moved too far"_s.arg(t + 1).arg(i + 1);
                return false;
            }
        }
    }
    return true;
}

// Notes that start while a note of the same pitch in the same track still sounds: on one MIDI
// channel the two collide, and a player keeps only one of them.
int collisions(const Score &score)
{
    int count = 0;
    for (const Track &track : score.tracks) {
        std::vector<Tick> soundingUntil(128, -1);
        for (const Note &note : track.notes) {
            if (note.start < soundingUntil[static_cast<std::size_t>(note.pitch)])
                ++count;
            soundingUntil[static_cast<std::size_t>(note.pitch)] =
                std::max(soundingUntil[static_cast<std::size_t>(note.pitch)], note.start + note.length);
        }
    }
    return count;
}

} // namespace

class TestMusicXmlRoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void testSuiteOpensRoundTripsAndOpensInMuseScore();
    void realPiecesPlayTheSameInMuseScore();
};

void TestMusicXmlRoundTrip::testSuiteOpensRoundTripsAndOpensInMuseScore()
{
    // GIVEN the unofficial MusicXML test suite, 166 files of one feature each
    const QStringList files = filesUnder(sharedRoot + u"/testsuites/musicxml"_s, {u"*.xml"_s, u"*.musicxml"_s, u"*.mxl"_s});
    if (files.isEmpty())
        QSKIP("../shared/testsuites/musicxml is not here");
    QCOMPARE(files.size(), 166);
    QTemporaryDir dir;
    std::vector<std::pair<QString, QString>> jobs;
    int withNotes = 0;
    QStringList failures;
    QStringList moved;
    for (const QString &path : files) {
        // WHEN each is opened as written and as heard, then written and read back
        const ScoreReadResult written = readScoreFile(path);
        const ScoreReadResult heard = readScoreFile(path, MusicXmlOptions::forListening());
        if (!written.ok() || !heard.ok()) {
            failures.append(written.ok() ? heard.error : written.error);
            continue;
        }
        if (heard.score.noteCount() == 0)
            continue;
        ++withNotes;
        const MusicXmlWriteResult exported = writeMusicXml(heard.score);
        if (!exported.ok()) {
            failures.append(u"%1: export: %2"_s.arg(QFileInfo(path).fileName(), exported.error));
            continue;
        }
        const ScoreReadResult back = readMusicXml(exported.xml, path);
        QString difference;
        if (!back.ok())
            failures.append(u"%1: reading the export: %2"_s.arg(QFileInfo(path).fileName(), back.error));
        else if (!exported.warnings.isEmpty() && !sameNotesOnTheGrid(heard.score, back.score, &difference))
            failures.append(u"%1: %2"_s.arg(QFileInfo(path).fileName(), difference));
        else if (!exported.warnings.isEmpty())
            moved.append(QFileInfo(path).fileName());
        else if (!sameNotes(heard.score, back.score, &difference))
            failures.append(u"%1: %2 (%3)"_s.arg(QFileInfo(path).fileName(), difference,
                                                 exported.warnings.join(u"; "_s)));
        const QString out = dir.filePath(QFileInfo(path).completeBaseName() + u".musicxml"_s);
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(exported.xml);
        file.close();
        jobs.emplace_back(out, out + u".mid"_s);
    }
    // THEN every file opens, and every file with notes comes back with the same notes
    // (where the notation grid cannot spell a tuplet of 5 or 7, the same notes moved by less
    // than a 64th onto the nearest triplet or binary point)
    qInfo().noquote() << u"%1 files open, %2 with notes round-trip, %3 of them moved onto the grid: %4"_s.arg(files.size())
                             .arg(withNotes)
                             .arg(moved.size())
                             .arg(moved.join(u", "_s));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

    // AND MuseScore 3 opens every exported file (one batch job: a start per file would be slow)
    if (test::museScore().isEmpty())
        QSKIP("mscore3 is not installed (Debian musescore3)");
    const QStringList unopened = test::convertWithMuseScore(jobs, 600000);
    QVERIFY2(unopened.isEmpty(), qPrintable(u"MuseScore could not open: "_s + unopened.join(u", "_s)));
}

void TestMusicXmlRoundTrip::realPiecesPlayTheSameInMuseScore()
{
    if (test::museScore().isEmpty())
        QSKIP("mscore3 is not installed (Debian musescore3)");
    // GIVEN 20 real pieces: string quartets and lieder (MusicXML), choral and ensemble MIDI
    const QString data = QStringLiteral(TUTTI_SHARED_DATA);
    QStringList quartets = filesUnder(data + u"/openscore-quartets/mxl"_s, {u"*.mxl"_s});
    std::sort(quartets.begin(), quartets.end(),
              [](const QString &a, const QString &b) { return QFileInfo(a).size() < QFileInfo(b).size(); });
    QStringList pieces = quartets.mid(0, 3);
    pieces += spread(filesUnder(data + u"/openscore-lieder"_s, {u"*.mxl"_s}), 10);
    pieces += spread(filesUnder(data + u"/mutopia/midi"_s, {u"*.mid"_s}), 7);
    if (pieces.size() < 20)
        QSKIP("../shared/data is not here");

    // WHEN each is exported to MusicXML by Tutti and played back by MuseScore into MIDI
    QTemporaryDir dir;
    std::vector<std::pair<QString, QString>> jobs;
    std::vector<Score> scores;
    std::vector<int> moved;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        ScoreReadResult read = readScoreFile(pieces[i], MusicXmlOptions::forListening());
        QVERIFY2(read.ok(), qPrintable(read.error));
        const QString xml = dir.filePath(u"piece%1.musicxml"_s.arg(i));
        const MusicXmlWriteResult written = writeMusicXml(read.score);
        QVERIFY2(written.ok(), qPrintable(written.error));
        QFile file(xml);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(written.xml);
        file.close();
        moved.push_back(written.movedNotes);
        // Tutti's importer reads its export back to the same notes
        const ScoreReadResult back = readScoreFile(xml);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QVERIFY(test::differingNotes(test::gridNotes(back.score), test::gridNotes(read.score)) <= 2 * written.movedNotes);
        jobs.emplace_back(xml, xml + u".mid"_s);
        scores.push_back(std::move(read.score));
    }
    const QStringList unopened = test::convertWithMuseScore(jobs, 900000);
    QVERIFY2(unopened.isEmpty(), qPrintable(u"MuseScore could not convert: "_s + unopened.join(u", "_s)));

    // THEN MuseScore's MIDI has the notes of Tutti's own MIDI export, on the 1/12-quarter grid
    // (but for unisons that collide on one channel, which a player sounds once, and notes the
    // writer said it moved)
    QStringList differences;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const ScoreReadResult ours = readMidi(writeMidi(scores[i]), u"tutti.mid"_s);
        const ScoreReadResult theirs = readMidiFile(jobs[i].second);
        QVERIFY2(ours.ok() && theirs.ok(), qPrintable(ours.error + theirs.error));
        const int differing = test::differingNotes(test::gridNotes(ours.score), test::gridNotes(theirs.score));
        const int colliding = collisions(scores[i]);
        qInfo().noquote() << u"%1: %2 notes, %3 differ, %4 unison collisions, %5 moved onto the grid"_s
                                 .arg(QFileInfo(pieces[static_cast<qsizetype>(i)]).fileName())
                                 .arg(ours.score.noteCount())
                                 .arg(differing)
                                 .arg(colliding)
                                 .arg(moved[i]);
        // A collision turns two notes into one: three differences at most; a moved note two.
        if (differing > 3 * colliding + 2 * moved[i])
            differences.append(u"%1: %2 of %3 notes differ"_s.arg(pieces[static_cast<qsizetype>(i)]).arg(differing).arg(
                ours.score.noteCount()));
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestMusicXmlRoundTrip)
#include "testmusicxmlroundtrip.moc"
