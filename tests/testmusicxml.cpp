// SPDX-License-Identifier: GPL-3.0-or-later
// testmusicxml.cpp — MusicXML import on tiny hand-written scores (tests/data/musicxml).
#include "io/musicxml.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TUTTI_TEST_DATA) + u"/musicxml/"_s + name;
}

tutti::ScoreReadResult read(const QString &name, bool expandRepeats = false, bool expandTremolos = false)
{
    tutti::MusicXmlOptions options;
    options.expandRepeats = expandRepeats;
    options.expandTremolos = expandTremolos;
    return tutti::readMusicXmlFile(fixture(name), options);
}

std::vector<int> pitches(const tutti::Track &track)
{
    std::vector<int> result;
    for (const tutti::Note &note : track.notes)
        result.push_back(note.pitch);
    return result;
}

tutti::Note note(tutti::Tick start, tutti::Tick length, int pitch, int velocity = 80)
{
    return tutti::Note{start, length, pitch, velocity};
}

} // namespace

class TestMusicXml final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsChordsRestsAndCueNotes();
    void mergesTiesAcrossBarsAndVoices();
    void followsBackupAndForward();
    void convertsDivisionChangesExactly();
    void mapsTempoTimeKeyAndDynamics();
    void countsSkippedGraceNotes();
    void playsRepeatsAndVoltas();
    void playsJumpsWithinMovements();
    void keepsAmbiguousRepeatsAsWritten();
    void choosesProgramsChannelsAndDrums();
    void expandsTremolosOnRequest();
    void guessesProgramsFromNames_data();
    void guessesProgramsFromNames();
    void readsMxlContainers();
    void refusesZipBombs_data();
    void refusesZipBombs();
    void refusesBadInput_data();
    void refusesBadInput();
    void refusesAbsurdBytes();
    void readsTheFuzzersFindings();
};

void TestMusicXml::readsChordsRestsAndCueNotes()
{
    // GIVEN a bar with a chord, a note, a cue note, a rest and a note
    // WHEN it is read
    const tutti::ScoreReadResult result = read(u"chords.musicxml"_s);

    // THEN the chord shares its onset, the cue note sounds nothing but takes its time
    QVERIFY2(result.ok(), qPrintable(result.error));
    const tutti::Score &score = result.score;
    QCOMPARE(score.title, u"Chords"_s);
    QCOMPARE(score.ticksPerQuarter, 480);
    QCOMPARE(score.tracks.size(), std::size_t{1});
    const tutti::Track &cello = score.tracks.front();
    QCOMPARE(cello.name, u"Violoncello"_s);
    QCOMPARE(cello.program, 42); // <midi-program>43</midi-program> is 1-based
    QCOMPARE(cello.channel, 2);
    const std::vector<tutti::Note> expected = {note(0, 480, 60), note(0, 480, 64), note(0, 480, 67),
                                               note(480, 240, 66), note(1440, 480, 58)};
    QCOMPARE(cello.notes, expected);
    QCOMPARE(score.keySignatures.size(), std::size_t{1});
    QCOMPARE(score.keySignatures.front().sharps, -3);
    QVERIFY(score.keySignatures.front().minor);
    QVERIFY(result.warnings.join(u' ').contains(u"1 cue notes"_s));
}

void TestMusicXml::mergesTiesAcrossBarsAndVoices()
{
    // GIVEN two voices, each tied across bar lines, and an untied repeat of a tied pitch
    // WHEN read
    const tutti::ScoreReadResult result = read(u"ties.musicxml"_s);

    // THEN each tied chain is one note and the repeated note stays separate
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::vector<tutti::Note> expected = {note(0, 2880, 64), note(0, 1440, 72), note(1440, 480, 72)};
    QCOMPARE(result.score.tracks.front().notes, expected);
}

