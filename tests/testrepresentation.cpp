// SPDX-License-Identifier: GPL-3.0-or-later
// testrepresentation.cpp — MMT events: encoding, duration snapping, decoding.
#include "representation/decoder.h"
#include "representation/encoder.h"
#include "representation/event.h"
#include "representation/eventticks.h"
#include "representation/infill.h"
#include "representation/instruments.h"

#include <QTest>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

Tick twelfths(int count)
{
    return Tick(count) * Score::defaultTicksPerQuarter / positionsPerBeat;
}

} // namespace

class TestRepresentation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instrumentTableFoldsPrograms()
    {
        // THEN the table follows MMT: several programs fold into one instrument, and the
        // program written back is MMT's choice
        QCOMPARE(instrumentForProgram(42), 27);
        QCOMPARE(instrumentName(27), u"cello"_s);
        QCOMPARE(instrumentForProgram(44), 31);
        QCOMPARE(instrumentForProgram(48), 31);
        QCOMPARE(programForInstrument(31), 49);
        QCOMPARE(instrumentForProgram(110), 25);
        QCOMPARE(instrumentForProgram(20), 13);
        QCOMPARE(instrumentForProgram(76), 0);
        QCOMPARE(instrumentForProgram(127), 0);
        QCOMPARE(instrumentForProgram(128), 0);
        QCOMPARE(instrumentName(46), u"english-horn"_s);
        // AND every instrument's program folds back into the same instrument
        for (int code = 1; code <= instrumentCount; ++code)
            QCOMPARE(instrumentForProgram(programForInstrument(code)), code);
    }

    void durationsSnapToNearestTiesToShorter()
    {
        QCOMPARE(durationValues().size(), std::size_t(32));
        QCOMPARE(durationCode(12), 12);
        QCOMPARE(durationCode(13), 12);              // 12 is 1 away, 15 is 2 away
        QCOMPARE(durationTwelfths(durationCode(14)), 15);
        QCOMPARE(durationTwelfths(durationCode(27)), 24); // a tie between 24 and 30
        QCOMPARE(durationTwelfths(durationCode(27, 2)), 12); // 13.5: a tie between 12 and 15
        QCOMPARE(durationTwelfths(durationCode(0)), 1);
        QCOMPARE(durationTwelfths(durationCode(5000)), 384);
        QCOMPARE(durationTwelfths(durationCode(288)), 192); // 288 ties 192 and 384
        QCOMPARE(durationTwelfths(0), 0);
        QCOMPARE(durationTwelfths(33), 0);
    }

    void encodesInMmtOrder()
    {
        // GIVEN a cello and a violin track given out of order, a doubled note, a drum track
        // and a sound effect that MMT drops
        Score score;
        Track &cello = score.addTrack(u"Cello"_s, 42);
        cello.notes = {{twelfths(24), twelfths(12), 48, 70}, {0, twelfths(24), 36, 70}};
        Track &violin = score.addTrack(u"Violin"_s, 40);
        violin.notes = {{twelfths(6), twelfths(6), 76, 90}, {0, twelfths(6), 72, 90}};
        Track &violin2 = score.addTrack(u"Violin 2"_s, 40);
        violin2.notes = {{0, twelfths(6), 72, 60}};
        Track &drums = score.addTrack(u"Drums"_s, 0);
        drums.isDrum = true;
        drums.notes = {{0, 480, 36, 100}};
        score.addTrack(u"Helicopter"_s, 125).notes = {{0, 480, 60, 100}};

        // WHEN it is encoded
        const std::vector<Event> events = encode(score);

        // THEN instruments come sorted, notes sorted by (beat, position, pitch, ...) once each
        const std::vector<Event> expected = {
            Event::ofType(EventType::StartOfSong),
            Event::instrumentEvent(25),
            Event::instrumentEvent(27),
            Event::ofType(EventType::StartOfNotes),
            Event::note(0, 0, 36, durationCode(24), 27),
            Event::note(0, 0, 72, durationCode(6), 25),
            Event::note(0, 6, 76, durationCode(6), 25),
            Event::note(2, 0, 48, durationCode(12), 27),
            Event::ofType(EventType::EndOfSong),
        };
        QCOMPARE(events, expected);
        QCOMPARE(events[4].beat, std::int16_t(1));
        QCOMPARE(events[6].position, std::int16_t(7));
        QCOMPARE(events[4].pitch, std::int16_t(37));
    }

    void onsetsRoundToTheGrid()
    {
        // GIVEN 384 ticks per quarter (LilyPond's MIDI) and onsets between grid points
        Score score;
        score.ticksPerQuarter = 384;
        score.addTrack(u"Flute"_s, 73).notes = {{17, 384, 79, 80}, {15, 100, 81, 80}, {400, 384, 83, 80}};
        // WHEN encoded
        const std::vector<Event> events = encode(score);
        // THEN 15 ticks (0.47 of a twelfth) rounds down, 17 (0.53) up, 400 to beat 1 position 1
        QCOMPARE(events.size(), std::size_t(7));
        QCOMPARE(events[3].onsetTwelfths(), 0);
        QCOMPARE(events[3].pitchValue(), 81);
        QCOMPARE(durationTwelfths(events[3].duration), 3); // 100 ticks = 3.125 twelfths
        QCOMPARE(events[4].onsetTwelfths(), 1);
        QCOMPARE(events[5].onsetTwelfths(), 13);
    }

    void eventsBecomeTicksRoundedHalfUp()
    {
        // GIVEN 480 ticks per quarter THEN every twelfth is exact: 40 ticks
        QCOMPARE(ticksFromTwelfths(1, 480), Tick(40));
        QCOMPARE(ticksFromTwelfths(12 * 300, 480), Tick(480 * 300));
        // GIVEN 100 ticks per quarter (8.33 per twelfth) THEN each rounds to the nearest tick,
        // halves up: 8.33 -> 8, 16.67 -> 17, 12.5 -> 13 (1.5 twelfths at 100 ticks = 3/24)
        QCOMPARE(ticksFromTwelfths(1, 100), Tick(8));
        QCOMPARE(ticksFromTwelfths(2, 100), Tick(17));
        QCOMPARE(ticksFromTwelfths(3, 50), Tick(13));
        QCOMPARE(ticksFromTwelfths(0, 100), Tick(0));
        // GIVEN a note on beat 2, position 5, 7 twelfths long, at 100 ticks per quarter
        const Event note = Event::note(2, 5, 60, durationCode(7), 25);
        // THEN it starts at 29 twelfths = 241.67 -> 242 ticks and lasts 58.33 -> 58 ticks: the
        // start and the length round alike (no truncation anywhere)
        QCOMPARE(eventStartTick(note, 100), Tick(242));
        QCOMPARE(eventLengthTicks(note, 100), Tick(58));
        // AND the decoder places it on the same ticks
        Score context;
        context.ticksPerQuarter = 100;
        const Event events[] = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25),
                                Event::ofType(EventType::StartOfNotes), note, Event::ofType(EventType::EndOfSong)};
        const Score decoded = decode(events, context);
        QCOMPARE(decoded.tracks.size(), std::size_t(1));
        QCOMPARE(decoded.tracks[0].notes.front().start, Tick(242));
        QCOMPARE(decoded.tracks[0].notes.front().length, Tick(58));
        // AND a length never rounds to nothing: one tick at the least
        QCOMPARE(eventLengthTicks(Event::note(0, 0, 60, durationCode(1), 25), 4), Tick(1));
    }

    void windowsRenumberBeatsAndRespectTheEventLimit()
    {
        // GIVEN a violin playing one note on every beat for 400 beats
        Score score;
        Track &violin = score.addTrack(u"Violin"_s, 40);
        for (int beat = 0; beat < 400; ++beat)
            violin.notes.push_back({twelfths(12 * beat), twelfths(12), 60 + beat % 12, 80});
        const std::vector<Event> notes = scoreNoteEvents(score);
        QCOMPARE(notes.size(), std::size_t(400));

        // WHEN a window starts at beat 300
        EncodeOptions window;
        window.firstBeat = 300;
        const std::vector<Event> late = sequenceFromNotes(notes, window);
        // THEN it holds the last 100 beats, counted from 0, and ends the song
        QCOMPARE(late.size(), std::size_t(100 + 4));
        QCOMPARE(late[3].beatValue(), 0);
        QCOMPARE(late[3].pitchValue(), 60 + 300 % 12);
        QCOMPARE(late.back(), Event::ofType(EventType::EndOfSong));

        // WHEN the default window (256 beats) is cut to 64 events
        EncodeOptions small;
        small.maxEvents = 64;
        const std::vector<Event> cut = sequenceFromNotes(notes, small);
        // THEN it fills the 64 events with notes and does not claim the song ends
        QCOMPARE(cut.size(), std::size_t(64));
        QVERIFY(cut.back().isNote());
        QCOMPARE(cut.back().beatValue(), 64 - 4);

        // AND the default window alone holds 256 beats
        QCOMPARE(encode(score).size(), std::size_t(256 + 4));
    }

    void roundTripIsExactOnTheGrid()
    {
        // GIVEN an on-grid score in 3/4 at 90 BPM with one velocity per track
        Score score;
        score.title = u"Round trip"_s;
        score.tempos = {{0, TempoChange::microsecondsFromBpm(90)}};
        score.timeSignatures = {{0, 3, 4}};
        score.keySignatures = {{0, -2, false}};
        score.addTrack(u"Violin I"_s, 40);
        score.addTrack(u"Violoncello"_s, 42);
        score.addTrack(u"Flute"_s, 73);
        Track &violin = score.tracks[0];
        Track &cello = score.tracks[1];
        Track &flute = score.tracks[2];
        for (int i = 0; i < 40; ++i) {
            violin.notes.push_back({twelfths(3 * i), twelfths(durationValues()[i % 12]), 67 + i % 9, 96});
            cello.notes.push_back({twelfths(12 * i), twelfths(durationValues()[12 + i % 20]), 36 + i % 20, 64});
            flute.notes.push_back({twelfths(7 * i + 1), twelfths(5), 72 + i % 5, 80});
        }
        score.normalize();

        // WHEN it is encoded and decoded against itself
        const Score decoded = decode(encode(score), score);

        // THEN tracks, programs, names, notes, tempo and metre come back unchanged
        QCOMPARE(decoded.title, score.title);
        QCOMPARE(decoded.tempos, score.tempos);
        QCOMPARE(decoded.timeSignatures, score.timeSignatures);
        QCOMPARE(decoded.keySignatures, score.keySignatures);
        QCOMPARE(decoded.tracks.size(), std::size_t(3));
        for (const Track &original : score.tracks) {
            const auto found = std::find_if(decoded.tracks.begin(), decoded.tracks.end(),
                                            [&](const Track &t) { return t.name == original.name; });
            QVERIFY(found != decoded.tracks.end());
            QCOMPARE(found->program, original.program);
            QCOMPARE(found->notes, original.notes);
        }
    }

    void decodingRestoresProgramsAndContextVelocity()
    {
        // GIVEN events for strings (program 44 folds into it) and an oboe
        const std::vector<Event> events = {
            Event::ofType(EventType::StartOfSong),
            Event::instrumentEvent(31),
            Event::instrumentEvent(45),
            Event::ofType(EventType::StartOfNotes),
            Event::note(0, 0, 60, durationCode(12), 31),
            Event::note(1, 3, 72, durationCode(6), 45),
            Event::note(1, 3, 200, durationCode(6), 45), // pitch out of range: skipped
            Event::ofType(EventType::EndOfSong),
        };
        // AND a context whose tremolo strings play at 50 and 70 and that has no oboe
        Score context;
        context.ticksPerQuarter = 96;
        Track &strings = context.addTrack(u"Tremolo"_s, 44);
        strings.notes = {{0, 96, 60, 50}, {96, 96, 62, 70}};
        strings.pan = 20;

        // WHEN decoded with and without the context
        const Score withContext = decode(events, context);
        const Score plain = decode(events);

        // THEN programs are the written-back ones, timing follows the context's resolution
        QCOMPARE(withContext.tracks.size(), std::size_t(2));
        QCOMPARE(withContext.tracks[0].program, 49);
        QCOMPARE(withContext.tracks[0].name, u"Tremolo"_s);
        QCOMPARE(withContext.tracks[0].pan, 20);
        QCOMPARE(withContext.tracks[0].notes, (std::vector<Note>{{0, 96, 60, 60}}));
        QCOMPARE(withContext.tracks[1].program, 68);
        QCOMPARE(withContext.tracks[1].name, u"oboe"_s);
        QCOMPARE(withContext.tracks[1].notes, (std::vector<Note>{{96 + 24, 48, 72, 80}}));
        // AND without context every note plays at 80 at the default resolution
        QCOMPARE(plain.ticksPerQuarter, Score::defaultTicksPerQuarter);
        QCOMPARE(plain.tracks[0].notes.front().velocity, 80);
        QVERIFY(plain.tempos.empty());
    }

    void infillOrderMovesTheMiddleToTheEnd()
    {
        // GIVEN violin (25) and cello (27) notes on beats 0..5, and a gap over beats 2-3 for the violin
        std::vector<Event> sequence = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25),
                                       Event::instrumentEvent(27), Event::ofType(EventType::StartOfNotes)};
        for (int beat = 0; beat < 6; ++beat) {
            sequence.push_back(Event::note(beat, 0, 48, 12, 27));
            sequence.push_back(Event::note(beat, 0, 67, 12, 25));
        }
        sequence.push_back(Event::ofType(EventType::EndOfSong));
        InfillGap gap;
        gap.firstBeat = 2;
        gap.endBeat = 4;
        gap.instruments.set(25);

        // WHEN it is put in fill-in-the-middle order
        const std::vector<Event> infill = infillSequence(sequence, gap);

        // THEN: header, beats 0-1, marker (beat 2), the cello in the gap and everything after,
        // marker (last gap beat 3), the violin's gap notes, end-of-song
        QCOMPARE(infill.size(), sequence.size() + 2);
        QCOMPARE(std::vector<Event>(infill.begin(), infill.begin() + 8), std::vector<Event>(sequence.begin(), sequence.begin() + 8));
        QCOMPARE(infill[8].eventType(), EventType::InfillContextAfter);
        QCOMPARE(infill[8].beat, std::int16_t(3));
        const std::vector<Event> after(infill.begin() + 9, infill.begin() + 15);
        QCOMPARE(after, (std::vector<Event>{Event::note(2, 0, 48, 12, 27), Event::note(3, 0, 48, 12, 27),
                                            Event::note(4, 0, 48, 12, 27), Event::note(4, 0, 67, 12, 25),
                                            Event::note(5, 0, 48, 12, 27), Event::note(5, 0, 67, 12, 25)}));
        QCOMPARE(infill[15].eventType(), EventType::InfillMiddle);
        QCOMPARE(infill[15].beat, std::int16_t(4));
        QCOMPARE(infill[16], Event::note(2, 0, 67, 12, 25));
        QCOMPARE(infill[17], Event::note(3, 0, 67, 12, 25));
        QCOMPARE(infill.back().eventType(), EventType::EndOfSong);
        // AND the prompt is everything up to the middle marker
        QCOMPARE(infillPrompt(sequence, gap), std::vector<Event>(infill.begin(), infill.begin() + 16));
    }
};

QTEST_APPLESS_MAIN(TestRepresentation)
#include "testrepresentation.moc"
