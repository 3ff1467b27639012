// SPDX-License-Identifier: GPL-3.0-or-later
// testuimainwindowfiles.cpp — what the main window keeps across sessions and edits beyond
// notes: crash recovery at start, a save/close/reopen round trip, the tempo and metre
// dialog, and the track list's add, instrument and reorder actions.
#include "dialogs/tempometredialog.h"
#include "edit/autosaver.h"
#include "edit/mapcommands.h"
#include "edit/notecommands.h"
#include "edit/scoredocument.h"
#include "edit/trackcommands.h"
#include "edit/tracklistcommand.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/terminationsignals.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/timeruler.h"
#include "tracks/tracklistpanel.h"
#include "tracks/trackrow.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// Presses `button` in the next message box that appears (a modal box would block the test).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, [poll, button] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (box && box->isVisible() && box->button(button)) {
                poll->deleteLater();
                box->button(button)->click();
                return;
            }
        }
    });
    poll->start(10);
}

// Leaves a recovery copy of an edited score whose project file is `projectPath`.
void leaveRecoveryCopy(const QString &projectPath, const Note &note)
{
    ScoreDocument crashed;
    QVERIFY(crashed.saveAs(projectPath).isEmpty());
    crashed.undoStack()->push(new EditNotesCommand(&crashed, {{0, {}, {note}}}, u"Draw Note"_s));
    Autosaver autosaver(&crashed);
    QVERIFY(autosaver.saveNow().isEmpty());
}

// Every recovery copy in the folder the windows use, whoever wrote it.
QStringList recoveryCopies()
{
    return QDir(Autosaver::defaultFolder()).entryList({u"recovery*.tutti"_s}, QDir::Files);
}

QAction *findAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
        if (action->menu()) {
            if (QAction *inner = findAction(action->menu(), text))
                return inner;
        }
    }
    return nullptr;
}

} // namespace

class TestUiMainWindowFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the recovery copy and settings stay in test folders
        for (const QString &name : recoveryCopies())
            QFile::remove(QDir(Autosaver::defaultFolder()).filePath(name));
    }

    void startOffersToRestoreTheRecoveryCopy()
    {
        // GIVEN a recovery copy left by a session that crashed while editing piece.tutti
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(u"piece.tutti"_s);
        const Note lost{960, 240, 67, 99};
        leaveRecoveryCopy(projectPath, lost);
        // WHEN a window starts and the user answers Yes
        answerNextMessageBox(QMessageBox::Yes);
        MainWindow window;
        window.show();
        // THEN the edit is back, unsaved, under the project's own name
        QTRY_VERIFY(window.document()->isModified());
        QCOMPARE(window.document()->score().tracks.at(0).notes, std::vector<Note>{lost});
        QCOMPARE(window.document()->filePath(), QFileInfo(projectPath).absoluteFilePath());
        QVERIFY(window.windowTitle().startsWith(u"piece.tutti"_s));
        QVERIFY(Autosaver::hasRecovery(window.autosaver()->recoveryPath()));
        // WHEN the window closes normally, discarding the changes THEN the copy is gone
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window.close());
        QVERIFY(recoveryCopies().isEmpty());
    }

    void decliningTheRestoreRemovesTheCopy()
    {
        QTemporaryDir dir;
        leaveRecoveryCopy(dir.filePath(u"piece.tutti"_s), {0, 480, 60, 80});
        answerNextMessageBox(QMessageBox::No);
        MainWindow window;
        window.show();
        QTRY_VERIFY(recoveryCopies().isEmpty());
        QVERIFY(!window.document()->isModified());
        QVERIFY(window.document()->score().tracks.at(0).notes.empty());
    }

    void aSecondWindowLeavesTheCopyOfARunningOneAlone()
    {
        // GIVEN a window (another running Tutti) with autosaved, unsaved changes
        MainWindow running;
        running.show();
        running.document()->undoStack()->push(
            new EditNotesCommand(running.document(), {{0, {}, {{0, 480, 60, 80}}}}, u"Draw Note"_s));
        QVERIFY(running.autosaver()->saveNow().isEmpty());
        // WHEN a second window starts (any question it asked would be answered No)
        int questions = 0;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [&questions] {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible()) {
                    ++questions;
                    box->button(QMessageBox::No) ? box->button(QMessageBox::No)->click() : box->reject();
                }
        });
        poll.start(10);
        {
            MainWindow second;
            second.show();
            QVERIFY(QTest::qWaitForWindowExposed(&second));
            QTest::qWait(100);
            // THEN it asks nothing, and the running window's copy is still there
            QCOMPARE(questions, 0);
            QVERIFY(Autosaver::hasRecovery(running.autosaver()->recoveryPath()));
            QVERIFY(second.autosaver()->recoveryPath() != running.autosaver()->recoveryPath());
        }
        poll.stop();
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(running.close());
        QVERIFY(recoveryCopies().isEmpty());
    }

    void saveCloseReopenKeepsEverything()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"round.tutti"_s);
        Score expected;
        {
            // GIVEN tracks, colours, instruments, mixer settings, tempo, metre and notes set
            // through the document's commands
            MainWindow window;
            ScoreDocument *document = window.document();
            QUndoStack *undo = document->undoStack();
            undo->push(TrackListCommand::add(document, 40));
            undo->push(TrackListCommand::add(document, 42));
            const std::vector<std::tuple<QString, int, std::uint32_t, int, bool>> settings{
                {u"Flute"_s, 73, 0xff8800u, 90, false},
                {u"Violin"_s, 40, 0x2266ccu, 110, true},
                {u"Cello"_s, 42, 0x33aa55u, 70, false}};
            for (int i = 0; i < 3; ++i) {
                Track track = document->score().tracks.at(static_cast<std::size_t>(i));
                std::tie(track.name, track.program, track.colour, track.volume, track.muted) = settings[std::size_t(i)];
                track.pan = 30 + 20 * i;
                undo->push(new ChangeTrackCommand(document, i, track, u"Track Settings"_s));
            }
            undo->push(new EditNotesCommand(document,
                                            {{0, {}, {{0, 480, 72, 90}, {480, 240, 74, 64}}},
                                             {1, {}, {{0, 960, 67, 100}}},
                                             {2, {}, {{0, 1920, 36, 80}, {1920, 1440, 43, 70}}}},
                                            u"Draw Notes"_s));
            undo->push(new ChangeMapsCommand(document, {{0, 500000}, {1920, TempoChange::microsecondsFromBpm(72)}},
                                             {{0, 4, 4}, {1920, 3, 4}, {3360, 6, 8}}, u"Edit Tempo and Metre"_s));
            expected = document->score();
            expected.normalize();
            // WHEN it is saved and the window closed
            QVERIFY(document->saveAs(path).isEmpty());
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.close());
        }
        // THEN a new window opening the file has exactly the same score, and shows it
        MainWindow reopened;
        reopened.resize(1000, 700);
        reopened.show();
        QVERIFY(reopened.openFile(path));
        const Score &actual = reopened.document()->score();
        QCOMPARE(actual.tracks.size(), expected.tracks.size());
        for (std::size_t i = 0; i < expected.tracks.size(); ++i) {
            QCOMPARE(actual.tracks[i].name, expected.tracks[i].name);
            QCOMPARE(actual.tracks[i].colour, expected.tracks[i].colour);
            QCOMPARE(actual.tracks[i].program, expected.tracks[i].program);
            QCOMPARE(actual.tracks[i].notes, expected.tracks[i].notes);
        }
        QCOMPARE(actual.tempos, expected.tempos);
        QCOMPARE(actual.timeSignatures, expected.timeSignatures);
        QVERIFY(actual == expected); // every other field too (channels, pan, volume, mute, ...)
        QCOMPARE(reopened.findChildren<TrackRow *>().size(), 3);
        QVERIFY(!reopened.document()->isModified());
    }

    void tempoAndMetreDialogAddsChangesAndRemovesThem()
    {
        ScoreDocument document;
        const Score original = document.score();
        // GIVEN the dialog opened a little after the start of bar 2 in 4/4
        {
            TempoMetreDialog dialog(document.score(), 1920 + 100);
            QCOMPARE(dialog.tempoTick(), Tick(1920));
            QCOMPARE(dialog.metreTick(), Tick(1920));
            QVERIFY(!dialog.apply(&document)); // nothing asked for yet, nothing pushed
            // WHEN a tempo of 90 and a 6/8 metre are set there
            dialog.findChild<QCheckBox *>(u"tempoHere"_s)->setChecked(true);
            dialog.findChild<QDoubleSpinBox *>(u"bpm"_s)->setValue(90.0);
            dialog.findChild<QCheckBox *>(u"metreHere"_s)->setChecked(true);
            dialog.findChild<QSpinBox *>(u"numerator"_s)->setValue(6);
            auto *denominator = dialog.findChild<QComboBox *>(u"denominator"_s);
            denominator->setCurrentIndex(denominator->findText(u"8"_s));
            QVERIFY(dialog.apply(&document));
        }
        // THEN both maps gain an entry at bar 2
        QCOMPARE(document.score().tempos,
                 (std::vector<TempoChange>{{0, 500000}, {1920, TempoChange::microsecondsFromBpm(90)}}));
        QCOMPARE(document.score().timeSignatures, (std::vector<TimeSignatureChange>{{0, 4, 4}, {1920, 6, 8}}));
        // WHEN the dialog opens there again and the tempo box is unticked
        {
            TempoMetreDialog dialog(document.score(), 1920);
            QVERIFY(dialog.findChild<QCheckBox *>(u"tempoHere"_s)->isChecked());
            QCOMPARE(dialog.findChild<QSpinBox *>(u"numerator"_s)->value(), 6);
            dialog.findChild<QCheckBox *>(u"tempoHere"_s)->setChecked(false);
            QVERIFY(dialog.apply(&document));
        }
        // THEN only the tempo change goes; two undos restore the original maps
        QCOMPARE(document.score().tempos, (std::vector<TempoChange>{{0, 500000}}));
        QCOMPARE(document.score().timeSignatures.size(), std::size_t(2));
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(document.score(), original);
    }

    void doubleClickInTheRulerAsksToEditTheMaps()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy asked(window.pianoRoll(), &PianoRollEditor::mapEditRequested);
        QSignalSpy seeks(window.pianoRoll(), &PianoRollEditor::seekRequested);
        auto *ruler = window.pianoRoll()->findChild<TimeRuler *>();
        // WHEN the ruler is double-clicked (a modal dialog opens: close it)
        QTimer::singleShot(50, [] {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (auto *dialog = qobject_cast<TempoMetreDialog *>(widget))
                    dialog->reject();
        });
        QTest::mouseDClick(ruler, Qt::LeftButton, {}, QPoint(40, 20));
        // THEN the maps are asked for once, with no extra seek from the second click
        QCOMPARE(asked.size(), 1);
        QCOMPARE(seeks.size(), 0);
        QVERIFY(!window.document()->isModified());
    }

    void trackListAddsChoosesInstrumentAndReorders()
    {
        MainWindow window;
        window.show();
        auto *panel = window.findChild<TrackListPanel *>();
        // WHEN "Add Track" is clicked
        QTest::mouseClick(panel->findChild<QPushButton *>(u"addTrack"_s), Qt::LeftButton);
        // THEN a second row appears and becomes the active track
        QCOMPARE(window.findChildren<TrackRow *>().size(), 2);
        QCOMPARE(panel->activeTrack(), 1);
        // WHEN Violin is chosen from the Strings family in the new row's menu
        TrackRow *row = window.findChildren<TrackRow *>().at(1);
        std::unique_ptr<QMenu> menu(row->menu(nullptr));
        QVERIFY(findAction(menu.get(), u"Strings"_s));
        findAction(menu.get(), u"Violin"_s)->trigger();
        QCOMPARE(window.document()->score().tracks.at(1).program, 40);
        // WHEN it is moved up
        findAction(menu.get(), u"Move &Up"_s)->trigger();
        QTRY_COMPARE(window.document()->score().tracks.at(0).program, 40);
        // THEN it is first and still active; undo puts it back
        QCOMPARE(panel->activeTrack(), 0);
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->score().tracks.at(1).program, 40);
        QVERIFY(findAction(menu.get(), u"&Remove Track"_s)->isEnabled());
    }

    void terminationClosesWithoutAskingAndKeepsOnlyUnsavedWork()
    {
        TerminationSignals termination;
        QVERIFY(termination.isInstalled());
        QSignalSpy received(&termination, &TerminationSignals::received);
        const Note edit{480, 240, 64, 90};
        {
            // GIVEN a window with an edit that no autosave has written yet
            MainWindow window;
            connect(&termination, &TerminationSignals::received, &window, &MainWindow::closeForShutdown);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            ScoreDocument *document = window.document();
            document->undoStack()->push(new EditNotesCommand(document, {{0, {}, {edit}}}, u"Draw Note"_s));
            QVERIFY(document->isModified() && recoveryCopies().isEmpty());
            // WHEN the session ends: SIGTERM
            std::raise(SIGTERM);
            QVERIFY(received.wait(5000));
            QCOMPARE(received.first().first().toInt(), SIGTERM);
            // THEN the window has closed without asking
            QVERIFY(!window.isVisible());
        }
        // AND once it is gone, a copy of the edit is left for the next start
        const QStringList copies = recoveryCopies();
        QCOMPARE(copies.size(), 1);
        const RecoveredScore recovered = Autosaver::readRecovery(QDir(Autosaver::defaultFolder()).filePath(copies.first()));
        QVERIFY2(recovered.ok(), qPrintable(recovered.error));
        QCOMPARE(recovered.score.tracks.at(0).notes, std::vector<Note>{edit});
        for (const QString &name : QDir(Autosaver::defaultFolder()).entryList({u"recovery*"_s}, QDir::Files))
            QVERIFY(QFile::remove(QDir(Autosaver::defaultFolder()).filePath(name)));
        {
            // GIVEN a window whose edits were undone WHEN SIGINT (Ctrl+C) THEN it closes, leaving no copy
            MainWindow window;
            connect(&termination, &TerminationSignals::received, &window, &MainWindow::closeForShutdown);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            ScoreDocument *document = window.document();
            document->undoStack()->push(new EditNotesCommand(document, {{0, {}, {edit}}}, u"Draw Note"_s));
            QVERIFY(window.autosaver()->saveNow().isEmpty());
            document->undoStack()->undo();
            QVERIFY(!document->isModified());
            std::raise(SIGINT);
            QVERIFY(received.wait(5000));
            QCOMPARE(received.last().first().toInt(), SIGINT);
            QVERIFY(!window.isVisible());
        }
        QVERIFY(recoveryCopies().isEmpty());
    }
};

QTEST_MAIN(TestUiMainWindowFiles)
#include "testuimainwindowfiles.moc"
