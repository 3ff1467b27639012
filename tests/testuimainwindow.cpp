// SPDX-License-Identifier: GPL-3.0-or-later
// testuimainwindow.cpp — the main window on the offscreen platform: opening a score fills
// the track list and the piano roll, track controls are undoable, bad files are refused.
#include "audio/audiocontroller.h"
#include "edit/scoredocument.h"
#include "io/tuttifile.h"
#include "mainwindow/mainwindow.h"
#include "pianoroll/notecanvas.h"
#include "audio/audioexporter.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "pianoroll/timeruler.h"
#include "score/timemap.h"
#include "tracks/trackrow.h"

#include <QAction>
#include <QDial>
#include <QDir>
#include <QFileInfo>
#include <QDockWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

QString writeDuet(const QTemporaryDir &dir)
{
    Score score;
    Track &flute = score.addTrack(u"Flute"_s, 73);
    flute.notes = {{0, 480, 72, 90}, {480, 480, 74, 90}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.notes = {{0, 960, 36, 80}};
    score.normalize();
    const QString path = dir.filePath(u"duet.tutti"_s);
    writeTuttiFile(score, path);
    return path;
}

// Closes the next message box (a modal dialog would block the test).
void dismissNextMessageBox()
{
    QTimer::singleShot(0, [] {
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(widget))
                box->close();
    });
}

} // namespace

class TestUiMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
    }

    void openingAScoreShowsItsTracksAndNotes()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // WHEN a score is opened
        QVERIFY(window.openFile(writeDuet(dir)));
        // THEN the title names it, one row per track appears, and its notes are painted
        QVERIFY(window.windowTitle().startsWith(u"duet.tutti"_s));
        QCOMPARE(window.findChildren<TrackRow *>().size(), 2);
        window.pianoRoll()->grab();
        QCOMPARE(window.pianoRoll()->canvas()->lastPaintedNoteCount(), 3);
    }

    void muteButtonIsAnUndoableEdit()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(writeDuet(dir)));
        TrackRow *cello = window.findChildren<TrackRow *>().at(1);
        QToolButton *mute = cello->findChildren<QToolButton *>().at(0);
        // WHEN the cello's mute button is clicked
        QTest::mouseClick(mute, Qt::LeftButton);
        // THEN the cello is muted and the document is modified
        QVERIFY(window.document()->score().tracks[1].muted);
        QVERIFY(window.document()->isModified());
        QVERIFY(window.windowTitle().contains(u"*"_s) || window.isWindowModified());
        // WHEN undone THEN it is unmuted, the button shows it, and the document is clean
        window.document()->undoStack()->undo();
        QVERIFY(!window.document()->score().tracks[1].muted);
        QVERIFY(!mute->isChecked());
        QVERIFY(!window.document()->isModified());
    }

    void panDialIsAnUndoableEdit()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(writeDuet(dir)));
        auto *pan = window.findChildren<TrackRow *>().at(0)->findChild<QDial *>();
        QVERIFY(pan);
        QCOMPARE(pan->value(), 64);
        // WHEN the flute is panned hard left with the keyboard (Home) THEN the track says so
        pan->setFocus();
        QTest::keyClick(pan, Qt::Key_Home);
        QCOMPARE(window.document()->score().tracks[0].pan, 0);
        // WHEN undone THEN it is back in the centre, dial included
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->score().tracks[0].pan, 64);
        QCOMPARE(pan->value(), 64);
    }

    void brokenFileKeepsTheCurrentScore()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openFile(writeDuet(dir)));
        QFile broken(dir.filePath(u"broken.mid"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("MThd\x00\x00\x00\x06\x00\x01", 10);
        broken.close();
        dismissNextMessageBox();
        QVERIFY(!window.openFile(broken.fileName()));
        QCOMPARE(window.document()->score().tracks.size(), std::size_t(2));
        QVERIFY(window.windowTitle().startsWith(u"duet.tutti"_s));
    }

    void draggingAcrossTheRulerSelectsBarsToLoop()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(writeDuet(dir)));
        auto *ruler = window.findChild<TimeRuler *>();
        const PianoRollViewport *viewport = window.pianoRoll()->viewport();
        const TimeMap map(window.document()->score());
        // WHEN the mouse drags from the middle of bar 2 to the middle of bar 3
        const int y = ruler->height() / 2;
        const int from = static_cast<int>(viewport->xForTick(map.barStart(2) + 960));
        const int to = static_cast<int>(viewport->xForTick(map.barStart(3) + 960));
        QTest::mousePress(ruler, Qt::LeftButton, {}, QPoint(from, y));
        QTest::mouseMove(ruler, QPoint(to, y));
        QTest::mouseRelease(ruler, Qt::LeftButton, {}, QPoint(to, y));
        // AND looping is switched on
        window.loopAction()->setChecked(true);
        // THEN the engine loops exactly bars 2 and 3
        QVERIFY(window.audio()->engine().isLooping());
        window.audio()->engine().seek(map.barStart(4));
        window.audio()->engine().stop();
        QCOMPARE(window.audio()->engine().positionTick(), map.barStart(2));
    }

    void exportAudioWritesAWavOrNothingWhenCancelled()
    {
        const QString soundFont = u"/usr/share/sounds/sf2/TimGM6mb.sf2"_s;
        if (!QFileInfo::exists(soundFont))
            QSKIP("TimGM6mb is not installed");
        QTemporaryDir dir;
        Score score;
        score.addTrack(u"Piano"_s, 0).notes = {{0, 480, 60, 100}, {480, 480, 64, 100}};
        // WHEN exported on the worker thread THEN finished reports success and the file exists
        auto *exporter = new AudioExporter(score, soundFont, dir.filePath(u"a.wav"_s));
        QSignalSpy finished(exporter, &AudioExporter::finished);
        exporter->start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QVERIFY(QFileInfo(dir.filePath(u"a.wav"_s)).size() > 44);
        // WHEN cancelled before it starts THEN it says so and leaves no file
        auto *cancelled = new AudioExporter(score, soundFont, dir.filePath(u"b.wav"_s));
        QSignalSpy cancelledFinished(cancelled, &AudioExporter::finished);
        cancelled->cancel();
        cancelled->start();
        QVERIFY(cancelledFinished.wait(20000));
        QVERIFY(cancelledFinished.at(0).at(1).toBool());
        QVERIFY(!QFileInfo::exists(dir.filePath(u"b.wav"_s)));
    }

    void modelDocksOpenTallEnoughToRead()
    {
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(u"attentionDock"_s);
        QVERIFY(dock && dock->isHidden());
        // WHEN the Attention dock is first shown THEN it takes all the height the piano roll
        // can spare while keeping half the window (it once took half the window, which left
        // the piano roll too little on a laptop screen)
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY2(dock->height() >= window.height() * 35 / 100, qPrintable(QString::number(dock->height())));
        QVERIFY2(window.pianoRoll()->height() >= window.height() / 2, qPrintable(QString::number(window.pianoRoll()->height())));
        // WHEN it is made shorter, closed and shown again THEN it keeps the height it was given
        window.resizeDocks({dock}, {250}, Qt::Vertical);
        QTRY_VERIFY(dock->height() < window.height() * 35 / 100);
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY(dock->isHidden());
        dock->toggleViewAction()->trigger();
        QTest::qWait(50);
        QVERIFY2(dock->height() < window.height() * 35 / 100, qPrintable(QString::number(dock->height())));
    }

    void aLaptopScreenKeepsThePianoRollAndTheTray()
    {
        // GIVEN a 1366 x 768 window with a string quartet (a Gounod quartet when the shared
        // corpus is here, else the duet)
        QTemporaryDir dir;
        const QString gounod = QStringLiteral(TUTTI_SHARED_DATA
                                              "/openscore-quartets/mxl/Gounod,_Charles/String_Quartet_No.3_in_A_minor/sq7434431.mxl");
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(QFileInfo::exists(gounod) ? gounod : writeDuet(dir)));
        // WHEN every dock is open: Tracks and Suggestions, then Attention and Teaching
        auto *attention = window.findChild<QDockWidget *>(u"attentionDock"_s);
        auto *teaching = window.findChild<QDockWidget *>(u"teachingDock"_s);
        auto *suggestions = window.findChild<QDockWidget *>(u"suggestionsDock"_s);
        QVERIFY(attention && teaching && suggestions);
        attention->toggleViewAction()->trigger();
        teaching->toggleViewAction()->trigger();
        QTRY_VERIFY(attention->isVisible() || teaching->isVisible());
        QTest::qWait(200); // the first-show sizing runs from the event loop
        // THEN the analysis docks share the bottom edge as tabs
        QVERIFY(window.tabifiedDockWidgets(attention).contains(teaching));
        // AND the piano roll keeps at least half the window's height
        const int pianoRoll = window.pianoRoll()->height();
        // AND the Suggestions dock runs the window's height beside them, its tray in sight
        QVERIFY(suggestions->isVisible());
        QVERIFY(suggestions->geometry().bottom() > teaching->geometry().top());
        auto *tray = suggestions->findChild<QWidget *>(u"suggestionTray"_s);
        QVERIFY(tray);
        const QRect trayInView = tray->visibleRegion().boundingRect();
        QVERIFY2(trayInView.height() >= 100, qPrintable(u"tray %1 px in view"_s.arg(trayInView.height())));
        // AND a picture of it is kept beside the test for a person to look at
        const QString picture = QDir::current().filePath(u"mainwindow-1366x768.png"_s);
        QVERIFY(window.grab().save(picture));
        qInfo("window 1366x768: piano roll %d px, bottom dock %d px, tray %d px in view; picture %s", pianoRoll,
              teaching->isVisible() ? teaching->height() : attention->height(), trayInView.height(), qPrintable(picture));
    }

    void statusSaysWhenThereIsNoAudioDevice()
    {
        MainWindow window;
        if (window.audio()->engine().hasAudioDevice())
            QSKIP("this machine has an audio device");
        QVERIFY(window.audio()->status().contains(u"No audio device"_s));
    }
};

QTEST_MAIN(TestUiMainWindow)
#include "testuimainwindow.moc"
