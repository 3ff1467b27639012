// SPDX-License-Identifier: GPL-3.0-or-later
// testrepresentationnotesources.cpp — mapping encoded note events back to score notes.
#include "representation/encoder.h"
#include "representation/notesources.h"

#include <QTest>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

constexpr Tick quarter = Score::defaultTicksPerQuarter;

// Violin and cello in unison on one note, a second violin doubling the first exactly,
// and a drum track the encoder leaves out.
Score quartet()
{
    Score score;
    Track &violin = score.addTrack(u"Violin I"_s, 40);
    violin.notes = {{0, quarter, 67, 80}, {quarter, quarter, 69, 80}, {8 * quarter, quarter, 71, 80}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.notes = {{0, 2 * quarter, 43, 80}, {quarter, quarter, 69, 80}};
    Track &second = score.addTrack(u"Violin II"_s, 40);
    second.notes = {{quarter, quarter, 69, 70}};
    Track &drums = score.addTrack(u"Drums"_s, 0);
    drums.isDrum = true;
    drums.channel = 9;
    drums.notes = {{0, quarter, 36, 100}};
    return score;
}

} // namespace

class TestRepresentationNoteSources final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyNoteEventNamesANoteThatEncodesToIt()
    {
        // GIVEN the quartet
        const Score score = quartet();
        // WHEN encoded with sources
        const SourcedSequence s = encodeWithSources(score);
        // THEN the events are the encoder's, with one source per event
        QCOMPARE(s.events, encode(score));
        QCOMPARE(s.sources.size(), s.events.size());
        for (std::size_t i = 0; i < s.events.size(); ++i) {
            const NoteSource source = s.sources[i];
            QCOMPARE(source.isNote(), s.events[i].isNote());
            if (!source.isNote())
                continue;
            const Track &track = score.tracks[source.track];
            QVERIFY(scoreNoteEvent(track, track.notes[source.note], score.ticksPerQuarter) == s.events[i]);
            QCOMPARE(s.eventOfNote[source.track][source.note], static_cast<int>(i));
        }
    }

    void mergedNotesShareOneEventAndDrumsHaveNone()
    {
        // GIVEN the quartet, whose two violins play the same A4 (velocity is not encoded)
        const Score score = quartet();
        // WHEN encoded with sources
        const SourcedSequence s = encodeWithSources(score);
        // THEN both violins' A4 map to one event whose source is the first violin
        const int shared = s.eventOfNote[0][1];
        QVERIFY(shared >= 0);
        QCOMPARE(s.eventOfNote[2][0], shared);
        QCOMPARE(s.sources[shared], (NoteSource{0, 1}));
        // AND the cello's A4 is a different event (another instrument)
        QVERIFY(s.eventOfNote[1][1] >= 0);
        QVERIFY(s.eventOfNote[1][1] != shared);
        // AND the drum note has no event
        QCOMPARE(s.eventOfNote[3][0], -1);
        // AND there are as many note events as distinct encoded notes: 3 + 2 (violin II merged)
        int notes = 0;
        for (const Event &e : s.events)
            notes += e.isNote() ? 1 : 0;
        QCOMPARE(notes, 5);
    }

    void windowsRenumberBeatsAndLeaveOutsideNotesUnmapped()
    {
        // GIVEN a window of beats 1..7
        const Score score = quartet();
        EncodeOptions window;
        window.firstBeat = 1;
        window.beatCount = 7;
        // WHEN encoded with sources
        const SourcedSequence s = encodeWithSources(score, window);
        // THEN the notes at beat 1 are found, those at beats 0 and 8 are not
        QCOMPARE(s.events, encode(score, window));
        QCOMPARE(s.eventOfNote[0][0], -1);
        QCOMPARE(s.eventOfNote[0][2], -1);
        QCOMPARE(s.eventOfNote[1][0], -1);
        QVERIFY(s.eventOfNote[0][1] >= 0);
        QCOMPARE(s.events[s.eventOfNote[0][1]].beatValue(), 0);
    }
};

QTEST_APPLESS_MAIN(TestRepresentationNoteSources)
#include "testrepresentationnotesources.moc"
