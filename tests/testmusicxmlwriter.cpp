// SPDX-License-Identifier: GPL-3.0-or-later
// testmusicxmlwriter.cpp — MusicXML export on small hand-made scores: notation (values, ties,
// dots, triplets, chords, voices, clefs, spelling, percussion), maps, .mxl, and reading back.
#include "io/musicxml.h"
#include "io/musicxmlwriter.h"
#include "io/scorefile.h"

#include "randomscore.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

constexpr Tick q = 480; // a quarter at the default resolution

Score oneTrack(std::vector<Note> notes, int program = 40)
{
    Score score;
    score.tempos = {{0, 500000}};
    score.timeSignatures = {{0, 4, 4}};
    score.keySignatures = {{0, 0, false}};
    score.addTrack(u"Violin"_s, program).notes = std::move(notes);
    score.normalize();
    return score;
}

// Writes, reads back, and brings the result to the original resolution.
Score roundTrip(const Score &score, QByteArray *xml = nullptr, QStringList *warnings = nullptr)
{
    const MusicXmlWriteResult written = writeMusicXml(score);
    if (!written.ok())
        qFatal("%s", qPrintable(written.error));
    if (xml)
        *xml = written.xml;
    if (warnings)
        *warnings = written.warnings;
    ScoreReadResult read = readMusicXml(written.xml, u"written.musicxml"_s);
    if (!read.ok())
        qFatal("%s", qPrintable(read.error));
    read.score.setTicksPerQuarter(score.ticksPerQuarter);
    return read.score;
}

int count(const QByteArray &xml, const QByteArray &needle)
{
    return static_cast<int>(xml.count(needle));
}

} // namespace

class TestMusicXmlWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spellsValuesDotsAndTies();
    void spellsTripletsChordsAndVoices();
    void spellsPitchesFromTheKey();
    void choosesClefsAndStaves();
    void writesDrumsAsPercussion();
    void keepsTempoMetreAndKeyChanges();
    void countsNotesOffTheGrid();
    void writesCompressedMxl();
    void refusesAnEmptyScore();
    void isWellFormed();
    void randomScoresReadBackEqual();
};

void TestMusicXmlWriter::spellsValuesDotsAndTies()
{
    // GIVEN a dotted quarter and an eighth, a half note on beat 2 (hidden beat 3) and a
    // whole note from beat 4 across the bar line
    const Score score = oneTrack({{0, 3 * q / 2, 60, 80}, {3 * q / 2, q / 2, 62, 90},
                                  {4 * q + q, 2 * q, 64, 70}, {8 * q - q, 4 * q, 65, 100}});
    // WHEN written and read back
    QByteArray xml;
    const Score back = roundTrip(score, &xml);
    // THEN the notes are the same, the half on beat 2 is two tied quarters, and the long
    // note is tied across the bar line
    QCOMPARE(back.tracks.size(), std::size_t{1});
    QCOMPARE(back.tracks[0].notes, score.tracks[0].notes);
    QVERIFY(xml.contains("<type>quarter</type>\n    <dot/>"));
    QCOMPARE(count(xml, "<tie type=\"start\"/>"), 2); // half on beat 2: two quarters; the long note: quarter, dotted half
    QVERIFY(xml.contains("<rest measure=\"yes\"/>") == false);
    QVERIFY(xml.contains("<bar-style>light-heavy</bar-style>"));
}

void TestMusicXmlWriter::spellsTripletsChordsAndVoices()
{
    // GIVEN triplet eighths, a three-note chord, and a long note under moving ones
    Score score = oneTrack({{0, q / 3, 67, 80}, {q / 3, q / 3, 69, 80}, {2 * q / 3, q / 3, 71, 80},
                            {q, q, 60, 80}, {q, q, 64, 80}, {q, q, 67, 80},
                            {2 * q, 2 * q, 48, 60}, {2 * q, q / 2, 72, 80}, {5 * q / 2, q / 2, 74, 80}});
    // WHEN written and read back
    QByteArray xml;
    QStringList warnings;
    const Score back = roundTrip(score, &xml, &warnings);
    // THEN the notes are the same: a 3:2 bracket, <chord/> twice, and a second voice
    QCOMPARE(back.tracks[0].notes, score.tracks[0].notes);
    QVERIFY(warnings.isEmpty());
    QCOMPARE(count(xml, "<actual-notes>3</actual-notes>"), 3);
    QCOMPARE(count(xml, "<tuplet type=\"start\" bracket=\"yes\"/>"), 1);
    QCOMPARE(count(xml, "<chord/>"), 2);
    QVERIFY(xml.contains("<voice>2</voice>"));
    QVERIFY(xml.contains("<backup>"));
}

