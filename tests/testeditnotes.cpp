// SPDX-License-Identifier: GPL-3.0-or-later
// testeditnotes.cpp — note commands, selection bookkeeping and the pure snapping arithmetic,
// without widgets.
#include "edit/bargrid.h"
#include "edit/notecommands.h"
#include "edit/noteeditor.h"
#include "edit/noteedits.h"
#include "edit/noteselection.h"
#include "edit/scoredocument.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// A document whose one track holds `notes`, with an empty undo history.
void load(ScoreDocument &document, std::vector<Note> notes)
{
    Score score = document.score();
    score.tracks.at(0).notes = std::move(notes);
    score.normalize();
    document.replaceScore(score);
}

const std::vector<Note> &notesOf(const ScoreDocument &document)
{
    return document.score().tracks.at(0).notes;
}

// 480 ticks per quarter, with the given time signatures.
Score scoreWithMetres(std::vector<TimeSignatureChange> metres)
{
    Score score;
    score.addTrack(u"Piano"_s, 0);
    score.timeSignatures = std::move(metres);
    return score;
}

} // namespace

class TestEditNotes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridStepsCoverWholeToThirtySecondWithTriplets()
    {
        QStringList names;
        for (const SnapGrid &grid : snapGrids())
            names << grid.name;
        QCOMPARE(names, QStringList({u"1/1"_s, u"1/2"_s, u"1/4"_s, u"1/4T"_s, u"1/8"_s, u"1/8T"_s, u"1/16"_s,
                                     u"1/16T"_s, u"1/32"_s}));
        QCOMPARE(snapGrids()[0].ticks(480), Tick(1920));
        QCOMPARE(snapGrids()[3].ticks(480), Tick(320));
        QCOMPARE(snapGrids()[7].ticks(480), Tick(80));
        QCOMPARE(snapGrids()[8].ticks(480), Tick(60));
        QCOMPARE(snapGrids()[defaultSnapGridIndex].ticks(96), Tick(24));
    }

    void snappingRoundsBothWaysAndBelowZero()
    {
        QCOMPARE(snapNearest(179, 120), Tick(120));
        QCOMPARE(snapNearest(180, 120), Tick(240));
        QCOMPARE(snapNearest(-50, 120), Tick(0));
        QCOMPARE(snapNearest(-70, 120), Tick(-120));
        QCOMPARE(snapFloor(-1, 120), Tick(-120));
        QCOMPARE(snapFloor(239, 120), Tick(120));
        QCOMPARE(snapCeil(121, 120), Tick(240));
        QCOMPARE(snapCeil(240, 120), Tick(240));
    }

    void quantizeSnapsStartAndLengthKeepingAtLeastOneStep()
    {
        const BarGrid grid(scoreWithMetres({{0, 4, 4}}), 120);
        QCOMPARE(quantizedNote({130, 250, 60, 70}, grid), (Note{120, 240, 60, 70}));
        QCOMPARE(quantizedNote({61, 20, 60, 70}, grid), (Note{120, 120, 60, 70}));
    }

    void barGridRestartsAtEveryBarLineAfterAMetreChange()
    {
        // GIVEN one bar of 3/4 (1440 ticks), then 4/4 from bar 2, on a half-note grid (960)
        const BarGrid grid(scoreWithMetres({{0, 3, 4}, {1440, 4, 4}}), 960);
        // THEN bar 1 holds the points 0 and 960, and its last cell ends at the bar line, 1440
        QCOMPARE(grid.floor(1300), Tick(960));
        QCOMPARE(grid.ceil(1000), Tick(1440));
        QCOMPARE(grid.nearest(1300), Tick(1440));
        // THEN bar 2 counts from 1440 (a grid from tick 0 would give 1920 and 2880)
        QCOMPARE(grid.floor(1500), Tick(1440));
        QCOMPARE(grid.floor(2500), Tick(2400));
        QCOMPARE(grid.ceil(2500), Tick(3360));
        QCOMPARE(grid.nearest(2000), Tick(2400));
        QCOMPARE(grid.after(1440), Tick(2400));
        QCOMPARE(grid.before(1440), Tick(960));
        // THEN ticks before 0 use the plain grid
        QCOMPARE(grid.floor(-10), Tick(-960));
        QCOMPARE(grid.nearest(-10), Tick(0));
    }

    void barGridInSixEightWithQuarterTriplets()
    {
        // GIVEN 6/8 (1440 ticks a bar) and quarter triplets (320 ticks): 4.5 steps a bar
        const BarGrid grid(scoreWithMetres({{0, 6, 8}}), 320);
        // THEN every bar line is a point and the steps start again from it
        QCOMPARE(grid.floor(1450), Tick(1440));
        QCOMPARE(grid.floor(1770), Tick(1760));
        QCOMPARE(grid.ceil(1290), Tick(1440));
        QCOMPARE(grid.after(1280), Tick(1440));
        QCOMPARE(grid.nearest(2885), Tick(2880));
        QCOMPARE(grid.floor(2880 + 3 * 320 + 5), Tick(2880 + 960));
    }

    void stepSelectionMovesTheFirstNoteToTheNextGridPoint()
    {
        // GIVEN 3/4 then 4/4 from tick 1440, a half-note grid, and a note at 960 with one after it
        ScoreDocument document;
        Score score = scoreWithMetres({{0, 3, 4}, {1440, 4, 4}});
        score.tracks[0].notes = {{960, 240, 60, 80}, {1200, 240, 62, 80}};
        document.replaceScore(score);
        NoteEditor editor(&document);
        editor.setGridIndex(1);
        editor.selectAll();
        // WHEN stepped right THEN the first note lands on bar 2's line and the other keeps its distance
        QVERIFY(editor.stepSelection(1));
        QCOMPARE(notesOf(document), (std::vector<Note>{{1440, 240, 60, 80}, {1680, 240, 62, 80}}));
        // WHEN stepped right again THEN onto the next half note of bar 2, then back twice
        QVERIFY(editor.stepSelection(1));
        QCOMPARE(notesOf(document).front().start, Tick(2400));
        QVERIFY(editor.stepSelection(-1));
        QVERIFY(editor.stepSelection(-1));
        QCOMPARE(notesOf(document).front().start, Tick(960));
        // WHEN quantized on the half-note grid a note near bar 2 goes to its bar line
        editor.selection()->select({{1200, 240, 62, 80}});
        QVERIFY(editor.quantizeSelection());
        QCOMPARE(notesOf(document).back(), (Note{1440, 960, 62, 80}));
    }

    void shiftsAreClampedToTheScore()
    {
        const std::vector<Note> notes = {{240, 120, 2, 80}, {480, 120, 120, 80}};
        QCOMPARE(clampTimeShift(notes, -1000), Tick(-240));
        QCOMPARE(clampTimeShift(notes, 1000), Tick(1000));
        QCOMPARE(clampTransposition(notes, 12), 7);
        QCOMPARE(clampTransposition(notes, -12), -2);
        QCOMPARE(movedNotes(notes, -240, -2), (std::vector<Note>{{0, 120, 0, 80}, {240, 120, 118, 80}}));
    }

    void commandRedoesAndUndoesExactly()
    {
        // GIVEN a track with three notes
        ScoreDocument document;
        load(document, {{0, 480, 60, 80}, {480, 480, 62, 80}, {960, 480, 64, 80}});
        const std::vector<Note> before = notesOf(document);
        // WHEN the middle note is replaced by a note before the first one
        document.undoStack()->push(
            new EditNotesCommand(&document, {{0, {{480, 480, 62, 80}}, {{0, 240, 50, 90}}}}, u"Move Notes"_s));
        // THEN the track is sorted with the new note in place of the old one
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 240, 50, 90}, {0, 480, 60, 80}, {960, 480, 64, 80}}));
        QCOMPARE(document.undoStack()->undoText(), u"Move Notes"_s);
        // WHEN undone and redone THEN the notes are exactly restored each time
        document.undoStack()->undo();
        QCOMPARE(notesOf(document), before);
        document.undoStack()->redo();
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 240, 50, 90}, {0, 480, 60, 80}, {960, 480, 64, 80}}));
    }

    void commandKeepsEqualNotesApartSoUndoRestoresBoth()
    {
        // GIVEN a note, and a second one moved onto it exactly
        ScoreDocument document;
        load(document, {{0, 480, 60, 80}, {480, 480, 60, 80}});
        document.undoStack()->push(
            new EditNotesCommand(&document, {{0, {{480, 480, 60, 80}}, {{0, 480, 60, 80}}}}, u"Move Notes"_s));
        QCOMPARE(notesOf(document).size(), std::size_t(2));
        // WHEN undone THEN both original notes are back
        document.undoStack()->undo();
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 480, 60, 80}}));
    }

    void notesLandingOnEqualNotesMergeSoTheScoreReopensEqual()
    {
        // GIVEN C4 and E4, both selected and copied (found by the soak test: a paste onto
        // the copied notes doubled them, and a saved score reopened with one of each)
        ScoreDocument document;
        load(document, {{0, 480, 60, 80}, {480, 480, 64, 80}});
        NoteEditor editor(&document);
        editor.selectAll();
        editor.copySelection();
        // WHEN pasted where they are THEN nothing changes and no step is pushed
        editor.setPlayhead(0);
        QVERIFY(!editor.paste());
        QCOMPARE(document.undoStack()->count(), 0);
        // WHEN pasted half a bar later THEN only the note not already there is added
        editor.setPlayhead(480);
        QVERIFY(editor.paste());
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 480, 60, 80}, {480, 480, 64, 80},
                                                       {960, 480, 64, 80}}));
        // WHEN the C4 at 480 is moved onto the C4 at 0 THEN they merge into one
        editor.selection()->select({{480, 480, 60, 80}});
        QVERIFY(editor.moveSelection(-480, 0));
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 480, 64, 80}, {960, 480, 64, 80}}));
        Score normalized = document.score();
        normalized.normalize();
        QCOMPARE(document.score(), normalized);
        // AND undo gives back both, exactly
        document.undoStack()->undo();
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 480, 60, 80}, {480, 480, 64, 80},
                                                       {960, 480, 64, 80}}));
    }

    void selectionFollowsEditsUndoAndRedo()
    {
        // GIVEN a selected note
        ScoreDocument document;
        load(document, {{0, 480, 60, 80}, {480, 480, 62, 80}});
        NoteEditor editor(&document);
        editor.selection()->select({{0, 480, 60, 80}});
        // WHEN it is moved up a semitone THEN the moved note is selected
        QVERIFY(editor.moveSelection(0, 1));
        QCOMPARE(editor.selection()->notes(), (std::vector<Note>{{0, 480, 61, 80}}));
        // WHEN undone THEN the original note is selected again; redone: the moved one
        document.undoStack()->undo();
        QCOMPARE(editor.selection()->notes(), (std::vector<Note>{{0, 480, 60, 80}}));
        document.undoStack()->redo();
        QCOMPARE(editor.selection()->notes(), (std::vector<Note>{{0, 480, 61, 80}}));
        // WHEN deleted THEN nothing is selected, and a reset document keeps nothing selected
        QVERIFY(editor.deleteSelection());
        QVERIFY(editor.selection()->isEmpty());
        document.undoStack()->undo();
        QCOMPARE(editor.selection()->notes().size(), std::size_t(1));
        document.newScore();
        QVERIFY(editor.selection()->isEmpty());
    }

    void selectionDropsNotesThatAnotherEditRemoved()
    {
        ScoreDocument document;
        load(document, {{0, 480, 60, 80}, {480, 480, 62, 80}});
        NoteSelection selection(&document);
        selection.select(notesOf(document));
        Score score = document.score();
        score.tracks[0].notes.pop_back();
        document.replaceScore(score);
        QCOMPARE(selection.notes(), (std::vector<Note>{{0, 480, 60, 80}}));
    }

    void editorOperationsProduceTheExpectedNotes()
    {
        // GIVEN two unquantized notes, both selected, on a 1/16 grid (120 ticks)
        ScoreDocument document;
        load(document, {{10, 470, 60, 80}, {490, 230, 64, 80}});
        NoteEditor editor(&document);
        editor.selectAll();
        QCOMPARE(editor.gridStep(), Tick(120));
        // WHEN quantized THEN starts and lengths sit on the grid
        QVERIFY(editor.quantizeSelection());
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 240, 64, 80}}));
        // WHEN duplicated THEN a copy follows, one span (720 ticks) later, and is selected
        QVERIFY(editor.duplicateSelection());
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 240, 64, 80}, {720, 480, 60, 80},
                                                       {1200, 240, 64, 80}}));
        QCOMPARE(editor.selection()->notes(), (std::vector<Note>{{720, 480, 60, 80}, {1200, 240, 64, 80}}));
        // WHEN the copy is cut and pasted at tick 1920 THEN it reappears there
        QVERIFY(editor.cutSelection());
        QCOMPARE(notesOf(document).size(), std::size_t(2));
        editor.setPlayhead(1920);
        QVERIFY(editor.paste());
        QCOMPARE(notesOf(document), (std::vector<Note>{{0, 480, 60, 80}, {480, 240, 64, 80}, {1920, 480, 60, 80},
                                                       {2400, 240, 64, 80}}));
        // WHEN the pasted notes get velocity 100 and move an octave up past the top THEN clamped
        QVERIFY(editor.setVelocity(editor.selection()->notes(), 100));
        QVERIFY(editor.transposeSelection(70));
        QCOMPARE(notesOf(document).back(), (Note{2400, 240, 127, 100}));
        // THEN a no-op edit pushes nothing
        const int steps = document.undoStack()->count();
        QVERIFY(!editor.transposeSelection(1));
        QCOMPARE(document.undoStack()->count(), steps);
    }
};

QTEST_GUILESS_MAIN(TestEditNotes)
#include "testeditnotes.moc"
