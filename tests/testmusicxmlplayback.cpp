// SPDX-License-Identifier: GPL-3.0-or-later
// testmusicxmlplayback.cpp — Tutti's MusicXML import against MuseScore 3's playback of the same
// files, repeats played out: note counts within 3 % on at least 85 % of the quartets and
// chorales from encoders other than MuseScore. Those are the Mutopia choral and string pieces
// (LilyPond's MIDI, encoded as MusicXML by Tutti's writer), and, for repeats, voltas and jumps,
// the hand-encoded repeat files of the unofficial MusicXML test suite. The only MusicXML on
// the machine that other notation programs wrote (Sibelius, Finale) and the hand-written
// files are in that test suite: every file of it not encoded by MuseScore is compared too.
// Rewrites the generated part of tests/reports/musicxml-musescore-playback.md.
#include "generatedreport.h"
#include "musescore.h"

#include "io/midifile.h"
#include "io/musicxml.h"
#include "io/musicxmlheader.h"
#include "io/musicxmlwriter.h"
#include "io/scorefile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

struct Comparison
{
    QString name;
    QString kind;
    qint64 ours = 0;
    qint64 theirs = 0;
    QString warnings;
    bool converted = true; // MuseScore wrote a MIDI file

    double difference() const { return theirs == 0 ? (ours == 0 ? 0.0 : 1.0) : std::abs(ours - theirs) / double(theirs); }
    bool agrees() const { return difference() <= 0.03; }
};

// Half of the Mutopia pieces for voices or strings alone, from the manifest's instrumentation.
QStringList choralAndStringPieces(const QString &mutopia, QStringList *kinds)
{
    QFile manifest(mutopia + u"/manifest.tsv"_s);
    if (!manifest.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression choral(u"SATB|TTBB|Choir|Voice"_s);
    static const QRegularExpression strings(u"String|Violin|Viola|[Cc]ello"_s);
    static const QRegularExpression others(u"Orchestra|Organ|Piano|Brass|Mandolin|Flute|Oboe|Horn|Guitar|Harp"_s);
    QStringList files;
    const QStringList lines = QString::fromUtf8(manifest.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(u'\t');
        if (fields.size() < 4 || fields[3].contains(others))
            continue;
        const bool isChoral = fields[3].contains(choral);
        if (!isChoral && !fields[3].contains(strings))
            continue;
        files.append(mutopia + u'/' + fields[0]);
        kinds->append(isChoral ? u"chorale"_s : u"strings"_s);
    }
    // Every other one, evenly over the list: a sample that keeps the suite to a few minutes.
    QStringList sample;
    QStringList sampleKinds;
    for (qsizetype i = 0; i < files.size(); i += 2) {
        sample.append(files[i]);
        sampleKinds.append(kinds->at(i));
    }
    *kinds = sampleKinds;
    return sample;
}

QString table(const std::vector<Comparison> &rows)
{
    QString text = u"| file | kind | Tutti notes | MuseScore notes | difference | Tutti's import warnings |\n"
                   u"|---|---|---:|---:|---:|---|\n"_s;
    for (const Comparison &row : rows)
        text += row.converted ? u"| %1 | %2 | %3 | %4 | %5 % | %6 |\n"_s.arg(row.name, row.kind)
                                    .arg(row.ours)
                                    .arg(row.theirs)
                                    .arg(100.0 * row.difference(), 0, 'f', 2)
                                    .arg(row.warnings)
                              : u"| %1 | %2 | %3 | (MuseScore wrote nothing) | | %4 |\n"_s.arg(row.name, row.kind)
                                    .arg(row.ours)
                                    .arg(row.warnings);
    return text;
}

} // namespace

class TestMusicXmlPlayback final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noteCountsAgreeWithMuseScore();
};