void TestMusicXml::followsBackupAndForward()
{
    // GIVEN voice 2 entering after a <backup> and a <forward>
    // WHEN read
    const tutti::ScoreReadResult result = read(u"voices.musicxml"_s);

    // THEN voice 2 starts mid-bar and the next bar starts after the full bar
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::vector<tutti::Note> expected = {note(0, 480, 79),   note(480, 480, 81), note(960, 960, 62),
                                               note(960, 480, 83), note(1440, 480, 84), note(1920, 1920, 76)};
    QCOMPARE(result.score.tracks.front().notes, expected);
}

void TestMusicXml::convertsDivisionChangesExactly()
{
    // GIVEN divisions of 1, 3 and 7 per quarter in successive bars
    // WHEN read
    const tutti::ScoreReadResult result = read(u"divisions.musicxml"_s);

    // THEN the resolution grows to the least common multiple (3360) and nothing is rounded
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.score.ticksPerQuarter, 3360);
    QVERIFY(!result.warnings.join(u' ').contains(u"rounded"_s));
    const std::vector<tutti::Note> expected = {note(0, 6720, 72),     note(6720, 1120, 74), note(7840, 1120, 76),
                                               note(8960, 1120, 77),  note(10080, 3360, 79), note(13440, 480, 81),
                                               note(13920, 6240, 83)};
    QCOMPARE(result.score.tracks.front().notes, expected);
}

void TestMusicXml::mapsTempoTimeKeyAndDynamics()
{
    // GIVEN a pick-up, a tempo change on the third beat, a change to 6/8 with a metronome
    // mark only, key changes and dynamics on a direction and on a note
    // WHEN read
    const tutti::ScoreReadResult result = read(u"tempotime.musicxml"_s);

    // THEN the maps follow the measures and velocities follow the dynamics
    QVERIFY2(result.ok(), qPrintable(result.error));
    const tutti::Score &score = result.score;
    const std::vector<tutti::TimeSignatureChange> times = {{0, 1, 4}, {480, 3, 4}, {1920, 6, 8}};
    QCOMPARE(score.timeSignatures, times);
    const std::vector<tutti::TempoChange> tempos = {{0, 600000}, {1440, 400000}, {1920, 666667}};
    QCOMPARE(score.tempos, tempos);
    const std::vector<tutti::KeySignatureChange> keys = {{0, 2, false}, {1920, -1, true}};
    QCOMPARE(score.keySignatures, keys);
    // sound dynamics="120" is 120% of forte (90): 108; the note's own dynamics="50": 45
    const std::vector<tutti::Note> expected = {note(0, 480, 69, 80), note(480, 960, 74, 108),
                                               note(1440, 480, 76, 45), note(1920, 1440, 77, 108)};
    QCOMPARE(score.tracks.front().notes, expected);
}

void TestMusicXml::countsSkippedGraceNotes()
{
    // GIVEN two grace notes before a note
    // WHEN read
    const tutti::ScoreReadResult result = read(u"grace.musicxml"_s);

    // THEN only the main note sounds, on the beat, and one warning counts both graces
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::vector<tutti::Note> expected = {note(0, 480, 72)};
    QCOMPARE(result.score.tracks.front().notes, expected);
    QCOMPARE(result.warnings.filter(u"grace"_s).size(), 1);
    QVERIFY(result.warnings.filter(u"grace"_s).front().startsWith(u"2 grace notes"_s));
}

void TestMusicXml::playsRepeatsAndVoltas()
{
    // GIVEN |: 60 61 |1. 62 :|2. 63 | 64 :|(3 times) 65, and a second part of rests
    // WHEN read as written and with repeats played out
    const tutti::ScoreReadResult written = read(u"voltas.musicxml"_s);
    const tutti::ScoreReadResult played = read(u"voltas.musicxml"_s, true);

    // THEN the written order is kept, or the performance order is applied to every part
    QVERIFY2(written.ok(), qPrintable(written.error));
    QVERIFY2(played.ok(), qPrintable(played.error));
    QCOMPARE(pitches(written.score.tracks[0]), (std::vector<int>{60, 61, 62, 63, 64, 65}));
    QCOMPARE(pitches(played.score.tracks[0]), (std::vector<int>{60, 61, 62, 60, 61, 63, 64, 64, 64, 65}));
    const std::vector<tutti::Note> second = {note(0, 480, 48), note(1440, 480, 48), note(4320, 480, 53)};
    QCOMPARE(played.score.tracks[1].notes, second);
    QCOMPARE(played.score.tracks[0].program, 40); // "Violin I", from the name
}

