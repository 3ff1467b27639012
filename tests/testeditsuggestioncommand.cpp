// SPDX-License-Identifier: GPL-3.0-or-later
// testeditsuggestioncommand.cpp — accepting a suggestion is one undo step: redo gives
// applySuggestion()'s score (new tracks appended), undo gives back the exact old score.
#include "edit/scoredocument.h"
#include "edit/suggestioncommand.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// A violin and a cello over two 4/4 bars, with a key signature and a tempo change, so an
// exact comparison covers more than notes.
Score duet()
{
    Score score;
    score.tempos = {{0, 500000}, {1920, 600000}};
    score.timeSignatures = {{0, 4, 4}};
    score.keySignatures = {{0, 1, false}};
    Track &violin = score.addTrack(u"Violin"_s, 40);
    violin.channel = 0;
    violin.notes = {{0, 480, 67, 90}, {480, 480, 69, 90}, {1920, 960, 71, 80}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.channel = 1;
    cello.volume = 90;
    cello.notes = {{0, 1920, 43, 70}, {1920, 1920, 48, 70}};
    score.normalize();
    return score;
}

// Bar 3 for the cello, and a flute on a new track.
Suggestion continuation()
{
    Suggestion suggestion;
    suggestion.seed = 7;
    suggestion.firstTick = 3840;
    suggestion.endTick = 5760;
    SuggestedPart cello;
    cello.track = 1;
    cello.notes = {{3840, 960, 50, 72}, {4800, 960, 52, 72}};
    SuggestedPart flute;
    flute.newTrack.name = u"Flute"_s;
    flute.newTrack.program = 73;
    flute.newTrack.channel = 2;
    flute.newTrack.colour = 0x3366cc;
    flute.notes = {{3840, 480, 79, 85}, {4320, 480, 81, 85}};
    suggestion.parts = {cello, flute};
    return suggestion;
}

} // namespace

class TestEditSuggestionCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptAddsNotesAndNewTracksAsOneStep()
    {
        // GIVEN a duet and a continuation for the cello plus a new flute
        ScoreDocument document;
        document.replaceScore(duet());
        const Score before = document.score();
        const Suggestion suggestion = continuation();
        QVERIFY(ApplySuggestionCommand::fitsScore(suggestion, before));
        // WHEN it is accepted
        auto *command = new ApplySuggestionCommand(&document, suggestion);
        QCOMPARE(command->addedTracks(), 1);
        document.undoStack()->push(command);
        // THEN the score is applySuggestion()'s, in one undo step, with the flute appended last
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.score(), applySuggestion(before, suggestion));
        const Score &after = document.score();
        QCOMPARE(after.tracks.size(), std::size_t{3});
        QCOMPARE(after.tracks[2].name, u"Flute"_s);
        QCOMPARE(after.tracks[2].program, 73);
        QCOMPARE(after.tracks[2].notes, suggestion.parts[1].notes);
        QCOMPARE(after.tracks[1].notes.size(), std::size_t{4});
        QCOMPARE(after.tracks[0], before.tracks[0]);
        QCOMPARE(after.tempos, before.tempos);
    }

    void undoAndRedoAreExact()
    {
        // GIVEN an accepted suggestion
        ScoreDocument document;
        document.replaceScore(duet());
        const Score before = document.score();
        document.undoStack()->push(new ApplySuggestionCommand(&document, continuation()));
        const Score after = document.score();
        QVERIFY(after != before);
        // WHEN it is undone, THEN the score is the old one exactly; redo brings the new one back
        for (int round = 0; round < 2; ++round) {
            document.undoStack()->undo();
            QCOMPARE(document.score(), before);
            document.undoStack()->redo();
            QCOMPARE(document.score(), after);
        }
    }

    void infillReplacesTheTrackNotesInsideTheSpan()
    {
        // GIVEN a suggestion that rewrites bar 2 of the violin
        ScoreDocument document;
        document.replaceScore(duet());
        const Score before = document.score();
        Suggestion suggestion;
        suggestion.firstTick = 1920;
        suggestion.endTick = 3840;
        suggestion.replacedTracks = {0};
        SuggestedPart violin;
        violin.track = 0;
        violin.notes = {{1920, 480, 74, 88}, {2400, 1440, 72, 88}};
        suggestion.parts = {violin};
        // WHEN it is accepted
        document.undoStack()->push(new ApplySuggestionCommand(&document, suggestion));
        // THEN bar 1 of the violin stays, its bar-2 note is gone, the new notes are in, the
        // cello is untouched; undo restores the violin's old note exactly
        const std::vector<Note> expected = {{0, 480, 67, 90}, {480, 480, 69, 90}, {1920, 480, 74, 88},
                                            {2400, 1440, 72, 88}};
        QCOMPARE(document.score().tracks[0].notes, expected);
        QCOMPARE(document.score().tracks[1], before.tracks[1]);
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
    }

    void aSuggestionForTracksThatAreGoneDoesNotFit()
    {
        // GIVEN the duet and suggestions naming a third track, as a part or as replaced
        const Score score = duet();
        Suggestion part = continuation();
        part.parts[0].track = 2;
        Suggestion replaced = continuation();
        replaced.replacedTracks = {5};
        // THEN neither fits, while the original does
        QVERIFY(!ApplySuggestionCommand::fitsScore(part, score));
        QVERIFY(!ApplySuggestionCommand::fitsScore(replaced, score));
        QVERIFY(ApplySuggestionCommand::fitsScore(continuation(), score));
    }
};

QTEST_APPLESS_MAIN(TestEditSuggestionCommand)
#include "testeditsuggestioncommand.moc"
