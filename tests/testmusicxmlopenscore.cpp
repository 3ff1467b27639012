// SPDX-License-Identifier: GPL-3.0-or-later
// testmusicxmlopenscore.cpp — the MusicXML importer against MuseScore's own playback: every
// OpenScore quartet (.mxl, repeats and tremolos played out) against the MIDI MuseScore 3
// exported from it.
// Prints one line per file and a summary, and rewrites the generated part of
// tests/reports/openscore-musicxml-agreement.md.
#include "generatedreport.h"
#include "io/midifile.h"
#include "io/musicxml.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace {

struct PitchContent
{
    std::map<int, qint64> byPitch;
    std::array<qint64, 12> byPitchClass{};
    qint64 notes = 0;
};

PitchContent pitchContent(const tutti::Score &score)
{
    PitchContent content;
    for (const tutti::Track &track : score.tracks) {
        for (const tutti::Note &note : track.notes) {
            ++content.byPitch[note.pitch];
            ++content.byPitchClass[static_cast<std::size_t>(note.pitch % 12)];
            ++content.notes;
        }
    }
    return content;
}

// Shared mass of two histograms over the larger total: 1 only when they are equal.
template<typename Histogram>
double overlap(const Histogram &a, const Histogram &b, qint64 totalA, qint64 totalB)
{
    qint64 shared = 0;
    for (const auto &[key, count] : a) {
        const auto other = b.find(key);
        if (other != b.end())
            shared += std::min(count, other->second);
    }
    const qint64 larger = std::max(totalA, totalB);
    return larger == 0 ? 1.0 : static_cast<double>(shared) / static_cast<double>(larger);
}

double pitchClassOverlap(const PitchContent &a, const PitchContent &b)
{
    qint64 shared = 0;
    for (std::size_t i = 0; i < 12; ++i)
        shared += std::min(a.byPitchClass[i], b.byPitchClass[i]);
    const qint64 larger = std::max(a.notes, b.notes);
    return larger == 0 ? 1.0 : static_cast<double>(shared) / static_cast<double>(larger);
}

struct FileAgreement
{
    QString name;
    bool sameLength = false; // both play the same number of quarter notes (within a bar)
    qint64 ours = 0;
    qint64 theirs = 0;
    double pitchOverlap = 0.0;
    double pitchClassOverlap = 0.0;
    QString warnings;
};

struct Summary
{
    int files = 0;
    int exact = 0;
    double meanPitchOverlap = 0.0;
    double meanPitchClassOverlap = 0.0;
};

Summary summarize(const std::vector<FileAgreement> &files, bool onlySameLength)
{
    Summary summary;
    for (const FileAgreement &file : files) {
        if (onlySameLength && !file.sameLength)
            continue;
        ++summary.files;
        summary.exact += file.ours == file.theirs ? 1 : 0;
        summary.meanPitchOverlap += file.pitchOverlap;
        summary.meanPitchClassOverlap += file.pitchClassOverlap;
    }
    if (summary.files > 0) {
        summary.meanPitchOverlap /= summary.files;
        summary.meanPitchClassOverlap /= summary.files;
    }
    return summary;
}

} // namespace

class TestMusicXmlOpenScore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithMuseScoreMidi();
};