void TestMusicXmlWriter::spellsPitchesFromTheKey()
{
    // GIVEN C#5 and F#4 in D major, then B flat and A flat in F major, then G# in A minor
    Score score = oneTrack({{0, q, 73, 80}, {q, q, 66, 80}, {4 * q, q, 70, 80}, {5 * q, q, 68, 80},
                            {8 * q, q, 68, 80}});
    score.keySignatures = {{0, 2, false}, {4 * q, -1, false}, {8 * q, 0, true}};
    QByteArray xml;
    const Score back = roundTrip(score, &xml);
    QCOMPARE(back.tracks[0].notes, score.tracks[0].notes);
    QCOMPARE(back.keySignatures, score.keySignatures);
    // THEN sharps in the sharp key, flats in the flat key, the leading note raised in minor
    QVERIFY(xml.contains("<step>C</step>\n     <alter>1</alter>\n     <octave>5</octave>"));
    QVERIFY(xml.contains("<step>F</step>\n     <alter>1</alter>\n     <octave>4</octave>"));
    QVERIFY(xml.contains("<step>B</step>\n     <alter>-1</alter>\n     <octave>4</octave>"));
    QVERIFY(xml.contains("<step>A</step>\n     <alter>-1</alter>\n     <octave>4</octave>"));
    QVERIFY(xml.contains("<step>G</step>\n     <alter>1</alter>\n     <octave>4</octave>"));
    QVERIFY(xml.contains("<mode>minor</mode>"));
}

void TestMusicXmlWriter::choosesClefsAndStaves()
{
    // GIVEN a cello line, a viola line and a piano spanning both hands
    Score score;
    score.addTrack(u"Cello"_s, 42).notes = {{0, q, 36, 80}, {q, q, 43, 80}, {2 * q, q, 50, 80}};
    score.addTrack(u"Viola"_s, 41).notes = {{0, q, 55, 80}, {q, q, 60, 80}, {2 * q, q, 64, 80}};
    score.addTrack(u"Piano"_s, 0).notes = {{0, 4 * q, 36, 80}, {0, q, 72, 80}, {q, q, 76, 80}, {2 * q, 2 * q, 79, 80}};
    score.normalize();
    QByteArray xml;
    const Score back = roundTrip(score, &xml);
    // THEN bass, alto and a grand staff; the notes come back
    for (std::size_t i = 0; i < 3; ++i)
        QCOMPARE(back.tracks[i].notes, score.tracks[i].notes);
    QVERIFY(xml.contains("<sign>F</sign>\n     <line>4</line>"));
    QVERIFY(xml.contains("<sign>C</sign>\n     <line>3</line>"));
    QVERIFY(xml.contains("<staves>2</staves>"));
    QVERIFY(xml.contains("<staff>2</staff>"));
    QVERIFY(xml.contains("<instrument-sound>strings.cello</instrument-sound>"));
    QVERIFY(xml.contains("<midi-program>43</midi-program>"));
}

void TestMusicXmlWriter::writesDrumsAsPercussion()
{
    // GIVEN a drum track: bass drum, snare and hi-hat
    Score score;
    Track &drums = score.addTrack(u"Drums"_s, 0);
    drums.isDrum = true;
    drums.channel = 9;
    drums.notes = {{0, q, 36, 100}, {0, q / 2, 42, 80}, {q / 2, q / 2, 42, 80}, {q, q, 38, 90}};
    score.normalize();
    QByteArray xml;
    const Score back = roundTrip(score, &xml);
    // THEN a percussion part naming each sound, read back as the same drum notes
    QVERIFY(xml.contains("<sign>percussion</sign>"));
    QCOMPARE(count(xml, "<midi-unpitched>"), 3);
    QVERIFY(xml.contains("<instrument-name>Acoustic Snare</instrument-name>"));
    QVERIFY(xml.contains("<unpitched>"));
    QVERIFY(back.tracks[0].isDrum);
    QCOMPARE(back.tracks[0].channel, 9);
    QCOMPARE(back.tracks[0].notes, score.tracks[0].notes);
}

void TestMusicXmlWriter::keepsTempoMetreAndKeyChanges()
{
    // GIVEN 3/4 then 6/8 then 2/4, a tempo change inside a bar, and a key change
    Score score = oneTrack({{0, 3 * q, 60, 80}, {3 * q, 3 * q / 2, 62, 80}, {9 * q / 2, 3 * q / 2, 64, 80},
                            {6 * q, 2 * q, 65, 80}});
    score.timeSignatures = {{0, 3, 4}, {3 * q, 6, 8}, {6 * q, 2, 4}};
    score.tempos = {{0, 500000}, {q, 400000}, {6 * q, 600000}};
    score.keySignatures = {{0, 0, false}, {6 * q, 3, false}};
    score.normalize();
    QByteArray xml;
    const Score back = roundTrip(score, &xml);
    // THEN the maps and notes come back exactly; 6/8 writes its dotted quarters whole
    QCOMPARE(back.tracks[0].notes, score.tracks[0].notes);
    QCOMPARE(back.timeSignatures, score.timeSignatures);
    QCOMPARE(back.tempos, score.tempos);
    QCOMPARE(back.keySignatures, score.keySignatures);
    QCOMPARE(count(xml, "<sound tempo="), 3);
    QVERIFY(!xml.contains("<tie type=\"start\"/>"));
}

