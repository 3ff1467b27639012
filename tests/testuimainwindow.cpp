// testuimainwindow.cpp — the main window on the offscreen platform: opening a score fills
// the track list and the piano roll, track controls are undoable, bad files are refused.
#include "audio/audiocontroller.h"
#include "edit/scoredocument.h"
#include "io/tuttifile.h"
#include "mainwindow/mainwindow.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "tracks/trackrow.h"

#include <QMessageBox>
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
