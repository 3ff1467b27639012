// SPDX-License-Identifier: GPL-3.0-or-later
// testedittracklist.cpp — adding, duplicating, removing and moving tracks, and changing one
// track's settings, each undoable back to the exact score.
#include "edit/scoredocument.h"
#include "edit/trackcommands.h"
#include "edit/tracklistcommand.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// Three tracks, each with one note, on channels 0, 1 and 9 (drums).
void loadTrio(ScoreDocument &document)
{
    Score score;
    Track &flute = score.addTrack(u"Flute"_s, 73);
    flute.channel = 0;
    flute.notes = {{0, 480, 72, 90}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.channel = 1;
    cello.colour = 0x123456;
    cello.notes = {{0, 960, 36, 80}};
    Track &drums = score.addTrack(u"Drums"_s, 0);
    drums.channel = 9;
    drums.isDrum = true;
    drums.notes = {{0, 120, 36, 100}};
    document.replaceScore(score);
}

QStringList namesOf(const ScoreDocument &document)
{
    QStringList names;
    for (const Track &track : document.score().tracks)
        names << track.name;
    return names;
}

} // namespace

class TestEditTrackList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addAppendsAnEmptyTrackOnAFreeChannel()
    {
        ScoreDocument document;
        loadTrio(document);
        const Score before = document.score();
        // WHEN a track is added with the violin program
        auto *command = TrackListCommand::add(&document, 40);
        document.undoStack()->push(command);
        // THEN it comes last, empty, on the first channel no track uses (not the drum channel)
        QCOMPARE(command->resultTrack(), 3);
        const Track &added = document.score().tracks.at(3);
        QCOMPARE(added.name, u"Track 4"_s);
        QCOMPARE(added.program, 40);
        QCOMPARE(added.channel, 2);
        QCOMPARE(added.colour, defaultTrackColour(3));
        QVERIFY(added.notes.empty());
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
    }

    void duplicateCopiesNotesAndSettingsRightAfter()
    {
        ScoreDocument document;
        loadTrio(document);
        const Score before = document.score();
        // WHEN the cello is duplicated
        document.undoStack()->push(TrackListCommand::duplicate(&document, 1));
        // THEN the copy follows it with the same notes and colour, on a channel of its own
        QCOMPARE(namesOf(document), (QStringList{u"Flute"_s, u"Cello"_s, u"Cello copy"_s, u"Drums"_s}));
        const Track &copy = document.score().tracks.at(2);
        QCOMPARE(copy.notes, before.tracks.at(1).notes);
        QCOMPARE(copy.colour, 0x123456u);
        QCOMPARE(copy.program, 42);
        QCOMPARE(copy.channel, 2);
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
    }

    void removeAndUndoPutTheSameTrackBack()
    {
        ScoreDocument document;
        loadTrio(document);
        const Score before = document.score();
        document.undoStack()->push(TrackListCommand::remove(&document, 0));
        QCOMPARE(namesOf(document), (QStringList{u"Cello"_s, u"Drums"_s}));
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
        document.undoStack()->redo();
        QCOMPARE(namesOf(document), (QStringList{u"Cello"_s, u"Drums"_s}));
    }

    void moveReordersBothWays()
    {
        ScoreDocument document;
        loadTrio(document);
        const Score before = document.score();
        // WHEN the drums move to the top and then the flute moves down one
        document.undoStack()->push(TrackListCommand::move(&document, 2, 0));
        QCOMPARE(namesOf(document), (QStringList{u"Drums"_s, u"Flute"_s, u"Cello"_s}));
        document.undoStack()->push(TrackListCommand::move(&document, 1, 2));
        QCOMPARE(namesOf(document), (QStringList{u"Drums"_s, u"Cello"_s, u"Flute"_s}));
        // THEN the notes travel with their tracks, and two undos restore the original order
        QCOMPARE(document.score().tracks.at(2).notes, before.tracks.at(0).notes);
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
    }

    void renamesAndColoursAreOneUndoStepEachButSliderDragsMerge()
    {
        ScoreDocument document;
        loadTrio(document);
        const Score before = document.score();
        const auto change = [&document](const QString &text, const std::function<void(Track &)> &how, bool merge) {
            Track track = document.score().tracks.at(1);
            how(track);
            document.undoStack()->push(new ChangeTrackCommand(&document, 1, track, text, merge));
        };
        // WHEN the cello is renamed twice and recoloured
        change(u"Rename Track"_s, [](Track &t) { t.name = u"Cello I"_s; }, false);
        change(u"Rename Track"_s, [](Track &t) { t.name = u"Violoncello"_s; }, false);
        change(u"Track Colour"_s, [](Track &t) { t.colour = 0xE15759; }, false);
        // THEN each is its own step, and the notes stay with the track
        QCOMPARE(document.undoStack()->count(), 3);
        QCOMPARE(namesOf(document), (QStringList{u"Flute"_s, u"Violoncello"_s, u"Drums"_s}));
        QCOMPARE(document.score().tracks.at(1).notes, before.tracks.at(1).notes);
        document.undoStack()->undo();
        QCOMPARE(document.score().tracks.at(1).colour, 0x123456u);
        document.undoStack()->undo();
        QCOMPARE(document.score().tracks.at(1).name, u"Cello I"_s);
        // WHEN a volume slider sends three values THEN they undo as one step
        change(u"Track Volume"_s, [](Track &t) { t.volume = 90; }, true);
        change(u"Track Volume"_s, [](Track &t) { t.volume = 95; }, true);
        change(u"Track Volume"_s, [](Track &t) { t.volume = 99; }, true);
        QCOMPARE(document.undoStack()->count(), 2);
        QCOMPARE(document.score().tracks.at(1).volume, 99);
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
    }
};

QTEST_APPLESS_MAIN(TestEditTrackList)
#include "testedittracklist.moc"