void TestMusicXmlWriter::countsNotesOffTheGrid()
{
    // GIVEN a quintuplet, which neither 16ths nor triplets can spell, at 480 ticks
    std::vector<Note> notes;
    for (int i = 0; i < 5; ++i)
        notes.push_back({i * q / 5, q / 5, 60 + i, 80});
    notes.push_back({q, q, 72, 80});
    QStringList warnings;
    const Score back = roundTrip(oneTrack(notes), nullptr, &warnings);
    // THEN all five (each ends off the grid) are moved to the nearest spellable point,
    // counted in one warning, none lost
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().startsWith(u"5 notes"_s), qPrintable(warnings.first()));
    QCOMPARE(back.tracks[0].notes.size(), notes.size());
    QCOMPARE(back.tracks[0].notes.back(), notes.back());
}

void TestMusicXmlWriter::writesCompressedMxl()
{
    QTemporaryDir dir;
    const Score score = oneTrack({{0, q, 60, 80}, {q, 3 * q, 67, 80}});
    const QString path = dir.filePath(u"draft.mxl"_s);
    // WHEN written through the file-name dispatch as .mxl
    QCOMPARE(writeScoreFile(score, path), QString());
    // THEN it is a zip that the importer reads back (through META-INF/container.xml)
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), "PK\x03\x04"_ba);
    file.close();
    ScoreReadResult read = readScoreFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    read.score.setTicksPerQuarter(q);
    QCOMPARE(read.score.tracks[0].notes, score.tracks[0].notes);
    QCOMPARE(read.score.tracks[0].name, u"Violin"_s);
    QCOMPARE(read.score.tracks[0].program, 40);
}

void TestMusicXmlWriter::refusesAnEmptyScore()
{
    QVERIFY(!writeMusicXml(Score{}).ok());
    QTemporaryDir dir;
    QVERIFY(writeScoreFile(Score{}, dir.filePath(u"x.musicxml"_s)).contains(u"no tracks"_s));
    // A track without notes is one bar of rest
    Score silent;
    silent.addTrack(u"Flute"_s, 73);
    const MusicXmlWriteResult written = writeMusicXml(silent);
    QVERIFY(written.ok());
    QVERIFY(written.xml.contains("<rest measure=\"yes\"/>"));
    QVERIFY(readMusicXml(written.xml, u"silent.musicxml"_s).ok());
}

void TestMusicXmlWriter::isWellFormed()
{
    const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
    if (xmllint.isEmpty())
        QSKIP("xmllint is not installed (Debian libxml2-utils)");
    Score score = oneTrack({{0, q / 3, 67, 80}, {q / 3, 2 * q / 3, 69, 80}, {q, 5 * q, 60, 80}, {q, q, 64, 80}});
    score.title = u"Etude <1> & \"2\""_s;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"etude.musicxml"_s);
    QCOMPARE(writeScoreFile(score, path), QString());
    // Well-formed always; valid against the MusicXML 4.0 schema where one is installed.
    QProcess lint;
    lint.start(xmllint, {u"--noout"_s, u"--nonet"_s, path});
    QVERIFY(lint.waitForFinished(30000));
    QVERIFY2(lint.exitCode() == 0, lint.readAllStandardError().constData());
    // Debian 12 packages no MusicXML schema (none of its packages holds musicxml.xsd; mscore3
    // embeds a 3.1 one in its binary), so the schema check runs where MUSICXML_XSD names one.
    const QString schema = qEnvironmentVariable("MUSICXML_XSD");
    if (schema.isEmpty() || !QFile::exists(schema)) {
        qInfo("no MusicXML 4.0 schema on this machine (set MUSICXML_XSD to one): checked well-formedness only");
        return;
    }
    lint.start(xmllint, {u"--noout"_s, u"--nonet"_s, u"--schema"_s, schema, path});
    QVERIFY(lint.waitForFinished(60000));
    QVERIFY2(lint.exitCode() == 0, lint.readAllStandardError().constData());
}

void TestMusicXmlWriter::randomScoresReadBackEqual()
{
    // GIVEN 200 scores made from random bytes, as the fuzzer makes them
    std::mt19937 random(20);
    for (int run = 0; run < 200; ++run) {
        std::vector<std::uint8_t> data(400);
        for (std::uint8_t &byte : data)
            byte = static_cast<std::uint8_t>(random());
        test::ByteSource bytes(data.data(), data.size());
        const Score score = test::randomScore(bytes);
        // THEN each is written well-formed and read back to the same tracks and notes
        const QString problem = test::writeAndReadBack(score);
        QVERIFY2(problem.isEmpty(), qPrintable(u"run %1: %2"_s.arg(run).arg(problem)));
    }
}

QTEST_APPLESS_MAIN(TestMusicXmlWriter)
#include "testmusicxmlwriter.moc"