void TestMusicXml::playsJumpsWithinMovements()
{
    // GIVEN a movement ending in D.C. al Fine and a second one with D.S. al Coda
    // WHEN read with repeats played out
    const tutti::ScoreReadResult written = read(u"jumps.musicxml"_s);
    const tutti::ScoreReadResult played = read(u"jumps.musicxml"_s, true);

    // THEN the D.C. returns to its own movement's start and stops at Fine; the D.S. goes to
    // the segno and leaves at To Coda for the coda
    QVERIFY2(played.ok(), qPrintable(played.error));
    QCOMPARE(pitches(written.score.tracks[0]), (std::vector<int>{60, 61, 62, 70, 71, 72, 73, 74}));
    QCOMPARE(pitches(played.score.tracks[0]), (std::vector<int>{60, 61, 62, 60, 61, 70, 71, 72, 73, 71, 72, 74}));
}

void TestMusicXml::keepsAmbiguousRepeatsAsWritten()
{
    // GIVEN two parts whose repeat bar lines contradict each other, and the voltas fixture
    // whose second part leaves the repeats to the first
    const QByteArray contradicting = R"(<?xml version="1.0"?>
<score-partwise version="4.0"><part-list>
<score-part id="P1"><part-name>A</part-name></score-part><score-part id="P2"><part-name>B</part-name></score-part>
</part-list>
<part id="P1"><measure number="1"><attributes><divisions>1</divisions></attributes>
<note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration></note>
<barline location="right"><repeat direction="backward"/></barline></measure>
<measure number="2"><note><pitch><step>D</step><octave>4</octave></pitch><duration>4</duration></note></measure></part>
<part id="P2"><measure number="1"><attributes><divisions>1</divisions></attributes>
<note><pitch><step>E</step><octave>4</octave></pitch><duration>4</duration></note></measure>
<measure number="2"><note><pitch><step>F</step><octave>4</octave></pitch><duration>4</duration></note>
<barline location="right"><repeat direction="backward"/></barline></measure></part>
</score-partwise>)"_ba;
    const tutti::MusicXmlOptions listening = tutti::MusicXmlOptions::forListening();
    // WHEN read as a listener would by default
    const tutti::ScoreReadResult ambiguous = tutti::readMusicXml(contradicting, u"contradicting.musicxml"_s, listening);
    const tutti::ScoreReadResult clear = tutti::readMusicXmlFile(fixture(u"voltas.musicxml"_s), listening);
    tutti::MusicXmlOptions always = listening;
    always.onlyUnambiguousRepeats = false;
    const tutti::ScoreReadResult forced = tutti::readMusicXml(contradicting, u"contradicting.musicxml"_s, always);
    // THEN the contradicting score stays as written and says why; the clear one is played out
    QVERIFY2(ambiguous.ok(), qPrintable(ambiguous.error));
    QCOMPARE(pitches(ambiguous.score.tracks[0]), (std::vector<int>{60, 62}));
    QVERIFY2(ambiguous.playback.startsWith(u"repeats as written, the structure is ambiguous: part 2 (B)"_s),
             qPrintable(ambiguous.playback));
    QCOMPARE(pitches(forced.score.tracks[0]), (std::vector<int>{60, 60, 62}));
    QVERIFY(forced.playback.startsWith(u"repeats played out (1 repeat bar lines)"_s));
    QCOMPARE(pitches(clear.score.tracks[0]), (std::vector<int>{60, 61, 62, 60, 61, 63, 64, 64, 64, 65}));
    QVERIFY2(clear.playback.startsWith(u"repeats played out (2 repeat bar lines, 2 volta endings)"_s),
             qPrintable(clear.playback));
    QCOMPARE(read(u"voltas.musicxml"_s).playback.left(21), u"repeats as written (2"_s);
}

