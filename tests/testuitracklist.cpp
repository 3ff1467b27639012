// SPDX-License-Identifier: GPL-3.0-or-later
// testuitracklist.cpp — the track list with real mouse and key events on the offscreen
// platform: renaming in place, colours from the palette and the colour dialog, and
// reordering by dragging a row; each change one undo step.
#include "edit/scoredocument.h"
#include "tracks/tracklistpanel.h"
#include "tracks/trackrow.h"

#include <QApplication>
#include <QColorDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

struct Fixture
{
    ScoreDocument document;
    std::unique_ptr<TrackListPanel> panel;

    Fixture()
    {
        Score score;
        score.addTrack(u"Violin"_s, 40).notes = {{0, 480, 76, 80}};
        score.addTrack(u"Viola"_s, 41).notes = {{0, 480, 67, 80}};
        score.addTrack(u"Cello"_s, 42).notes = {{0, 480, 48, 80}};
        document.replaceScore(score);
        panel = std::make_unique<TrackListPanel>(&document);
        panel->resize(320, 400);
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    }

    TrackRow *row(int index) const { return panel->findChildren<TrackRow *>().at(index); }
    QStringList names() const
    {
        QStringList result;
        for (const Track &track : document.score().tracks)
            result << track.name;
        return result;
    }
    // The label in row `index` that shows `text`.
    QLabel *label(int index, const QString &text) const
    {
        for (QLabel *candidate : row(index)->findChildren<QLabel *>())
            if (candidate->text() == text)
                return candidate;
        return nullptr;
    }
};

QAction *findAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
        if (action->menu())
            if (QAction *inner = findAction(action->menu(), text))
                return inner;
    }
    return nullptr;
}

} // namespace