void TestMusicXmlPlayback::noteCountsAgreeWithMuseScore()
{
    if (test::museScore().isEmpty())
        QSKIP("mscore3 is not installed (Debian musescore3)");
    const QString data = QStringLiteral(TUTTI_SHARED_DATA);
    QStringList kinds;
    const QStringList pieces = choralAndStringPieces(data + u"/mutopia"_s, &kinds);
    QStringList repeats;
    QDirIterator it(data + u"/../testsuites/musicxml"_s, {u"45*.xml"_s}, QDir::Files);
    while (it.hasNext())
        repeats.append(it.next());
    repeats.sort();
    // Every file of the test suite that MuseScore did not encode, by the encoder its header names.
    QStringList others;
    QStringList encoders;
    QDirIterator suite(data + u"/../testsuites/musicxml"_s, {u"*.xml"_s}, QDir::Files);
    while (suite.hasNext())
        others.append(suite.next());
    others.sort();
    others.removeIf([](const QString &path) {
        return readMusicXmlHeader(path).software.join(u' ').contains(u"MuseScore"_s, Qt::CaseInsensitive);
    });
    for (const QString &path : std::as_const(others)) {
        const QStringList software = readMusicXmlHeader(path).software;
        encoders.append(software.isEmpty() ? u"none named"_s : software.join(u", "_s));
    }
    if (pieces.isEmpty())
        QSKIP("../shared/data/mutopia is not here");

    // GIVEN each piece as MusicXML: the Mutopia ones written by Tutti, the test suite's as they are
    QTemporaryDir dir;
    std::vector<std::pair<QString, QString>> jobs;
    std::vector<Comparison> rows;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const ScoreReadResult midi = readScoreFile(pieces[i]);
        QVERIFY2(midi.ok(), qPrintable(midi.error));
        const QString xml = dir.filePath(QFileInfo(pieces[i]).completeBaseName() + u".musicxml"_s);
        QCOMPARE(writeScoreFile(midi.score, xml), QString());
        jobs.emplace_back(xml, xml + u".mid"_s);
        rows.push_back({QFileInfo(pieces[i]).fileName(), kinds[i], 0, 0, {}});
    }
    for (const QString &path : std::as_const(repeats)) {
        jobs.emplace_back(path, dir.filePath(QFileInfo(path).completeBaseName() + u".mid"_s));
        rows.push_back({QFileInfo(path).fileName(), u"repeats"_s, 0, 0, {}});
    }
    const std::size_t compared = jobs.size();
    for (qsizetype i = 0; i < others.size(); ++i) {
        jobs.emplace_back(others[i], dir.filePath(u"other-"_s + QFileInfo(others[i]).completeBaseName() + u".mid"_s));
        rows.push_back({QFileInfo(others[i]).fileName(), encoders[i], 0, 0, {}});
    }
    // WHEN Tutti reads each with repeats and tremolos played out, and MuseScore plays it into MIDI
    test::convertWithMuseScore(jobs, 1200000);
    // A crash of mscore3 ends the rest of its batch: each file it left out gets a run of its own.
    QStringList failed;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (QFileInfo(jobs[i].second).size() == 0 && !test::convertWithMuseScore({jobs[i]}, 120000).isEmpty() && i < compared)
            failed.append(jobs[i].first);
    }
    QVERIFY2(failed.isEmpty(), qPrintable(u"MuseScore could not convert: "_s + failed.join(u", "_s)));
    MusicXmlOptions played = MusicXmlOptions::forListening();
    played.expandTremolos = true;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const ScoreReadResult ours = readScoreFile(jobs[i].first, played);
        QVERIFY2(ours.ok(), qPrintable(ours.error));
        rows[i].converted = QFileInfo(jobs[i].second).size() > 0;
        const ScoreReadResult theirs = rows[i].converted ? readMidiFile(jobs[i].second) : ScoreReadResult();
        QVERIFY2(!rows[i].converted || theirs.ok(), qPrintable(theirs.error));
        rows[i].ours = static_cast<qint64>(ours.score.noteCount());
        rows[i].theirs = static_cast<qint64>(theirs.score.noteCount());
        rows[i].warnings = (ours.warnings + QStringList{ours.playback}).join(u"; "_s);
    }

    // THEN the quartets and chorales agree within 3 % at least 85 % of the time
    qsizetype agreeing = 0;
    qsizetype repeatAgreeing = 0;
    std::vector<Comparison> disagreeing;
    for (std::size_t i = 0; i < compared; ++i) {
        const Comparison &row = rows[i];
        if (row.kind == u"repeats"_s) {
            repeatAgreeing += row.agrees() ? 1 : 0;
            continue;
        }
        agreeing += row.agrees() ? 1 : 0;
        if (!row.agrees())
            disagreeing.push_back(row);
    }
    const double share = 100.0 * static_cast<double>(agreeing) / static_cast<double>(pieces.size());
    const QString summary = u"%1 of %2 chorales and string pieces (%3 %) agree with MuseScore within 3 %; "
                            "%4 of %5 repeat files of the test suite"_s.arg(agreeing)
                                .arg(pieces.size())
                                .arg(share, 0, 'f', 1)
                                .arg(repeatAgreeing)
                                .arg(repeats.size());
    // The other encoders' files: those with notes on either side, and those from notation programs
    const std::vector<Comparison> otherRows(rows.begin() + static_cast<std::ptrdiff_t>(compared), rows.end());
    qsizetype withNotes = 0;
    qsizetype withNotesAgreeing = 0;
    qsizetype programs = 0;
    qsizetype programsAgreeing = 0;
    qsizetype notConverted = 0;
    for (const Comparison &row : otherRows) {
        notConverted += row.converted ? 0 : 1;
        if (!row.converted || (row.ours == 0 && row.theirs == 0))
            continue;
        ++withNotes;
        withNotesAgreeing += row.agrees() ? 1 : 0;
        if (row.kind.contains(u"Sibelius"_s) || row.kind.contains(u"Finale"_s)) {
            ++programs;
            programsAgreeing += row.agrees() ? 1 : 0;
        }
    }
    const QString otherSummary = u"%1 of %2 test-suite files with notes that MuseScore did not encode agree within 3 % "
                                 "(%3 of %4 from Sibelius or Finale); MuseScore wrote nothing for %5 of %6"_s
                                     .arg(withNotesAgreeing).arg(withNotes).arg(programsAgreeing).arg(programs)
                                     .arg(notConverted).arg(others.size());
    qInfo().noquote() << summary;
    qInfo().noquote() << otherSummary;
    const auto from = rows.begin() + static_cast<std::ptrdiff_t>(compared);
    std::vector<Comparison> repeatRows(from - repeats.size(), from);
    test::writeGeneratedReport(QStringLiteral(TUTTI_TEST_DATA) + u"/../reports/musicxml-musescore-playback.md"_s, u"testmusicxmlplayback"_s,
                u"**%1.**\n\n**%5.**\n\n### Repeat files of the test suite (hand-encoded)\n\n%2\n"
                "### Chorales and string pieces that differ by more than 3 %\n\n%3\n"
                "### Test-suite files not encoded by MuseScore (the encoder their header names)\n\n%6\n"
                "### All chorales and string pieces\n\n%4"_s.arg(summary, table(repeatRows), table(disagreeing),
                                                                 table(std::vector<Comparison>(rows.begin(), from - repeats.size())),
                                                                 otherSummary, table(otherRows)));
    QVERIFY2(share >= 85.0, qPrintable(summary));
}

QTEST_GUILESS_MAIN(TestMusicXmlPlayback)
#include "testmusicxmlplayback.moc"