void TestMusicXml::choosesProgramsChannelsAndDrums()
{
    // GIVEN parts with and without MIDI settings, a transposing clarinet and percussion
    // WHEN read
    const tutti::ScoreReadResult result = read(u"instruments.musicxml"_s);

    // THEN programs come from the file, else the names, else piano; percussion is a drum track
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::vector<tutti::Track> &tracks = result.score.tracks;
    QCOMPARE(tracks.size(), std::size_t{5});
    QCOMPARE(tracks[0].program, 40);
    QCOMPARE(tracks[0].channel, 4);
    QCOMPARE(tracks[1].program, 41); // Bratsche
    QCOMPARE(tracks[2].program, 71); // Klarinette
    QCOMPARE(pitches(tracks[2]), std::vector<int>{72}); // written D5 sounds C5
    QCOMPARE(tracks[3].program, 0);
    QCOMPARE(tracks[1].channel, 0);
    QCOMPARE(tracks[2].channel, 1);
    QCOMPARE(tracks[3].channel, 2);
    QVERIFY(tracks[4].isDrum);
    QCOMPARE(tracks[4].channel, 9);
    QCOMPARE(pitches(tracks[4]), (std::vector<int>{38, 79})); // midi-unpitched 39, display G5
    QVERIFY(!tracks[0].isDrum);
}

void TestMusicXml::expandsTremolosOnRequest()
{
    // GIVEN single tremolos on a half-note chord and on an eighth, and a two-note tremolo
    // WHEN read as written and with tremolos played
    const tutti::ScoreReadResult written = read(u"tremolo.musicxml"_s);
    const tutti::ScoreReadResult played = read(u"tremolo.musicxml"_s, false, true);

    // THEN the written notes stay long, or repeat at eighths, 16ths, and alternate at 16ths
    QVERIFY2(played.ok(), qPrintable(played.error));
    const std::vector<tutti::Note> asWritten = {note(0, 960, 67), note(0, 960, 74), note(960, 240, 69),
                                                note(1440, 480, 72), note(1920, 480, 76)};
    QCOMPARE(written.score.tracks.front().notes, asWritten);
    std::vector<tutti::Note> expected;
    for (tutti::Tick start = 0; start < 960; start += 240) {
        expected.push_back(note(start, 240, 67));
        expected.push_back(note(start, 240, 74));
    }
    expected.push_back(note(960, 120, 69));
    expected.push_back(note(1080, 120, 69));
    for (tutti::Tick start = 1440; start < 2400; start += 240) {
        expected.push_back(note(start, 120, 72));
        expected.push_back(note(start + 120, 120, 76));
    }
    QCOMPARE(played.score.tracks.front().notes, expected);
}