void TestMusicXmlOpenScore::agreesWithMuseScoreMidi()
{
    // GIVEN the OpenScore quartets as .mxl and as MuseScore's MIDI export of each
    const QString root = QStringLiteral(TUTTI_SHARED_DATA) + u"/openscore-quartets"_s;
    if (!QDir(root + u"/mxl"_s).exists() || !QDir(root + u"/midi"_s).exists())
        QSKIP("../shared/data/openscore-quartets is not here");
    QStringList scores;
    QDirIterator it(root + u"/mxl"_s, {u"*.mxl"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        scores.append(it.next());
    scores.sort();
    QVERIFY(!scores.isEmpty());

    // WHEN each is imported with repeats played out and compared with its MIDI
    QElapsedTimer timer;
    timer.start();
    std::vector<FileAgreement> files;
    tutti::MusicXmlOptions playback;
    playback.expandRepeats = true;
    playback.expandTremolos = true;
    for (const QString &mxlPath : std::as_const(scores)) {
        QString midiPath = mxlPath;
        midiPath.replace(root + u"/mxl/"_s, root + u"/midi/"_s).chop(4);
        midiPath += u".mid"_s;
        const tutti::ScoreReadResult ours = tutti::readMusicXmlFile(mxlPath, playback);
        QVERIFY2(ours.ok(), qPrintable(ours.error));
        const tutti::ScoreReadResult theirs = tutti::readMidiFile(midiPath);
        QVERIFY2(theirs.ok(), qPrintable(theirs.error));
        const PitchContent a = pitchContent(ours.score);
        const PitchContent b = pitchContent(theirs.score);
        FileAgreement file;
        file.name = QDir(root + u"/mxl"_s).relativeFilePath(mxlPath);
        const double ourQuarters = static_cast<double>(ours.score.endTick()) / ours.score.ticksPerQuarter;
        const double theirQuarters = static_cast<double>(theirs.score.endTick()) / theirs.score.ticksPerQuarter;
        file.sameLength = std::abs(ourQuarters - theirQuarters) <= 4.0;
        file.ours = a.notes;
        file.theirs = b.notes;
        file.pitchOverlap = overlap(a.byPitch, b.byPitch, a.notes, b.notes);
        file.pitchClassOverlap = pitchClassOverlap(a, b);
        file.warnings = ours.warnings.join(u"; "_s);
        files.push_back(file);
    }

    // THEN note counts and pitch content agree, file by file and overall
    QString table = u"| file | same length | our notes | MuseScore notes | difference | pitch overlap | pitch-class overlap "
                    u"| importer warnings |\n|---|---|---:|---:|---:|---:|---:|---|\n"_s;
    for (const FileAgreement &file : files) {
        qInfo().noquote() << u"%1: %2 notes vs %3 (%4), pitch overlap %5%, pitch-class overlap %6%%7"_s.arg(file.name)
                                 .arg(file.ours)
                                 .arg(file.theirs)
                                 .arg(file.ours - file.theirs)
                                 .arg(100.0 * file.pitchOverlap, 0, 'f', 2)
                                 .arg(100.0 * file.pitchClassOverlap, 0, 'f', 2)
                                 .arg(file.sameLength ? QString() : u", plays a different length"_s);
        table += u"| %1 | %2 | %3 | %4 | %5 | %6% | %7% | %8 |\n"_s.arg(file.name, file.sameLength ? u"yes"_s : u"no"_s)
                     .arg(file.ours)
                     .arg(file.theirs)
                     .arg(file.ours - file.theirs)
                     .arg(100.0 * file.pitchOverlap, 0, 'f', 2)
                     .arg(100.0 * file.pitchClassOverlap, 0, 'f', 2)
                     .arg(file.warnings);
    }
    const Summary all = summarize(files, false);
    const Summary sameLength = summarize(files, true);
    const QString summary = u"agreement over %1 files: %2 exact note-count matches, mean pitch-histogram overlap %3%"
                            u" (pitch classes %4%)"_s.arg(all.files)
                                .arg(all.exact)
                                .arg(100.0 * all.meanPitchOverlap, 0, 'f', 2)
                                .arg(100.0 * all.meanPitchClassOverlap, 0, 'f', 2);
    const QString sameLengthSummary = u"of these, %1 files play as long as MuseScore's MIDI: %2 exact note-count matches,"
                                      u" mean pitch-histogram overlap %3% (pitch classes %4%)"_s.arg(sameLength.files)
                                          .arg(sameLength.exact)
                                          .arg(100.0 * sameLength.meanPitchOverlap, 0, 'f', 2)
                                          .arg(100.0 * sameLength.meanPitchClassOverlap, 0, 'f', 2);
    qInfo().noquote() << summary;
    qInfo().noquote() << sameLengthSummary << u"(%1 s)"_s.arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    tutti::test::writeGeneratedReport(QStringLiteral(TUTTI_TEST_DATA) + u"/../reports/openscore-musicxml-agreement.md"_s, u"testmusicxmlopenscore"_s,
                u"\n**"_s + summary + u"**\n\n**"_s + sameLengthSummary + u"**\n\n"_s + table + u"\n"_s);

    // Floors at what the importer achieves (see the report for what keeps the rest apart).
    QVERIFY2(all.exact >= 2, qPrintable(summary));
    QVERIFY2(all.meanPitchOverlap >= 0.795, qPrintable(summary));
    QVERIFY2(sameLength.files >= 41, qPrintable(sameLengthSummary));
    QVERIFY2(sameLength.meanPitchOverlap >= 0.959, qPrintable(sameLengthSummary));
}

QTEST_APPLESS_MAIN(TestMusicXmlOpenScore)
#include "testmusicxmlopenscore.moc"
// end of testmusicxmlopenscore.cpp
