// SPDX-License-Identifier: GPL-3.0-or-later
// testuipianoroll.cpp — editing in the piano roll with real mouse and key events on the
// offscreen platform. The viewport is fixed at 1/8 pixel per tick (one pixel = 8 ticks, a
// quarter note = 60 pixels) and 10 pixels per key with pitch 72 in the top row, so pixel
// positions map to exact ticks and pitches. The grid is the default 1/16 (120 ticks).
#include "edit/noteclipboard.h"
#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "mainwindow/mainwindow.h"
#include "pianoroll/edittoolbar.h"
#include "pianoroll/keyboardwidget.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "pianoroll/timeruler.h"
#include "pianoroll/velocitylane.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

constexpr double pixelsPerTick = 0.125;
constexpr int topPitch = 72;
constexpr int keyHeight = 10;

// The middle of the row of `pitch`, `x` pixels from the left.
QPoint at(int x, int pitch)
{
    return QPoint(x, (topPitch - pitch) * keyHeight + keyHeight / 2);
}

int xOf(Tick tick)
{
    return static_cast<int>(tick * pixelsPerTick);
}

struct Fixture
{
    ScoreDocument document;
    std::unique_ptr<PianoRollEditor> editor;

    explicit Fixture(std::vector<Note> notes)
    {
        editor = std::make_unique<PianoRollEditor>(&document);
        editor->resize(1000, 700);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        Score score = document.score();
        score.tracks.at(0).notes = std::move(notes);
        score.normalize();
        document.replaceScore(score);
        PianoRollViewport *viewport = editor->viewport();
        viewport->setPixelsPerTick(pixelsPerTick);
        viewport->setKeyHeight(keyHeight);
        viewport->setTopPitch(topPitch);
        viewport->setFirstTick(0);
    }

    // Replaces the score's time signatures (the notes stay).
    void setMetres(std::vector<TimeSignatureChange> metres)
    {
        Score score = document.score();
        score.timeSignatures = std::move(metres);
        document.replaceScore(score);
    }

    NoteCanvas *canvas() const { return editor->canvas(); }
    const std::vector<Note> &notes() const { return document.score().tracks.at(0).notes; }
    const std::vector<Note> &selected() const { return editor->noteEditor()->selection()->notes(); }

    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::mousePress(canvas(), Qt::LeftButton, modifiers, from);
        QTest::mouseMove(canvas(), (from + to) / 2);
        QTest::mouseMove(canvas(), to);
        QTest::mouseRelease(canvas(), Qt::LeftButton, modifiers, to);
    }
    void click(QPoint pos, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::mouseClick(canvas(), Qt::LeftButton, modifiers, pos);
    }
};

// C4 quarter at 0, E4 quarter at 480, G4 eighth at 960.
const std::vector<Note> threeNotes = {{0, 480, 60, 80}, {480, 480, 64, 80}, {960, 240, 67, 80}};

} // namespace