void TestMusicXml::guessesProgramsFromNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("program");
    QTest::newRow("violin") << u"Violin I"_s << 40;
    QTest::newRow("violino") << u"Violino 2"_s << 40;
    QTest::newRow("abbreviation") << u"Vln. II"_s << 40;
    QTest::newRow("viola") << u"Viola 2"_s << 41;
    QTest::newRow("bratsche") << u"Bratsche"_s << 41;
    QTest::newRow("violoncello") << u"Violoncello"_s << 42;
    QTest::newRow("cello") << u"Cello"_s << 42;
    QTest::newRow("contrabass") << u"Contrabass"_s << 43;
    QTest::newRow("double bass") << u"Double Bass"_s << 43;
    QTest::newRow("kontrabass") << u"Kontrabass"_s << 43;
    QTest::newRow("flute") << u"Flûte"_s << 73;
    QTest::newRow("floete") << u"Flöte 1"_s << 73;
    QTest::newRow("piccolo") << u"Piccolo Flute"_s << 72;
    QTest::newRow("oboe") << u"Oboe"_s << 68;
    QTest::newRow("cor anglais") << u"Cor anglais"_s << 69;
    QTest::newRow("english horn") << u"English Horn"_s << 69;
    QTest::newRow("clarinet") << u"Clarinet in B♭"_s << 71;
    QTest::newRow("bass clarinet") << u"Bass Clarinet"_s << 71;
    QTest::newRow("fagott") << u"Fagott"_s << 70;
    QTest::newRow("contrabassoon") << u"Contrabassoon"_s << 70;
    QTest::newRow("horn") << u"Horn in F"_s << 60;
    QTest::newRow("french horn") << u"French Horn"_s << 60;
    QTest::newRow("corno") << u"Corno I"_s << 60;
    QTest::newRow("trumpet") << u"Trumpet in C"_s << 56;
    QTest::newRow("trombone") << u"Trombone"_s << 57;
    QTest::newRow("tuba") << u"Tuba"_s << 58;
    QTest::newRow("timpani") << u"Timpani"_s << 47;
    QTest::newRow("harp") << u"Harp"_s << 46;
    QTest::newRow("piano") << u"Pianoforte"_s << 0;
    QTest::newRow("organ") << u"Organ"_s << 19;
    QTest::newRow("guitar") << u"Guitar"_s << 24;
    QTest::newRow("soprano") << u"Soprano"_s << 52;
    QTest::newRow("alto") << u"Alto"_s << 52;
    QTest::newRow("tenor") << u"Tenor 1"_s << 52;
    QTest::newRow("bass voice") << u"Bass"_s << 52;
    QTest::newRow("alto sax") << u"Alto Saxophone"_s << 65;
    QTest::newRow("unknown") << u"Theremin"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestMusicXml::guessesProgramsFromNames()
{
    // GIVEN an instrument or part name
    QFETCH(QString, name);
    QFETCH(int, program);

    // WHEN a program is guessed THEN it is the General MIDI instrument named
    QCOMPARE(tutti::programFromInstrumentName(name), program);
}

void TestMusicXml::readsMxlContainers()
{
    // GIVEN a .mxl whose container names a root file in a folder, and one without container
    // WHEN both are read
    const tutti::ScoreReadResult zipped = read(u"voices.mxl"_s);
    const tutti::ScoreReadResult plain = read(u"voices.musicxml"_s);
    const tutti::ScoreReadResult fallback = read(u"nocontainer.mxl"_s);

    // THEN they hold the same score as the plain files
    QVERIFY2(zipped.ok(), qPrintable(zipped.error));
    QCOMPARE(zipped.score, plain.score);
    QVERIFY2(fallback.ok(), qPrintable(fallback.error));
    QCOMPARE(fallback.score, read(u"chords.musicxml"_s).score);
}

void TestMusicXml::refusesZipBombs_data()
{
    QTest::addColumn<QByteArray>("statedSize"); // the entry's uncompressed size, little-endian
    QTest::addColumn<QString>("problem");
    QTest::newRow("2 GB stated") << "\xff\xff\xff\x7f"_ba << u"more than"_s;
    QTest::newRow("10 bytes stated") << "\x0a\x00\x00\x00"_ba << u"zip error"_s;
}

void TestMusicXml::refusesZipBombs()
{
    // GIVEN an .mxl whose central directory misstates the size the score unpacks to
    QFETCH(QByteArray, statedSize);
    QFETCH(QString, problem);
    QFile source(fixture(u"voices.mxl"_s));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray bytes = source.readAll();
    const QByteArray entry = "score/voices.xml"_ba;
    qsizetype header = -1;
    for (qsizetype at = bytes.indexOf("PK\x01\x02"_ba); at >= 0; at = bytes.indexOf("PK\x01\x02"_ba, at + 1)) {
        if (bytes.mid(at + 46, entry.size()) == entry)
            header = at;
    }
    QVERIFY(header >= 0);
    bytes.replace(header + 24, 4, statedSize);
    QTemporaryDir dir;
    const QString bomb = dir.filePath(u"bomb.mxl"_s);
    QFile out(bomb);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    // WHEN it is read
    const tutti::ScoreReadResult result = tutti::readMusicXmlFile(bomb);

    // THEN it is refused (a 2 GB claim before anything is unpacked), naming the file
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"bomb.mxl"_s) && result.error.contains(problem), qPrintable(result.error));
}

