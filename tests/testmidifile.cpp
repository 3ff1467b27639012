// SPDX-License-Identifier: GPL-3.0-or-later
// testmidifile.cpp — Standard MIDI File reading and writing, checked against hand-made
// bytes, against files from other programs (csvmidi, midicsv, abc2midi) and on the corpora.
#include "io/midifile.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// Hex text to bytes; spaces between byte pairs are for reading only.
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

QByteArray u32(quint32 value)
{
    QByteArray bytes;
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.append(static_cast<char>(value >> shift & 0xFF));
    return bytes;
}

QByteArray chunk(const QByteArray &id, const QByteArray &body)
{
    return id + u32(static_cast<quint32>(body.size())) + body;
}

QByteArray header(int format, int trackCount, int division)
{
    QByteArray body;
    for (const int value : {format, trackCount, division}) {
        body.append(static_cast<char>(value >> 8 & 0xFF));
        body.append(static_cast<char>(value & 0xFF));
    }
    return chunk("MThd"_ba, body);
}

QByteArray smf(int format, int division, const QList<QByteArray> &tracks)
{
    QByteArray bytes = header(format, static_cast<int>(tracks.size()), division);
    for (const QByteArray &track : tracks)
        bytes += chunk("MTrk"_ba, track);
    return bytes;
}

// A track-name meta event at delta 0.
QByteArray name(const QByteArray &text)
{
    return hex("00 FF 03") + static_cast<char>(text.size()) + text;
}

const QByteArray endOfTrack = QByteArray::fromHex("00 FF 2F 00");

// "start+length pitch@velocity" per note: failures print what differs.
QString describe(const std::vector<Note> &notes)
{
    QStringList parts;
    for (const Note &note : notes)
        parts << u"%1+%2 %3@%4"_s.arg(note.start).arg(note.length).arg(note.pitch).arg(note.velocity);
    return parts.join(u", "_s);
}

QString colourText(std::uint32_t colour)
{
    return u"%1"_s.arg(colour, 6, 16, QChar(u'0'));
}

QString describe(const Track &track)
{
    return u"\"%1\" program %2 channel %3%4 volume %5 pan %6%7%8 colour %9: "_s.arg(track.name)
               .arg(track.program)
               .arg(track.channel)
               .arg(track.isDrum ? u" drums"_s : QString())
               .arg(track.volume)
               .arg(track.pan)
               .arg(track.muted ? u" muted"_s : QString())
               .arg(track.soloed ? u" soloed"_s : QString())
               .arg(colourText(track.colour))
           + describe(track.notes);
}

QString describe(const Score &score)
{
    QStringList lines{u"title \"%1\", %2 ticks per quarter"_s.arg(score.title).arg(score.ticksPerQuarter)};
    for (const TempoChange &change : score.tempos)
        lines << u"tempo %1: %2"_s.arg(change.tick).arg(change.microsecondsPerQuarter);
    for (const TimeSignatureChange &change : score.timeSignatures)
        lines << u"time %1: %2/%3"_s.arg(change.tick).arg(change.numerator).arg(change.denominator);
    for (const KeySignatureChange &change : score.keySignatures)
        lines << u"key %1: %2 %3"_s.arg(change.tick).arg(change.sharps).arg(change.minor ? u"minor"_s : u"major"_s);
    for (const Track &track : score.tracks)
        lines << describe(track);
    return lines.join(u'\n');
}

QStringList trackNames(const Score &score)
{
    QStringList names;
    for (const Track &track : score.tracks)
        names << track.name;
    return names;
}

bool anyContains(const QStringList &lines, const QString &text)
{
    return std::any_of(lines.begin(), lines.end(), [&](const QString &line) { return line.contains(text); });
}

// Runs a tool with `input` on stdin and returns its stdout; empty with a failure if it fails.
QByteArray runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << program << "failed:" << process.readAllStandardError();
        return {};
    }
    return process.readAllStandardOutput();
}

// A normalized score using what MIDI holds: shared channels, two drum kits, nearby and
// overlapping repeats of one pitch, and a gap longer than one delta-time can span.
Score roundTripScore()
{
    Score score;
    score.title = u"Round Trip"_s;
    score.ticksPerQuarter = 96;
    score.tempos = {{0, 500000}, {384, 400000}};
    score.timeSignatures = {{0, 4, 4}, {384, 3, 8}};
    score.keySignatures = {{0, -2, false}, {192, 3, true}};
    Track &flute = score.addTrack(u"Flute"_s, 73);
    flute.volume = 90;
    flute.pan = 30;
    flute.notes = {{0, 96, 72, 80}, {96, 96, 72, 81}, {96, 48, 76, 70}, {144, 96, 76, 60},
                   {192, 96, 79, 90}, {240, 96, 79, 91}, {400'000'000, 10, 60, 50}};
    Track &kit = score.addTrack(u"Kit"_s, 0);
    kit.isDrum = true;
    kit.channel = 9;
    kit.notes = {{0, 1, 36, 100}, {0, 1, 42, 90}, {48, 1, 42, 90}};
    Track &brushes = score.addTrack(u"Brushes"_s, 40);
    brushes.isDrum = true;
    brushes.channel = 9;
    brushes.notes = {{96, 24, 38, 70}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.channel = flute.channel;
    cello.volume = 127;
    cello.pan = 0;
    cello.notes = {{0, 192, 48, 64}, {0, 384, 48, 70}, {192, 192, 43, 1}};
    score.normalize();
    return score;
}

} // namespace

class TestMidiFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRunningStatusAndZeroVelocityAsNoteOff()
    {
        // GIVEN a format 0 file: C4 on, off as a running-status note-on of velocity 0,
        // then D4 on by running status and off by a real note-off
        const QByteArray bytes = smf(0, 480, {hex("00 90 3C 64  83 60 3C 00  00 3E 50  83 60 80 3E 40") + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN both notes come back at the file's resolution, on one piano track
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score.ticksPerQuarter, 480);
        QCOMPARE(result.score.tracks.size(), std::size_t(1));
        QCOMPARE(result.score.tracks[0].name, u"Acoustic Grand Piano"_s);
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+480 60@100, 480+480 62@80"_s);
        QVERIFY(result.warnings.isEmpty());
    }

    void splitsFormat0ByChannel()
    {
        // GIVEN a named format 0 file playing a violin (channel 1), a cello (2) and drums (10)
        const QByteArray track = name("My Song")
                                 + hex("00 C0 28  00 C1 2A  00 90 43 50  00 91 30 50  00 99 24 64"
                                       "83 60 80 43 00  00 81 30 00  00 89 24 00")
                                 + endOfTrack;
        const QByteArray bytes = smf(0, 480, {track});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the name titles the score and each channel becomes its own track
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score.title, u"My Song"_s);
        QCOMPARE(result.score.tracks.size(), std::size_t(3));
        QCOMPARE(describe(result.score.tracks[0]),
                 u"\"Violin\" program 40 channel 0 volume 100 pan 64 colour %1: 0+480 67@80"_s.arg(
                     colourText(defaultTrackColour(0))));
        QCOMPARE(describe(result.score.tracks[1]),
                 u"\"Cello\" program 42 channel 1 volume 100 pan 64 colour %1: 0+480 48@80"_s.arg(
                     colourText(defaultTrackColour(1))));
        // AND channel 10 is a drum track
        QCOMPARE(describe(result.score.tracks[2]),
                 u"\"Drums\" program 0 channel 9 drums volume 100 pan 64 colour %1: 0+480 36@100"_s.arg(
                     colourText(defaultTrackColour(2))));
    }

    void splitsAChannelThatChangesProgramBetweenNotes()
    {
        // GIVEN one track on channel 1: piano (set before any note), violin, piano again
        const QByteArray bytes = smf(1, 480, {endOfTrack, hex("00 C0 00  00 90 3C 64  83 60 80 3C 00"
                                                               "00 C0 28  00 90 3E 64  83 60 80 3E 00"
                                                               "00 C0 00  00 90 40 64  83 60 80 40 00")
                                                           + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the violin notes form their own track and the piano notes stay together
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(trackNames(result.score), (QStringList{u"Acoustic Grand Piano"_s, u"Violin"_s}));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+480 60@100, 960+480 64@100"_s);
        QCOMPARE(describe(result.score.tracks[1].notes), u"480+480 62@100"_s);
        QCOMPARE(result.score.tracks[1].program, 40);
    }

    void pairsOverlappingNotesFirstOnFirstOff()
    {
        // GIVEN C4 struck at 0 and again at 240 (no off between), then two offs at 480 and 720
        const QByteArray bytes = smf(0, 480, {hex("00 90 3C 64  81 70 90 3C 5A  81 70 80 3C 00  81 70 80 3C 00")
                                              + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the first off ends the first note and the second the second
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+480 60@100, 240+480 60@90"_s);
        // AND a warning says how they were paired
        QVERIFY(anyContains(result.warnings, u"track 1: 1 note began while the same pitch was sounding"_s));
    }

    void endsNotesStillSoundingAtTheTrackEnd()
    {
        // GIVEN E4 that is never released in a track ending at 960, and a drum hit whose
        // off comes at the tick of its on
        const QByteArray bytes = smf(0, 480, {hex("00 90 3C 64  00 90 40 64  00 99 24 64  00 89 24 00"
                                                  "83 60 80 3C 00  83 60 FF 2F 00")});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN E4 lasts to the end of the track and the drum hit one tick, each with a warning
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+480 60@100, 0+960 64@100"_s);
        QCOMPARE(describe(result.score.tracks[1].notes), u"0+1 36@100"_s);
        QVERIFY(anyContains(result.warnings,
                            u"song.mid: byte 48: track 1: ended 1 note still sounding at the end of the track"_s));
        QVERIFY(anyContains(result.warnings,
                            u"song.mid: byte 48: track 1: lengthened 1 note to one tick"_s));
    }

    void skipsSysexAndOtherEventsItDoesNotKeep()
    {
        // GIVEN aftertouch, pitch bend, channel pressure and a sustain CC, then C4 on; sysex,
        // an escaped sysex, text, channel prefix, sequencer-specific and unknown meta events;
        // then C4 off by running status across all of them
        const QByteArray bytes = smf(0, 480, {hex("00 A0 3C 10  00 E0 00 40  00 D0 20  00 B0 40 7F  00 90 3C 64"
                                                  "00 F0 05 7E 7F 09 01 F7  00 F7 02 F3 01  00 FF 01 03 61 62 63"
                                                  "00 FF 20 01 00  00 FF 7F 03 00 00 41  00 FF 60 00  83 60 3C 00")
                                              + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN only the note remains, without complaint
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+480 60@100"_s);
        QCOMPARE(result.warnings, QStringList());
    }

    void readsTempoTimeAndKeySignatures()
    {
        // GIVEN a conductor track: 120 BPM, 3/4, C minor (3 flats); at 1920: 100 BPM, 6/8, G major
        const QByteArray conductor = hex("00 FF 51 03 07 A1 20  00 FF 58 04 03 02 18 08  00 FF 59 02 FD 01"
                                         "8F 00 FF 51 03 09 27 C0  00 FF 58 04 06 03 18 08  00 FF 59 02 01 00")
                                     + endOfTrack;
        const QByteArray bytes = smf(1, 480, {conductor, hex("00 90 3C 64  9E 00 80 3C 00") + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the maps hold both settings
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score).section(u'\n', 0, 6), u"title \"\", 480 ticks per quarter\n"
                                                               "tempo 0: 500000\ntempo 1920: 600000\n"
                                                               "time 0: 3/4\ntime 1920: 6/8\n"
                                                               "key 0: -3 minor\nkey 1920: 1 major"_s);
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+3840 60@100"_s);
    }

    void warnsAboutMetaEventsItCannotUse()
    {
        // GIVEN a tempo with two data bytes, a 4/128 time signature and a key of 8 sharps
        const QByteArray bytes = smf(0, 480, {hex("00 FF 51 02 07 A1  00 FF 58 04 04 07 18 08  00 FF 59 02 08 00"
                                                  "00 90 3C 64  83 60 80 3C 00")
                                              + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN each is ignored with a warning naming where it stands
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.score.tempos.empty());
        QVERIFY(result.score.timeSignatures.empty());
        QVERIFY(result.score.keySignatures.empty());
        QCOMPARE(result.warnings, (QStringList{u"song.mid: byte 25: track 1: ignored a tempo event with 2 data bytes"_s,
                                               u"song.mid: byte 31: track 1: ignored time signature 4/2^7"_s,
                                               u"song.mid: byte 39: track 1: ignored key signature 8 0"_s}));
    }

    void namesTracks()
    {
        // GIVEN a conductor track with two names, a named flute, two nameless violins and a
        // named track with a program change but no notes
        const QByteArray bytes = smf(1, 480, {name("Title") + name("Ignored") + endOfTrack,
                                              name("Melody") + hex("00 C0 49  00 90 48 64  83 60 80 48 00")
                                                  + endOfTrack,
                                              hex("00 C1 28  00 91 43 64  83 60 81 43 00") + endOfTrack,
                                              hex("00 C2 28  00 92 40 64  83 60 82 40 00") + endOfTrack,
                                              name("Empty") + hex("00 C3 05") + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the conductor's first name is the title, the empty track is gone, and the
        // violins are numbered
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score.title, u"Title"_s);
        QCOMPARE(trackNames(result.score), (QStringList{u"Melody"_s, u"Violin 1"_s, u"Violin 2"_s}));
        QCOMPARE(result.score.tracks[0].program, 73);
    }

    void decodesNamesAsUtf8ElseLatin1()
    {
        // GIVEN one track named "Flûte" in UTF-8 and one named "Clé" in Latin-1, padded
        const QByteArray bytes = smf(1, 480, {endOfTrack,
                                              name("Fl\xC3\xBBte ") + hex("00 90 48 64  83 60 80 48 00") + endOfTrack,
                                              name(" Cl\xE9"_ba + '\0') + hex("00 91 43 64  83 60 81 43 00")
                                                  + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN both names read as written, trimmed
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(trackNames(result.score), (QStringList{u"Flûte"_s, u"Clé"_s}));
    }

    void takesTheFirstVolumeAndPan()
    {
        // GIVEN channel 1 with volume 80, pan 32, then volume 127; channel 2 with neither
        const QByteArray bytes = smf(0, 480, {hex("00 B0 07 50  00 B0 0A 20  00 B0 07 7F  00 90 3C 64  83 60 80 3C 00"
                                                  "00 91 3C 64  83 60 81 3C 00")
                                              + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the first values count, and GM's defaults fill in
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score.tracks[0].volume, 80);
        QCOMPARE(result.score.tracks[0].pan, 32);
        QCOMPARE(result.score.tracks[1].volume, 100);
        QCOMPARE(result.score.tracks[1].pan, 64);
    }

    void takesChannelSetupFromTracksThatDoNotPlayOnIt()
    {
        // GIVEN a conductor track setting channel 1 to violin, volume 90, pan 16; a track
        // playing on channel 1 without its own setup; and one that sets cello and volume 64
        const QByteArray bytes = smf(1, 480, {hex("00 C0 28  00 B0 07 5A  00 B0 0A 10") + endOfTrack,
                                              hex("00 90 43 64  83 60 80 43 00") + endOfTrack,
                                              hex("00 C0 2A  00 B0 07 40  00 90 30 64  83 60 80 30 00") + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"song.mid"_s);
        // THEN the first takes the conductor's setup and the second keeps its own
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(trackNames(result.score), (QStringList{u"Violin"_s, u"Cello"_s}));
        QCOMPARE(result.score.tracks[0].volume, 90);
        QCOMPARE(result.score.tracks[1].volume, 64);
        QCOMPARE(result.score.tracks[1].pan, 16);
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const QByteArray &bytes, const QString &problem) {
            QTest::newRow(name) << bytes << u"bad.mid: "_s + problem;
        };
        const QByteArray head = header(1, 1, 480); // 14 bytes; a first track's body starts at byte 22
        const auto track = [&](const char *body) -> QByteArray { return head + chunk("MTrk"_ba, hex(body)); };
        const QString notMidi = u"byte 0: not a Standard MIDI File (it does not start with \"MThd\")"_s;
        row("empty", QByteArray(), notMidi);
        row("random bytes", hex("8A 1F 00 C3 77 52 E9 04 11 90 3C 64"), notMidi);
        row("header cut short", "MThd"_ba + hex("00 00 00 06 00 01"),
            u"byte 4: header chunk declares 6 bytes but only 2 remain"_s);
        row("header too small", "MThd"_ba + hex("00 00 00 02 00 01"),
            u"byte 4: header chunk declares 2 bytes; at least 6 are needed"_s);
        row("format 3", header(3, 1, 480), u"byte 8: unknown format 3; only formats 0, 1 and 2 are MIDI files"_s);
        row("SMPTE", header(1, 1, 0xE728),
            u"byte 12: SMPTE time division (25 frames per second) is not supported; only ticks per quarter note"_s);
        row("zero division", header(1, 1, 0), u"byte 12: time division of 0 ticks per quarter note"_s);
        row("absurd track length", head + "MTrk"_ba + u32(4000000000u) + endOfTrack,
            u"byte 18: track 1 declares 4000000000 bytes but only 4 remain"_s);
        row("absurd chunk length", head + "JUNK"_ba + u32(0xFFFFFFFFu),
            u"byte 18: chunk \"JUNK\" declares 4294967295 bytes but only 0 remain"_s);
        row("missing track", header(1, 2, 480) + chunk("MTrk"_ba, endOfTrack),
            u"byte 26: the file ends after 1 of the 2 tracks its header declares"_s);
        row("chunk header cut short", head + "MTr"_ba, u"byte 14: chunk header cut short: 3 of 8 bytes remain"_s);
        row("event cut short", track("00 90 3C"), u"byte 25: track 1: cut short: needs 1 byte but only 0 left"_s);
        row("delta cut short", track("00 90 3C 40 83"),
            u"byte 27: track 1: cut short: needs 1 byte but only 0 left"_s);
        row("five-byte delta", track("FF FF FF FF 00 90 3C 40"),
            u"byte 22: track 1: variable-length number longer than 4 bytes"_s);
        row("no running status", track("00 3C 40"),
            u"byte 23: track 1: data byte 0x3C with no running status to continue"_s);
        row("meta too long", track("00 FF 03 10 41"),
            u"byte 25: track 1: meta event 0x03 declares 16 bytes but only 1 remain"_s);
        row("sysex too long", track("00 F0 7F 00"),
            u"byte 23: track 1: system exclusive event declares 127 bytes but only 1 remain"_s);
        row("system message without its data", track("00 F2 40 90 3C 40"),
            u"byte 25: track 1: expected a data byte (below 0x80) but found 0x90"_s);
        row("last track far too short", head + "MTrk"_ba + u32(4 + 17) + endOfTrack,
            u"byte 18: track 1 declares 21 bytes but only 4 remain"_s);
        row("short track before the last", header(1, 2, 480) + "MTrk"_ba + u32(5) + endOfTrack,
            u"byte 18: track 1 declares 5 bytes but only 4 remain"_s);
        row("status as data", track("00 90 3C 90 40"),
            u"byte 25: track 1: expected a data byte (below 0x80) but found 0x90"_s);
    }

    void rejectsBadInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        // WHEN malformed bytes are read
        const ScoreReadResult result = readMidi(bytes, u"bad.mid"_s);
        // THEN the error names the file, the byte and the problem
        QCOMPARE(result.error, error);
        QVERIFY(!result.ok());
    }

    void skipsSystemMessagesInsideATrack_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QString>("skipped");
        // As the public test suites place them: after a delta time, where an event belongs.
        QTest::newRow("F1 xx") << hex("00 F1 7F") << u"1 system message that belong on a MIDI cable, not in a file: "
                                                     "1 × 0xF1 time code quarter frame"_s;
        QTest::newRow("F2 xx xx") << hex("00 F2 7F 7F") << u"1 × 0xF2 song position"_s;
        QTest::newRow("F3 xx") << hex("00 F3 01") << u"1 × 0xF3 song select"_s;
        for (const char *status : {"F4", "F5", "F9", "FD"})
            QTest::addRow("%s", status) << QByteArray::fromHex(QByteArray("00 ") + QByteArray(status))
                                        << u"1 × 0x%1 undefined"_s.arg(QLatin1StringView(status));
        QTest::newRow("F6") << hex("00 F6") << u"1 × 0xF6 tune request"_s;
        QTest::newRow("F8") << hex("00 F8") << u"1 × 0xF8 timing clock"_s;
        QTest::newRow("FA FB FC") << hex("00 FA 00 FB 00 FC 00 FA")
                                  << u"4 system messages that belong on a MIDI cable, not in a file: "
                                     "2 × 0xFA start, 1 × 0xFB continue, 1 × 0xFC stop"_s;
        QTest::newRow("FE") << hex("00 FE") << u"1 × 0xFE active sensing"_s;
        QTest::newRow("all together") << hex("00 F1 7F 00 F2 7F 7F 00 F3 7F 00 F4 00 F5 00 F6 00 F8 00 F9 00 FA"
                                             "00 FB 00 FC 00 FD 00 FE")
                                      << u"13 system messages that belong on a MIDI cable, not in a file: "
                                         "1 × 0xF1 time code quarter frame, 1 × 0xF2 song position, 1 × 0xF3 song "
                                         "select, 1 × 0xF4 undefined, 1 × 0xF5 undefined, 1 × 0xF6 tune request, "
                                         "1 × 0xF8 timing clock, 1 × 0xF9 undefined, 1 × 0xFA start, "
                                         "1 × 0xFB continue, 1 × 0xFC stop, 1 × 0xFD undefined, 1 × 0xFE active "
                                         "sensing"_s;
    }

    void skipsSystemMessagesInsideATrack()
    {
        QFETCH(QByteArray, messages);
        QFETCH(QString, skipped);
        // GIVEN C4 sounding, the messages, then C4 off and D4 by running status
        const QByteArray bytes = smf(0, 96, {hex("00 90 3C 64") + messages + hex("60 3C 00  00 3E 64  60 3E 00")
                                             + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"clock.mid"_s);
        // THEN the notes around the messages are all there
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+96 60@100, 96+96 62@100"_s);
        // AND one warning, at the first message, says what was skipped
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings[0].startsWith(u"clock.mid: byte 27: skipped "_s), qPrintable(result.warnings[0]));
        QVERIFY2(result.warnings[0].contains(skipped), qPrintable(result.warnings[0]));
    }

    void readsALastTrackCutShort_data()
    {
        QTest::addColumn<int>("missing");
        QTest::addColumn<QString>("notes");
        // the track: C4, D4, E4, each 96 ticks, then end-of-track (4 bytes)
        QTest::newRow("end-of-track's length byte") << 1 << u"0+96 60@100, 96+96 62@100, 192+96 64@100"_s;
        QTest::newRow("whole end-of-track") << 4 << u"0+96 60@100, 96+96 62@100, 192+96 64@100"_s;
        QTest::newRow("E4's off velocity") << 5 << u"0+96 60@100, 96+96 62@100, 192+1 64@100"_s;
        QTest::newRow("E4's off but its delta") << 7 << u"0+96 60@100, 96+96 62@100, 192+1 64@100"_s;
    }

    void readsALastTrackCutShort()
    {
        QFETCH(int, missing);
        QFETCH(QString, notes);
        // GIVEN a format 1 file whose last track lacks `missing` of the bytes its header declares
        const QByteArray full = smf(1, 96, {name("Tempo") + endOfTrack,
                                            hex("00 90 3C 64 60 80 3C 40  00 90 3E 64 60 80 3E 40"
                                                "00 90 40 64 60 80 40 40")
                                                + endOfTrack});
        const QByteArray bytes = full.chopped(missing);
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"cut.mid"_s);
        // THEN the complete events are kept (E4 whose off is lost ends with the track)
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score.tracks[0].notes), notes);
        // AND the first warning says the track was cut short
        QVERIFY(!result.warnings.isEmpty());
        QCOMPARE(result.warnings[0], u"cut.mid: byte 39: track 2 declares 28 bytes but only %1 remain; its events "
                                     "were read up to the last complete one"_s.arg(28 - missing));
    }

    void playsFormat2SequencesOneAfterAnother()
    {
        // GIVEN a format 2 file: a sequence of C4 (a half note, at 100 BPM) and a sequence of a
        // rest, then E4 and G4 together, in 3/4
        const QByteArray bytes = smf(2, 96, {hex("00 FF 51 03 09 27 C0  00 90 3C 64  81 40 80 3C 00") + endOfTrack,
                                             hex("00 FF 58 04 03 02 18 08  60 91 40 64  00 92 43 64"
                                                 "60 81 40 00  00 82 43 00")
                                                 + endOfTrack});
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"seq.mid"_s);
        // THEN the second sequence starts where the first ended, with its own metre
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score).section(u'\n', 0, 3),
                 u"title \"\", 96 ticks per quarter\ntempo 0: 600000\ntime 0: 4/4\ntime 192: 3/4"_s);
        QCOMPARE(result.score.tracks.size(), std::size_t(3));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+192 60@100"_s);
        QCOMPARE(describe(result.score.tracks[1].notes), u"288+96 64@100"_s);
        QCOMPARE(describe(result.score.tracks[2].notes), u"288+96 67@100"_s);
        // AND a warning says how the sequences were joined
        QCOMPARE(result.warnings,
                 QStringList{u"seq.mid: byte 8: format 2 file: its 2 independent sequences play one after another"_s});
    }

    void toleratesUnknownChunksAndTrailingBytes()
    {
        // GIVEN an unknown chunk before the track, a track without end-of-track, and 8 bytes
        // of rubbish after it
        const QByteArray bytes = header(1, 1, 480) + chunk("XFIH"_ba, hex("01 02 03 04"))
                                 + chunk("MTrk"_ba, hex("00 90 3C 64  83 60 80 3C 00")) + "garbage!"_ba;
        // WHEN it is read
        const ScoreReadResult result = readMidi(bytes, u"odd.mid"_s);
        // THEN the note is read and each oddity is a warning with its offset
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score.tracks[0].notes), u"0+480 60@100"_s);
        QCOMPARE(result.warnings, (QStringList{u"odd.mid: byte 14: skipped unknown chunk \"XFIH\" (4 bytes)"_s,
                                               u"odd.mid: byte 43: track 1: no end-of-track event"_s,
                                               u"odd.mid: byte 43: ignored 8 bytes after the last track"_s}));
    }

    void readsACommittedFixture()
    {
        // GIVEN tests/data/midi/conductor-and-two-parts.mid, made by csvmidi from the .csv
        // beside it: running status, sysex, text events, note-offs with release velocity
        const QString path = QStringLiteral(TUTTI_TEST_DATA "/midi/conductor-and-two-parts.mid");
        const ScoreReadResult result = readMidiFile(path);
        // THEN the score holds its maps and both parts
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score),
                 u"title \"Fixture Piece\", 240 ticks per quarter\n"
                 "tempo 0: 600000\ntempo 720: 450000\ntime 0: 3/4\nkey 0: 2 major\n"
                 "\"Oboe part\" program 68 channel 0 volume 110 pan 40 colour %1: "
                 "0+240 74@80, 240+240 76@81, 480+240 78@82, 720+720 79@83\n"
                 "\"Clarinet\" program 71 channel 2 volume 100 pan 64 colour %2: "
                 "0+720 50@70, 0+720 57@70, 720+720 45@75"_s
                     .arg(colourText(defaultTrackColour(0)), colourText(defaultTrackColour(1))));
        QCOMPARE(result.warnings, QStringList());
    }

    void roundTripsANormalizedScore()
    {
        // GIVEN a normalized score within what MIDI holds
        const Score score = roundTripScore();
        // WHEN it is written and read back
        const ScoreReadResult result = readMidi(writeMidi(score), u"trip.mid"_s);
        // THEN every value is the same
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(describe(result.score), describe(score));
        QVERIFY(result.score == score);
        // AND the only warnings are about the overlapping flute and cello notes
        QCOMPARE(result.warnings.size(), 2);
        QVERIFY(result.warnings[0].contains(u"track 2: 1 note began while the same pitch was sounding"_s));
        QVERIFY(result.warnings[1].contains(u"track 5: 1 note began while the same pitch was sounding"_s));
    }

    void roundTripDropsWhatMidiDoesNotHold()
    {
        // GIVEN tracks that are muted, soloed and coloured, an empty one, two of one name,
        // and a nameless horn
        Score score;
        Track &first = score.addTrack(u"Horn"_s, 60);
        first.muted = true;
        first.soloed = true;
        first.colour = 0x123456;
        first.notes = {{0, 96, 60, 80}};
        score.addTrack(u"Silent"_s, 0);
        score.addTrack(u"Horn"_s, 60).notes = {{0, 96, 64, 80}};
        score.addTrack(QString(), 60).notes = {{0, 96, 67, 80}};
        score.normalize();
        // WHEN it is written and read back
        const ScoreReadResult result = readMidi(writeMidi(score), u"trip.mid"_s);
        // THEN mute, solo and colour are the defaults, the empty track is gone, and names
        // are made distinct
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(trackNames(result.score), (QStringList{u"Horn 1"_s, u"Horn 2"_s, u"French Horn"_s}));
        QVERIFY(!result.score.tracks[0].muted && !result.score.tracks[0].soloed);
        QCOMPARE(result.score.tracks[0].colour, defaultTrackColour(0));
        QCOMPARE(describe(result.score.tracks[1].notes), u"0+96 64@80"_s);
    }

    void writerClampsWhatMidiCannotHold()
    {
        // GIVEN a score at 100000 ticks per quarter with a pitch of 200, a velocity of 0,
        // channel 20, and a 3/5 time signature
        Score score;
        score.ticksPerQuarter = 100000;
        score.timeSignatures = {{0, 3, 5}};
        Track &track = score.addTrack(u"Odd"_s, 0);
        track.channel = 20;
        track.notes = {{100000, 50000, 200, 0}};
        // WHEN it is written and read back
        const ScoreReadResult result = readMidi(writeMidi(score), u"odd.mid"_s);
        // THEN the file is valid, with each value at the nearest MIDI can hold
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score.ticksPerQuarter, 32767);
        QCOMPARE(describe(result.score.tracks[0].notes), u"32767+16384 127@1"_s);
        QCOMPARE(result.score.tracks[0].channel, 15);
        QCOMPARE(describe(result.score).section(u'\n', 1, 1), u"time 0: 3/4"_s);
    }

    void writesFilesAtomically()
    {
        // GIVEN a score and a folder
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const Score score = roundTripScore();
        const QString path = folder.filePath(u"out.mid"_s);
        // WHEN it is saved and read back
        QCOMPARE(writeMidiFile(score, path), QString());
        const ScoreReadResult result = readMidiFile(path);
        // THEN the file holds the score and no temporary file is left behind
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.score == score);
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{u"out.mid"_s});
        // AND saving where no folder exists says so
        const QString missing = folder.filePath(u"no/such/out.mid"_s);
        QVERIFY(writeMidiFile(score, missing).startsWith(missing + u": cannot write: "_s));
    }

    void readsWhatCsvmidiWrites()
    {
        const QString csvmidi = QStandardPaths::findExecutable(u"csvmidi"_s);
        if (csvmidi.isEmpty())
            QSKIP("csvmidi (Debian package midicsv) is not installed");
        // GIVEN a format 0 song in CSV: violin, cello and drums on three channels, a tempo
        // change, and note-offs written both ways
        const QByteArray csv = "0, 0, Header, 0, 1, 96\n"
                               "1, 0, Start_track\n"
                               "1, 0, Title_t, \"Csv Song\"\n"
                               "1, 0, Tempo, 500000\n"
                               "1, 0, Program_c, 0, 40\n"
                               "1, 0, Program_c, 1, 42\n"
                               "1, 0, Note_on_c, 0, 67, 90\n"
                               "1, 0, Note_on_c, 1, 48, 70\n"
                               "1, 0, Note_on_c, 9, 36, 100\n"
                               "1, 24, Note_on_c, 9, 36, 0\n"
                               "1, 48, Note_on_c, 0, 67, 0\n"
                               "1, 48, Note_on_c, 0, 69, 91\n"
                               "1, 96, Tempo, 400000\n"
                               "1, 96, Note_off_c, 0, 69, 0\n"
                               "1, 96, Note_on_c, 0, 71, 92\n"
                               "1, 192, Note_on_c, 0, 71, 0\n"
                               "1, 192, Note_on_c, 1, 48, 0\n"
                               "1, 192, End_track\n"
                               "0, 0, End_of_file\n"_ba;
        // WHEN csvmidi encodes it, with running status and (-x) without
        const QByteArray compressed = runTool(csvmidi, {u"-z"_s}, csv);
        const QByteArray plain = runTool(csvmidi, {u"-z"_s, u"-x"_s}, csv);
        QVERIFY(!compressed.isEmpty() && !plain.isEmpty());
        QVERIFY2(compressed.size() < plain.size(), "csvmidi should have used running status");
        // THEN both read as the same three tracks, tempo map and title
        for (const QByteArray &bytes : {compressed, plain}) {
            const ScoreReadResult result = readMidi(bytes, u"csv.mid"_s);
            QVERIFY2(result.ok(), qPrintable(result.error));
            QCOMPARE(result.score.title, u"Csv Song"_s);
            QCOMPARE(result.score.ticksPerQuarter, 96);
            QCOMPARE(describe(result.score).section(u'\n', 1, 2), u"tempo 0: 500000\ntempo 96: 400000"_s);
            QCOMPARE(trackNames(result.score), (QStringList{u"Violin"_s, u"Cello"_s, u"Drums"_s}));
            QCOMPARE(describe(result.score.tracks[0].notes), u"0+48 67@90, 48+48 69@91, 96+96 71@92"_s);
            QCOMPARE(describe(result.score.tracks[1].notes), u"0+192 48@70"_s);
            QCOMPARE(describe(result.score.tracks[2].notes), u"0+24 36@100"_s);
            QVERIFY(result.score.tracks[2].isDrum);
        }
    }

    void midicsvListsExactlyTheNotesWeWrote()
    {
        const QString midicsv = QStandardPaths::findExecutable(u"midicsv"_s);
        if (midicsv.isEmpty())
            QSKIP("midicsv (Debian package midicsv) is not installed");
        // GIVEN the round-trip score, written by us
        const Score score = roundTripScore();
        // WHEN midicsv decodes it
        const QByteArray csv = runTool(midicsv, {u"-"_s}, writeMidi(score));
        QVERIFY(!csv.isEmpty());
        // THEN it sees format 1 with a conductor track and one track per Score track ...
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.value(0), "0, 0, Header, 1, 5, 96"_ba);
        QVERIFY(csv.contains("1, 0, Title_t, \"Round Trip\"\n"));
        QVERIFY(csv.contains("1, 0, Tempo, 500000\n1, 0, Time_signature, 4, 2, 24, 8\n"));
        QVERIFY(csv.contains("2, 0, Program_c, 0, 73\n2, 0, Control_c, 0, 7, 90\n2, 0, Control_c, 0, 10, 30\n"));
        // ... and exactly our notes, each off before any on at the same tick of its track
        QStringList expected;
        for (std::size_t i = 0; i < score.tracks.size(); ++i) {
            const Track &track = score.tracks[i];
            for (const Note &note : track.notes) {
                expected << u"%1, %2, Note_on_c, %3, %4, %5"_s.arg(i + 2).arg(note.start).arg(track.channel)
                                .arg(note.pitch).arg(note.velocity);
                expected << u"%1, %2, Note_off_c, %3, %4, 0"_s.arg(i + 2).arg(note.start + note.length)
                                .arg(track.channel).arg(note.pitch);
            }
        }
        QStringList listed;
        QString lastOn; // "track, tick" of the latest note-on
        for (const QByteArray &line : lines) {
            const QString text = QString::fromUtf8(line);
            const QString where = text.section(u", "_s, 0, 1);
            if (text.contains(u"Note_on_c"_s))
                lastOn = where;
            else if (text.contains(u"Note_off_c"_s))
                QVERIFY2(where != lastOn, qPrintable(u"note-off after a note-on at "_s + where));
            else
                continue;
            listed << text;
        }
        expected.sort();
        listed.sort();
        QCOMPARE(listed, expected);
    }

    void readsWhatAbc2midiWrites()
    {
        const QString abc2midi = QStandardPaths::findExecutable(u"abc2midi"_s);
        if (abc2midi.isEmpty())
            QSKIP("abc2midi (Debian package abcmidi) is not installed");
        // GIVEN a tune in D major with a sharpened G and a naturalised C, in eighths
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QFile abc(folder.filePath(u"tune.abc"_s));
        QVERIFY(abc.open(QIODevice::WriteOnly));
        abc.write("X:1\nT:Little Tune\nM:4/4\nL:1/8\nQ:1/4=100\nK:D\nDEF^G A2 =c2|d4 z4|]\n");
        abc.close();
        // WHEN abc2midi turns it into MIDI and we read that
        const QString midiPath = folder.filePath(u"tune.mid"_s);
        runTool(abc2midi, {abc.fileName(), u"-o"_s, midiPath, u"-silent"_s});
        const ScoreReadResult result = readMidiFile(midiPath);
        // THEN the title, tempo, key and notes are the tune's
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.score.title, u"Little Tune"_s);
        QCOMPARE(result.score.tempos.front().microsecondsPerQuarter, 600000);
        QCOMPARE(result.score.keySignatures.front().sharps, 2);
        QCOMPARE(result.score.tracks.size(), std::size_t(1));
        const std::vector<Note> &notes = result.score.tracks[0].notes;
        const std::array<int, 7> pitches = {62, 64, 66, 68, 69, 72, 74};
        const std::array<int, 7> eighths = {1, 1, 1, 1, 2, 2, 4};
        QCOMPARE(notes.size(), pitches.size());
        // abc2midi starts each note a tick late and ends it a tick early; allow two ticks
        const Tick eighth = result.score.ticksPerQuarter / 2;
        Tick start = 0;
        for (std::size_t i = 0; i < notes.size(); ++i) {
            QCOMPARE(notes[i].pitch, pitches[i]);
            QVERIFY2(std::abs(notes[i].start - start) <= 2, qPrintable(describe(notes)));
            QVERIFY2(std::abs(notes[i].length - eighths[i] * eighth) <= 2, qPrintable(describe(notes)));
            start += eighths[i] * eighth;
        }
    }

    void readsEveryCorpusFile()
    {
        const QDir shared(QStringLiteral(TUTTI_SHARED_DATA));
        if (!shared.exists())
            QSKIP("no shared training data beside the checkout");
        // GIVEN every .mid in both corpora
        QElapsedTimer timer;
        timer.start();
        int files = 0;
        qsizetype warnings = 0;
        QDirIterator it(shared.path(), {u"*.mid"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // WHEN each is read
            const ScoreReadResult result = readMidiFile(path);
            // THEN none fails, each has notes, no more than its bytes allow (an on and an
            // off take at least six), at the resolution its exporter uses
            QVERIFY2(result.ok(), qPrintable(result.error));
            const std::size_t notes = result.score.noteCount();
            QVERIFY2(notes > 0 && notes * 6 <= std::size_t(it.fileInfo().size()), qPrintable(path));
            const int expectedResolution = path.contains(u"/openscore-quartets/"_s) ? 480 : 384;
            QVERIFY2(result.score.ticksPerQuarter == expectedResolution, qPrintable(path));
            ++files;
            warnings += result.warnings.size();
        }
        QVERIFY(files > 0);
        qInfo("%d files read in %lld ms, %lld warnings", files, timer.elapsed(), static_cast<long long>(warnings));
    }

    void quartetPartsGetNumberedInstrumentNames()
    {
        // GIVEN a MuseScore quartet export: empty names, programs 40, 40, 41, 42
        QDirIterator it(QStringLiteral(TUTTI_SHARED_DATA "/openscore-quartets/midi"), {u"*.mid"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        if (!it.hasNext())
            QSKIP("no quartet corpus beside the checkout");
        // WHEN one is read
        const ScoreReadResult result = readMidiFile(it.next());
        // THEN the parts are named after their instruments
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(trackNames(result.score), (QStringList{u"Violin 1"_s, u"Violin 2"_s, u"Viola"_s, u"Cello"_s}));
    }

    void countsNotesAsMidicsvDoes()
    {
        const QString midicsv = QStandardPaths::findExecutable(u"midicsv"_s);
        const QDir mutopia(QStringLiteral(TUTTI_SHARED_DATA "/mutopia/midi"));
        if (midicsv.isEmpty() || !mutopia.exists())
            QSKIP("needs midicsv and the shared Mutopia corpus");
        // GIVEN a few Mutopia files (LilyPond's MIDI), and midicsv's count of note-ons
        const QStringList files = mutopia.entryList({u"*.mid"_s}, QDir::Files, QDir::Name).mid(0, 5);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            const QString path = mutopia.filePath(file);
            QFile midi(path);
            QVERIFY(midi.open(QIODevice::ReadOnly));
            const QByteArray csv = runTool(midicsv, {u"-"_s}, midi.readAll());
            qsizetype noteOns = 0;
            for (const QByteArray &line : csv.split('\n')) {
                if (line.contains(", Note_on_c, ") && !line.endsWith(", 0"))
                    ++noteOns;
            }
            // WHEN we read it
            const ScoreReadResult result = readMidiFile(path);
            // THEN we find one note per sounding note-on
            QVERIFY2(result.ok(), qPrintable(result.error));
            QCOMPARE(qsizetype(result.score.noteCount()), noteOns);
        }
    }
};

QTEST_GUILESS_MAIN(TestMidiFile)
#include "testmidifile.moc"