class TestUiTrackList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void doubleClickingTheNameRenamesTheTrackUndoably()
    {
        Fixture f;
        QLabel *name = f.label(1, u"Viola"_s);
        QVERIFY(name != nullptr);
        // WHEN the name is double-clicked, a new one typed and Enter pressed
        QTest::mouseDClick(f.row(1), Qt::LeftButton, {}, name->geometry().center());
        QLineEdit *field = f.row(1)->nameEditor();
        QVERIFY(field->isVisible());
        QCOMPARE(field->selectedText(), u"Viola"_s);
        QTest::keyClicks(field, u"Viola da gamba"_s);
        QTest::keyClick(field, Qt::Key_Return);
        // THEN the track is renamed in one undo step and the row shows the new name
        QCOMPARE(f.names(), (QStringList{u"Violin"_s, u"Viola da gamba"_s, u"Cello"_s}));
        QCOMPARE(f.document.undoStack()->undoText(), u"Rename Track"_s);
        QVERIFY(field->isHidden());
        QVERIFY(f.label(1, u"Viola da gamba"_s) != nullptr);
        QCOMPARE(f.document.score().tracks.at(1).notes.size(), std::size_t(1));
        f.document.undoStack()->undo();
        QCOMPARE(f.names().at(1), u"Viola"_s);
        QVERIFY(f.label(1, u"Viola"_s) != nullptr);
    }

    void escapeCancelsARenameFromTheMenu()
    {
        Fixture f;
        // WHEN "Rename..." is chosen from the cello's menu, text typed and Escape pressed
        std::unique_ptr<QMenu> menu(f.row(2)->menu(nullptr));
        findAction(menu.get(), u"Re&name..."_s)->trigger();
        QLineEdit *field = f.row(2)->nameEditor();
        QTRY_VERIFY(field->isVisible());
        QTest::keyClicks(field, u"Bass"_s);
        QTest::keyClick(field, Qt::Key_Escape);
        // THEN nothing changed and nothing is on the undo stack
        QVERIFY(field->isHidden());
        QCOMPARE(f.names(), (QStringList{u"Violin"_s, u"Viola"_s, u"Cello"_s}));
        QCOMPARE(f.document.undoStack()->count(), 0);
        // WHEN an empty name is entered THEN it is refused too
        findAction(menu.get(), u"Re&name..."_s)->trigger();
        QTRY_VERIFY(field->isVisible());
        QTest::keyClick(field, Qt::Key_Delete);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(f.document.undoStack()->count(), 0);
    }

    void paletteAndColourDialogSetTheColour()
    {
        Fixture f;
        // WHEN Red is picked from the violin's colour menu
        std::unique_ptr<QMenu> menu(f.row(0)->menu(nullptr));
        QAction *red = findAction(menu.get(), u"Red"_s);
        QVERIFY(red != nullptr);
        QVERIFY(!red->isChecked());
        red->trigger();
        // THEN the track takes the palette's red in one undo step
        QCOMPARE(f.document.score().tracks.at(0).colour, defaultTrackColour(2));
        QCOMPARE(f.document.undoStack()->undoText(), u"Track Colour"_s);
        // WHEN "Custom Colour..." opens the colour dialog and #123abc is accepted in it
        QTimer answer;
        QObject::connect(&answer, &QTimer::timeout, [] {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (auto *dialog = qobject_cast<QColorDialog *>(widget); dialog && dialog->isVisible()) {
                    dialog->setCurrentColor(QColor(0x12, 0x3a, 0xbc));
                    dialog->accept();
                }
        });
        answer.start(10);
        findAction(menu.get(), u"&Custom Colour..."_s)->trigger();
        // THEN the track has that colour; two undos restore the original
        QTRY_COMPARE(f.document.score().tracks.at(0).colour, 0x123abcu);
        QCOMPARE(f.document.undoStack()->count(), 2);
        f.document.undoStack()->undo();
        f.document.undoStack()->undo();
        QCOMPARE(f.document.score().tracks.at(0).colour, defaultTrackColour(0));
    }

    void clickingTheSwatchOpensTheColourMenu()
    {
        Fixture f;
        QLabel *swatch = f.row(1)->findChildren<QLabel *>().first();
        QVERIFY(swatch->toolTip() == u"Track colour"_s);
        QTest::mouseClick(swatch, Qt::LeftButton);
        QMenu *popup = nullptr;
        QTRY_VERIFY((popup = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr);
        QVERIFY(findAction(popup, u"Green"_s) != nullptr);
        QCOMPARE(f.panel->activeTrack(), 1);
        popup->close();
    }

    void draggingARowReordersTheTracks()
    {
        Fixture f;
        TrackRow *cello = f.row(2);
        const QPoint grip = f.label(2, u"Cello"_s)->geometry().center();
        // WHEN the cello's row is dragged by its name to the top of the violin's row
        const QPoint violinTop = cello->mapFromGlobal(f.row(0)->mapToGlobal(QPoint(grip.x(), 3)));
        QTest::mousePress(cello, Qt::LeftButton, {}, grip);
        QTest::mouseMove(cello, grip - QPoint(0, 20));
        QTest::mouseMove(cello, violinTop);
        // THEN a marker shows the gap it will land in, above the violin
        QFrame *marker = nullptr;
        for (QFrame *frame : f.panel->findChildren<QFrame *>())
            if (frame->height() == 3 && frame->isVisible())
                marker = frame;
        QVERIFY(marker != nullptr);
        QVERIFY(marker->geometry().bottom() <= f.row(0)->geometry().top());
        QTest::mouseRelease(cello, Qt::LeftButton, {}, violinTop);
        // THEN the cello comes first with its notes, active, in one undo step
        QTRY_COMPARE(f.names(), (QStringList{u"Cello"_s, u"Violin"_s, u"Viola"_s}));
        QCOMPARE(f.document.score().tracks.at(0).notes.at(0).pitch, 48);
        QCOMPARE(f.panel->activeTrack(), 0);
        QVERIFY(marker->isHidden());
        QCOMPARE(f.document.undoStack()->undoText(), u"Move Track"_s);
        f.document.undoStack()->undo();
        QCOMPARE(f.names(), (QStringList{u"Violin"_s, u"Viola"_s, u"Cello"_s}));

        // WHEN the violin is dragged below the last row THEN it goes last
        const QPoint violinGrip = f.label(0, u"Violin"_s)->geometry().center();
        const QPoint belowCello =
            f.row(0)->mapFromGlobal(f.row(2)->mapToGlobal(QPoint(violinGrip.x(), f.row(2)->height() - 2)));
        QTest::mousePress(f.row(0), Qt::LeftButton, {}, violinGrip);
        QTest::mouseMove(f.row(0), violinGrip + QPoint(0, 20));
        QTest::mouseMove(f.row(0), belowCello);
        QTest::mouseRelease(f.row(0), Qt::LeftButton, {}, belowCello);
        QTRY_COMPARE(f.names(), (QStringList{u"Viola"_s, u"Cello"_s, u"Violin"_s}));
        // WHEN a row is dropped outside the list THEN nothing moves
        const int steps = f.document.undoStack()->count();
        QTest::mousePress(f.row(0), Qt::LeftButton, {}, violinGrip);
        QTest::mouseMove(f.row(0), violinGrip + QPoint(500, 0));
        QTest::mouseRelease(f.row(0), Qt::LeftButton, {}, violinGrip + QPoint(500, 0));
        QTest::qWait(20);
        QCOMPARE(f.document.undoStack()->count(), steps);
    }
};

QTEST_MAIN(TestUiTrackList)
#include "testuitracklist.moc"