void TestMusicXml::refusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not xml") << u"bad-notxml.musicxml"_s << u"line 1, column"_s;
    QTest::newRow("truncated") << u"bad-truncated.musicxml"_s << u"Premature end of document"_s;
    QTest::newRow("no parts") << u"bad-noparts.musicxml"_s << u"no <part>"_s;
    QTest::newRow("negative duration") << u"bad-negative.musicxml"_s << u"line 7, column"_s;
    QTest::newRow("zero divisions") << u"bad-divisions.musicxml"_s << u"divisions must be"_s;
    QTest::newRow("timewise") << u"bad-timewise.musicxml"_s << u"score-timewise"_s;
    QTest::newRow("broken zip") << u"bad-zip.mxl"_s << u"zip"_s;
    QTest::newRow("missing file") << u"no-such-score.musicxml"_s << u"cannot open"_s;
}

void TestMusicXml::refusesBadInput()
{
    // GIVEN a file that is not a usable MusicXML score
    QFETCH(QString, name);
    QFETCH(QString, problem);

    // WHEN it is read
    const tutti::ScoreReadResult result = read(name);

    // THEN the error names the file and the problem (with line and column for XML)
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(name), qPrintable(result.error));
    QVERIFY2(result.error.contains(problem), qPrintable(result.error));
}

void TestMusicXml::refusesAbsurdBytes()
{
    // GIVEN documents that would need absurd time or memory, and nothing at all
    const QByteArray head = "<score-partwise><part-list><score-part id=\"P1\"/></part-list><part id=\"P1\"><measure>"_ba;
    const QByteArray hugeForward = head + "<forward><duration>1e300</duration></forward></measure></part></score-partwise>"_ba;
    const QByteArray hugeDivisions = head + "<attributes><divisions>1e12</divisions></attributes></measure></part></score-partwise>"_ba;

    // WHEN they are read THEN each fails with a message instead of hanging or crashing
    QVERIFY(tutti::readMusicXml(hugeForward, u"forward.xml"_s).error.contains(u"out of range"_s));
    QVERIFY(tutti::readMusicXml(hugeDivisions, u"divisions.xml"_s).error.contains(u"divisions must be"_s));
    QVERIFY(tutti::readMusicXml({}, u"empty.xml"_s).error.startsWith(u"empty.xml: "_s));
}

void TestMusicXml::readsTheFuzzersFindings()
{
    // GIVEN the inputs fuzzmusicxml found a fault with (tests/data/musicxml-fuzz), e.g. parts
    // whose volta lists are both empty, one of them allocated (undefined behaviour in Qt 6.4's
    // QList<int>::operator==, caught by UBSan)
    const QDir findings(QStringLiteral(TUTTI_TEST_DATA) + u"/musicxml-fuzz"_s);
    const QStringList files = findings.entryList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        QFile file(findings.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // WHEN each is read as written and as played (repeats, jumps and tremolos expanded)
        tutti::MusicXmlOptions played;
        played.expandRepeats = played.expandTremolos = true;
        for (const tutti::MusicXmlOptions &options : {tutti::MusicXmlOptions(), played}) {
            const tutti::ScoreReadResult result = tutti::readMusicXml(bytes, name, options);
            // THEN it fails with a message or gives notes a score can hold
            if (!result.ok()) {
                QVERIFY(!result.error.isEmpty());
                continue;
            }
            for (const tutti::Track &track : result.score.tracks) {
                for (const tutti::Note &note : track.notes)
                    QVERIFY2(note.start >= 0 && note.length >= 1 && note.pitch >= 0 && note.pitch <= 127, qPrintable(name));
            }
        }
    }
}

QTEST_APPLESS_MAIN(TestMusicXml)
#include "testmusicxml.moc"
// end of testmusicxml.cpp