class TestUiPianoRoll final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void clickOnEmptySpaceDrawsOneGridStepAndSoundsIt()
    {
        Fixture f(threeNotes);
        QSignalSpy on(f.canvas(), &NoteCanvas::previewNoteOn);
        QSignalSpy off(f.canvas(), &NoteCanvas::previewNoteOff);
        // WHEN the row of A#4 is clicked at tick 1930 (inside the 1/16 cell from 1920)
        f.click(at(xOf(1930) + 1, 70));
        // THEN a sixteenth A#4 starts at 1920, is selected, and was sounded and released
        QCOMPARE(f.notes().back(), (Note{1920, 120, 70, 80}));
        QCOMPARE(f.selected(), (std::vector<Note>{{1920, 120, 70, 80}}));
        QCOMPARE(f.document.undoStack()->undoText(), u"Draw Note"_s);
        QCOMPARE(on.size(), 1);
        QCOMPARE(on.first().first().toInt(), 70);
        QCOMPARE(off.size(), 1);
    }

    void dragOnEmptySpaceDrawsToTheCellUnderTheMouse()
    {
        Fixture f(threeNotes);
        // WHEN dragged from tick 1920 to tick 2392 in the row of D5
        f.drag(at(xOf(1920), 74), at(xOf(2392), 74));
        // THEN the note reaches the end of that 1/16 cell, 2400
        QCOMPARE(f.notes().back(), (Note{1920, 480, 74, 80}));
    }

    void altDisablesSnapping()
    {
        Fixture f(threeNotes);
        // WHEN drawn from tick 1928 to tick 2160 holding Alt
        f.drag(at(xOf(1928), 74), at(xOf(2160), 74), Qt::AltModifier);
        // THEN neither end is snapped
        QCOMPARE(f.notes().back(), (Note{1928, 232, 74, 80}));
    }

    void clickShiftClickAndRubberBandSelect()
    {
        Fixture f(threeNotes);
        // WHEN the C4 is clicked THEN only it is selected
        f.click(at(30, 60));
        QCOMPARE(f.selected(), (std::vector<Note>{{0, 480, 60, 80}}));
        // WHEN the G4 is shift-clicked THEN both are; shift-clicking the C4 again leaves the G4
        f.click(at(xOf(960) + 15, 67), Qt::ShiftModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{0, 480, 60, 80}, {960, 240, 67, 80}}));
        f.click(at(30, 60), Qt::ShiftModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{960, 240, 67, 80}}));
        // WHEN a Ctrl rubber band covers the E4 and the G4 THEN exactly those are selected
        f.drag(QPoint(1, 20), QPoint(125, 95), Qt::ControlModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{480, 480, 64, 80}, {960, 240, 67, 80}}));
        QCOMPARE(f.notes(), threeNotes);
        // WHEN empty space is clicked THEN a note is drawn and only it is selected
        f.click(at(xOf(2400), 50));
        QCOMPARE(f.selected(), (std::vector<Note>{{2400, 120, 50, 80}}));
    }

    void dragMovesTheSelectionSnappedAndUndoRedoRestoreIt()
    {
        Fixture f(threeNotes);
        f.drag(QPoint(1, 20), QPoint(125, 95), Qt::ControlModifier); // E4 and G4
        // WHEN the E4 is dragged 63 pixels right (504 ticks) and two rows up
        f.drag(at(xOf(480) + 30, 64), at(xOf(480) + 30 + 63, 66));
        // THEN both selected notes move by 480 ticks (E4 lands on the grid) and 2 semitones
        const std::vector<Note> moved = {{0, 480, 60, 80}, {960, 480, 66, 80}, {1440, 240, 69, 80}};
        QCOMPARE(f.notes(), moved);
        QCOMPARE(f.selected(), (std::vector<Note>{{960, 480, 66, 80}, {1440, 240, 69, 80}}));
        QCOMPARE(f.document.undoStack()->undoText(), u"Move Notes"_s);
        // WHEN undone THEN the notes and the selection are back; redone: moved again
        f.document.undoStack()->undo();
        QCOMPARE(f.notes(), threeNotes);
        QCOMPARE(f.selected(), (std::vector<Note>{{480, 480, 64, 80}, {960, 240, 67, 80}}));
        f.document.undoStack()->redo();
        QCOMPARE(f.notes(), moved);
    }

    void clickInsideASelectionWithoutDraggingSelectsOnlyThatNote()
    {
        Fixture f(threeNotes);
        QTest::keyClick(f.canvas(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(f.selected(), threeNotes);
        f.click(at(xOf(480) + 30, 64));
        QCOMPARE(f.selected(), (std::vector<Note>{{480, 480, 64, 80}}));
        QCOMPARE(f.document.undoStack()->count(), 0);
    }

    void dragNearTheEdgesResizesFromThatEnd()
    {
        Fixture f(threeNotes);
        // WHEN the C4's right edge is dragged 15 pixels (120 ticks) right
        f.drag(at(57, 60), at(57 + 15, 60));
        // THEN it ends 120 ticks later
        QCOMPARE(f.notes().front(), (Note{0, 600, 60, 80}));
        QCOMPARE(f.document.undoStack()->undoText(), u"Resize Notes"_s);
        // WHEN the E4's left edge is dragged 30 pixels (240 ticks) left
        f.drag(at(xOf(480) + 2, 64), at(xOf(480) + 2 - 30, 64));
        // THEN it starts 240 ticks earlier and still ends at 960
        QCOMPARE(f.notes()[1], (Note{240, 720, 64, 80}));
        // WHEN that left edge is dragged past the note's end THEN one grid step remains
        f.drag(at(xOf(240) + 2, 64), at(xOf(240) + 2 + 200, 64));
        QCOMPARE(f.notes()[1], (Note{840, 120, 64, 80}));
    }

    void deleteKeyRemovesTheSelectionUndoably()
    {
        Fixture f(threeNotes);
        f.click(at(xOf(480) + 30, 64));
        QTest::keyClick(f.canvas(), Qt::Key_Delete);
        QCOMPARE(f.notes(), (std::vector<Note>{{0, 480, 60, 80}, {960, 240, 67, 80}}));
        QVERIFY(f.selected().empty());
        f.document.undoStack()->undo();
        QCOMPARE(f.notes(), threeNotes);
        QCOMPARE(f.selected(), (std::vector<Note>{{480, 480, 64, 80}}));
        f.document.undoStack()->redo();
        QCOMPARE(f.notes().size(), std::size_t(2));
    }

    void arrowKeysMoveBySemitoneOctaveAndGridStep()
    {
        Fixture f(threeNotes);
        f.click(at(30, 60));
        QTest::keyClick(f.canvas(), Qt::Key_Up);
        QTest::keyClick(f.canvas(), Qt::Key_Up, Qt::ShiftModifier);
        QTest::keyClick(f.canvas(), Qt::Key_Right);
        QTest::keyClick(f.canvas(), Qt::Key_Right);
        QTest::keyClick(f.canvas(), Qt::Key_Left);
        QTest::keyClick(f.canvas(), Qt::Key_Down);
        QCOMPARE(f.selected(), (std::vector<Note>{{120, 480, 72, 80}}));
        QVERIFY(std::find(f.notes().begin(), f.notes().end(), Note{120, 480, 72, 80}) != f.notes().end());
        // THEN each key was one undo step
        QCOMPARE(f.document.undoStack()->count(), 6);
        // WHEN moved left past the start of the score THEN it stops at tick 0
        QTest::keyClick(f.canvas(), Qt::Key_Left);
        QTest::keyClick(f.canvas(), Qt::Key_Left);
        QCOMPARE(f.selected(), (std::vector<Note>{{0, 480, 72, 80}}));
    }

    void copyPasteAtThePlayheadAndDuplicate()
    {
        Fixture f(threeNotes);
        f.drag(QPoint(1, 20), QPoint(125, 95), Qt::ControlModifier); // E4 and G4
        // WHEN copied and pasted with the playhead at bar 3 (tick 3840)
        QTest::keyClick(f.canvas(), Qt::Key_C, Qt::ControlModifier);
        f.editor->setPlayhead(3840, false);
        QTest::keyClick(f.canvas(), Qt::Key_V, Qt::ControlModifier);
        // THEN the copy starts there with its rhythm kept, and is selected
        const std::vector<Note> pasted = {{3840, 480, 64, 80}, {4320, 240, 67, 80}};
        QCOMPARE(f.selected(), pasted);
        QCOMPARE(f.notes().size(), std::size_t(5));
        // WHEN duplicated THEN a copy follows right after the selection's span (720 ticks)
        QTest::keyClick(f.canvas(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{4560, 480, 64, 80}, {5040, 240, 67, 80}}));
        QCOMPARE(f.notes().size(), std::size_t(7));
        // WHEN the duplicate is cut THEN it is gone, and pasting brings it back at the playhead
        QTest::keyClick(f.canvas(), Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(f.notes().size(), std::size_t(5));
        f.editor->setPlayhead(0, false);
        QTest::keyClick(f.canvas(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{0, 480, 64, 80}, {480, 240, 67, 80}}));
    }

    void drawingSnapsToTheGridOfEachBarAfterAMetreChange()
    {
        // GIVEN a bar of 3/4, then 4/4 from tick 1440, and the half-note grid (960)
        Fixture f(std::vector<Note>{});
        f.setMetres({{0, 3, 4}, {1440, 4, 4}});
        f.editor->noteEditor()->setGridIndex(1);
        // WHEN clicked at tick 1504 (a grid from tick 0 would start the note at 960)
        f.click(at(xOf(1504), 60));
        // THEN the note starts on bar 2's line and fills one half-note cell
        QCOMPARE(f.notes(), (std::vector<Note>{{1440, 960, 60, 80}}));
        // WHEN clicked at tick 1000, in the 3/4 bar's short last cell THEN the note ends at the bar line
        f.click(at(xOf(1000), 62));
        QCOMPARE(f.notes().front(), (Note{960, 480, 62, 80}));
        // WHEN dragged from tick 1504 to tick 2504 in another row THEN it reaches bar 2's end, 3360
        f.drag(at(xOf(1504), 65), at(xOf(2504), 65));
        QCOMPARE(f.notes().back(), (Note{1440, 1920, 65, 80}));
    }

    void movingInSixEightSnapsToTripletsCountedFromTheBarLine()
    {
        // GIVEN 6/8 and the quarter-triplet grid (320 ticks, 4.5 to a bar), a note on bar 2's line
        Fixture f({{1440, 320, 60, 80}});
        f.setMetres({{0, 6, 8}});
        f.editor->noteEditor()->setGridIndex(3);
        // WHEN it is dragged 41 pixels (328 ticks) right
        f.drag(at(xOf(1440) + 20, 60), at(xOf(1440) + 20 + 41, 60));
        // THEN it lands on bar 2's second triplet, 1760 (not 1920, a multiple of 320 from tick 0)
        QCOMPARE(f.notes(), (std::vector<Note>{{1760, 320, 60, 80}}));
        // WHEN the right arrow is pressed THEN onto the next triplet, 2080; two more reach 2720,
        // and the next goes to the bar line 2880 (the bar's last, shorter cell)
        QTest::keyClick(f.canvas(), Qt::Key_Right);
        QCOMPARE(f.notes().front().start, Tick(2080));
        QTest::keyClick(f.canvas(), Qt::Key_Right);
        QTest::keyClick(f.canvas(), Qt::Key_Right);
        QCOMPARE(f.notes().front().start, Tick(2720));
        QTest::keyClick(f.canvas(), Qt::Key_Right);
        QCOMPARE(f.notes().front().start, Tick(2880));
    }

    void draggedNotesAreDrawnAtTheirNewPlaceOverFadedOriginals()
    {
        Fixture f(threeNotes);
        const QPoint original = at(xOf(480) + 30, 64);
        const QPoint target = original + QPoint(xOf(960), 0); // one half note later, tick 1440
        const int before = QColor(f.canvas()->grab().toImage().pixel(original)).lightness();
        // WHEN the E4 is dragged and the mouse is still down
        QTest::mousePress(f.canvas(), Qt::LeftButton, {}, original);
        QTest::mouseMove(f.canvas(), original + QPoint(20, 0));
        QTest::mouseMove(f.canvas(), target);
        const QImage during = f.canvas()->grab().toImage();
        // THEN its old place shows only a faint shadow and its new place a solid note
        const int left = QColor(during.pixel(original)).lightness();
        const int arrived = QColor(during.pixel(target)).lightness();
        QVERIFY2(left < before - 40, qPrintable(u"%1 -> %2"_s.arg(before).arg(left)));
        QVERIFY2(arrived >= before, qPrintable(u"%1 vs %2"_s.arg(arrived).arg(before)));
        // THEN nothing has changed in the score until the button is released
        QCOMPARE(f.notes(), threeNotes);
        QTest::mouseRelease(f.canvas(), Qt::LeftButton, {}, target);
        QCOMPARE(f.notes()[2], (Note{1440, 480, 64, 80}));
        const int after = QColor(f.canvas()->grab().toImage().pixel(original)).lightness();
        QVERIFY(after < before - 40);
    }

    void hoveringARowLightsItAndItsKey()
    {
        Fixture f(threeNotes);
        auto *keyboard = f.editor->findChild<KeyboardWidget *>();
        const QPoint spot = at(607, 66); // F#4, clear of notes and grid lines
        const QPoint key(5, spot.y());
        const auto lightness = [](QWidget *widget, QPoint pos) {
            return QColor(widget->grab().toImage().pixel(pos)).lightness();
        };
        const int rowBefore = lightness(f.canvas(), spot);
        const int keyBefore = lightness(keyboard, key);
        QSignalSpy hover(f.canvas(), &NoteCanvas::hoverPitchChanged);
        // WHEN the mouse rests over the row of F#4
        QTest::mouseMove(f.canvas(), spot);
        // THEN the row and its black key are lit
        QCOMPARE(hover.last().first().toInt(), 66);
        QVERIFY(lightness(f.canvas(), spot) > rowBefore);
        QVERIFY(lightness(keyboard, key) > keyBefore + 20);
        // WHEN the mouse leaves the notes THEN both go back
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(f.canvas(), &leave);
        QCOMPARE(hover.last().first().toInt(), -1);
        QCOMPARE(lightness(f.canvas(), spot), rowBefore);
        QCOMPARE(lightness(keyboard, key), keyBefore);
    }

    void rulerKeepsTheTempoAndMetreInForceAtItsLeftEdge()
    {
        Fixture f(threeNotes);
        auto *ruler = f.editor->findChild<TimeRuler *>();
        // Pixels of the flags' colours in the ruler's first 40 columns.
        const auto flagPixels = [ruler](QRgb colour) {
            const QImage image = ruler->grab().toImage();
            int count = 0;
            for (int y = 0; y < 22; ++y)
                for (int x = 0; x < 40; ++x)
                    count += (image.pixel(x, y) & 0xffffff) == (colour & 0xffffff);
            return count;
        };
        const QRgb tempoColour = qRgb(0x8a, 0x3b, 0x12);
        const QRgb metreColour = qRgb(0x1d, 0x4e, 0x89);
        QVERIFY(flagPixels(tempoColour) > 0);
        QVERIFY(flagPixels(metreColour) > 0);
        // WHEN the view starts at bar 3, long after the only tempo and metre (at tick 0)
        f.editor->viewport()->setFirstTick(3840);
        // THEN both are still shown at the left edge
        QVERIFY(flagPixels(tempoColour) > 0);
        QVERIFY(flagPixels(metreColour) > 0);
    }

    void copiedNotesPasteIntoAnotherEditorThroughTheSystemClipboard()
    {
        // GIVEN two editors on two documents, as in two running Tuttis
        Fixture source(threeNotes);
        Fixture target({{0, 240, 50, 70}});
        // WHEN the E4 and G4 are copied in the first
        source.drag(QPoint(1, 20), QPoint(125, 95), Qt::ControlModifier);
        QTest::keyClick(source.canvas(), Qt::Key_C, Qt::ControlModifier);
        // THEN the system clipboard holds them, relative to the first onset
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime != nullptr && mime->hasFormat(noteClipboardMimeType));
        QCOMPARE(decodeClipboardNotes(mime->data(noteClipboardMimeType), 480),
                 std::optional<std::vector<Note>>({{0, 480, 64, 80}, {480, 240, 67, 80}}));
        // WHEN pasted in the second at its playhead, tick 1920
        target.editor->setPlayhead(1920, false);
        QTest::keyClick(target.canvas(), Qt::Key_V, Qt::ControlModifier);
        // THEN they land there in its active track, selected
        const std::vector<Note> pasted = {{1920, 480, 64, 80}, {2400, 240, 67, 80}};
        QCOMPARE(target.notes(), (std::vector<Note>{{0, 240, 50, 70}, {1920, 480, 64, 80}, {2400, 240, 67, 80}}));
        QCOMPARE(target.selected(), pasted);
    }

    void pasteTakesForeignResolutionsAndIgnoresOtherClipboardContent()
    {
        Fixture f(threeNotes);
        // GIVEN notes another Tutti copied from a 960-per-quarter score
        auto *mime = new QMimeData;
        mime->setData(noteClipboardMimeType, encodeClipboardNotes({{0, 960, 72, 100}, {960, 960, 74, 100}}, 960));
        QGuiApplication::clipboard()->setMimeData(mime);
        // WHEN pasted at tick 0 THEN they keep their musical lengths at 480 per quarter
        QTest::keyClick(f.canvas(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{0, 480, 72, 100}, {480, 480, 74, 100}}));
        // GIVEN the C4 copied here, then text copied elsewhere over the system clipboard
        f.click(at(30, 60));
        QTest::keyClick(f.canvas(), Qt::Key_C, Qt::ControlModifier);
        QGuiApplication::clipboard()->setText(u"some text"_s);
        // WHEN pasted at tick 3840 THEN the editor's own last copy comes
        f.editor->setPlayhead(3840, false);
        QTest::keyClick(f.canvas(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.selected(), (std::vector<Note>{{3840, 480, 60, 80}}));
    }

    void quantizeKeySnapsTheSelectionToTheChosenGrid()
    {
        Fixture f({{10, 450, 60, 80}, {500, 200, 62, 80}});
        // GIVEN the 1/8 grid (240 ticks)
        f.editor->noteEditor()->setGridIndex(4);
        QCOMPARE(f.editor->noteEditor()->gridStep(), Tick(240));
        QTest::keyClick(f.canvas(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(f.canvas(), Qt::Key_Q);
        QCOMPARE(f.notes(), (std::vector<Note>{{0, 480, 60, 80}, {480, 240, 62, 80}}));
        QCOMPARE(f.document.undoStack()->undoText(), u"Quantize"_s);
    }

    void velocityLaneSetsOneNoteOrTheSelection()
    {
        Fixture f(threeNotes);
        VelocityLane *lane = f.editor->velocityLane();
        // WHEN the unselected C4's stem is dragged to the top THEN only it gets 127
        QTest::mousePress(lane, Qt::LeftButton, {}, QPoint(1, 60));
        QTest::mouseMove(lane, QPoint(1, 30));
        QTest::mouseRelease(lane, Qt::LeftButton, {}, QPoint(1, 0));
        QCOMPARE(f.notes(), (std::vector<Note>{{0, 480, 60, 127}, {480, 480, 64, 80}, {960, 240, 67, 80}}));
        QCOMPARE(f.document.undoStack()->undoText(), u"Change Velocity"_s);
        // WHEN the E4 and G4 are selected and the G4's stem is dragged to the bottom
        f.drag(QPoint(1, 20), QPoint(125, 95), Qt::ControlModifier);
        QTest::mousePress(lane, Qt::LeftButton, {}, QPoint(xOf(960) + 2, 50));
        QTest::mouseRelease(lane, Qt::LeftButton, {}, QPoint(xOf(960) + 2, lane->height()));
        // THEN both get the lowest velocity, in one undo step
        QCOMPARE(f.notes(), (std::vector<Note>{{0, 480, 60, 127}, {480, 480, 64, 1}, {960, 240, 67, 1}}));
        f.document.undoStack()->undo();
        QCOMPARE(f.notes()[1].velocity, 80);
        QCOMPARE(f.notes()[2].velocity, 80);
    }

    void velocityLaneFollowsANoteDragInProgress()
    {
        Fixture f(threeNotes);
        VelocityLane *lane = f.editor->velocityLane();
        // A pixel of a stem's line, low in the lane (every velocity reaches it), at tick `tick`.
        const auto stemLightness = [lane](Tick tick) {
            return QColor(lane->grab().toImage().pixel(xOf(tick) + 1, lane->height() - 10)).lightness();
        };
        const int stem = stemLightness(480);
        const int empty = stemLightness(1440);
        QVERIFY2(stem > empty + 40, qPrintable(u"%1 vs %2"_s.arg(stem).arg(empty)));
        // WHEN the E4 is dragged one half note later (tick 1440) and the mouse is still down
        const QPoint original = at(xOf(480) + 30, 64);
        const QPoint target = original + QPoint(xOf(960), 0);
        QTest::mousePress(f.canvas(), Qt::LeftButton, {}, original);
        QTest::mouseMove(f.canvas(), original + QPoint(20, 0));
        QTest::mouseMove(f.canvas(), target);
        // THEN its stem stands at the new place and only a shadow is left at the old one
        QVERIFY2(stemLightness(1440) >= stem, qPrintable(u"%1 vs %2"_s.arg(stemLightness(1440)).arg(stem)));
        QVERIFY2(stemLightness(480) < stem - 40, qPrintable(u"%1 vs %2"_s.arg(stemLightness(480)).arg(stem)));
        QCOMPARE(f.notes(), threeNotes);
        // WHEN released THEN the lane shows the moved note from the score, and no shadow
        QTest::mouseRelease(f.canvas(), Qt::LeftButton, {}, target);
        QCOMPARE(f.notes()[2], (Note{1440, 480, 64, 80}));
        QVERIFY(stemLightness(1440) >= stem);
        QCOMPARE(stemLightness(480), empty);
        // WHEN a new note is being drawn at tick 2400 THEN its stem shows before release
        const QPoint draw = at(xOf(2400) + 2, 62);
        QTest::mousePress(f.canvas(), Qt::LeftButton, {}, draw);
        QVERIFY(stemLightness(2400) > empty + 40);
        QTest::mouseRelease(f.canvas(), Qt::LeftButton, {}, draw);
        QCOMPARE(f.notes().back().start, Tick(2400));
    }

    void switchingTracksClearsTheSelectionAndEditsTheNewTrack()
    {
        Fixture f(threeNotes);
        Score score = f.document.score();
        score.addTrack(u"Viola"_s, 41);
        f.document.replaceScore(score);
        QTest::keyClick(f.canvas(), Qt::Key_A, Qt::ControlModifier);
        f.editor->setActiveTrack(1);
        QVERIFY(f.selected().empty());
        f.click(at(xOf(1920), 55));
        QCOMPARE(f.document.score().tracks[1].notes, (std::vector<Note>{{1920, 120, 55, 80}}));
        QCOMPARE(f.notes(), threeNotes);
    }

    void mainWindowOffersTheEditMenuAndTheGrid()
    {
        MainWindow window;
        QStringList texts;
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
            for (QAction *action : menu->actions())
                texts << action->text();
        for (const QString &name : {u"Cu&t"_s, u"&Copy"_s, u"&Paste at Playhead"_s, u"&Delete"_s, u"D&uplicate"_s,
                                    u"Select &All"_s, u"&Quantize"_s, u"Transpose &Up"_s, u"Transpose Do&wn"_s})
            QVERIFY2(texts.contains(name), qPrintable(name));
        // WHEN the grid box picks 1/4T THEN the editor snaps to 320 ticks
        auto *toolBar = window.findChild<EditToolBar *>();
        QVERIFY(toolBar != nullptr);
        toolBar->gridBox()->setCurrentIndex(3);
        QCOMPARE(window.pianoRoll()->noteEditor()->gridStep(), Tick(320));
    }

    void zoomKeysZoomTimeAroundTheMiddle()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PianoRollViewport *viewport = window.pianoRoll()->viewport();
        viewport->setPixelsPerTick(pixelsPerTick);
        viewport->setFirstTick(0);
        const double middle = window.pianoRoll()->canvas()->width() / 2.0;
        const Tick centre = viewport->tickAtX(middle);
        // WHEN Zoom In is pressed THEN time is 1.25 times wider and the middle tick stays put
        QTest::keySequence(&window, QKeySequence::ZoomIn);
        QCOMPARE(viewport->pixelsPerTick(), pixelsPerTick * 1.25);
        QVERIFY(std::abs(viewport->tickAtX(middle) - centre) <= 8);
        QTest::keySequence(&window, QKeySequence::ZoomOut);
        QCOMPARE(viewport->pixelsPerTick(), pixelsPerTick);
    }
};

QTEST_MAIN(TestUiPianoRoll)
#include "testuipianoroll.moc"
