// SPDX-License-Identifier: GPL-3.0-or-later
// testeditautosaver.cpp — the crash-recovery copy: written on the timer while the document is
// modified, holding the score and the document's path, removed once the document is clean;
// one copy per running instance, and only copies of instances that died are claimed.
#include "edit/autosaver.h"
#include "edit/notecommands.h"
#include "edit/scoredocument.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

void drawNote(ScoreDocument &document, const Note &note)
{
    document.undoStack()->push(new EditNotesCommand(&document, {{0, {}, {note}}}, u"Draw Note"_s));
}

} // namespace

class TestEditAutosaver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesNothingWhileTheDocumentIsClean()
    {
        QTemporaryDir dir;
        ScoreDocument document;
        Autosaver autosaver(&document, dir.path());
        // WHEN the timer fires on an unmodified document
        autosaver.setIntervalMs(10);
        autosaver.start();
        QTest::qWait(60);
        // THEN there is no recovery copy
        QVERIFY(!Autosaver::hasRecovery(autosaver.recoveryPath()));
    }

    void timerWritesTheModifiedScoreAndItsPath()
    {
        // GIVEN a saved document, then edited
        QTemporaryDir dir;
        ScoreDocument document;
        const QString projectPath = dir.filePath(u"piece.tutti"_s);
        QVERIFY(document.saveAs(projectPath).isEmpty());
        drawNote(document, {480, 240, 64, 100});
        Autosaver autosaver(&document, dir.filePath(u"sub"_s));
        QSignalSpy saved(&autosaver, &Autosaver::saved);
        // WHEN the (shortened) autosave interval passes
        autosaver.setIntervalMs(20);
        autosaver.start();
        QVERIFY(saved.wait(2000));
        // THEN the recovery copy holds the edited score and names the project file
        const RecoveredScore recovered = Autosaver::readRecovery(autosaver.recoveryPath());
        QVERIFY2(recovered.ok(), qPrintable(recovered.error));
        QCOMPARE(recovered.originalPath, QFileInfo(projectPath).absoluteFilePath());
        QCOMPARE(recovered.sourcePath, recovered.originalPath);
        QCOMPARE(recovered.score.tracks.at(0).notes, (std::vector<Note>{{480, 240, 64, 100}}));
    }

    void cleanSaveAndDiscardRemoveTheCopy()
    {
        QTemporaryDir dir;
        ScoreDocument document;
        Autosaver autosaver(&document, dir.path());
        drawNote(document, {0, 480, 60, 80});
        QVERIFY(autosaver.saveNow().isEmpty());
        QVERIFY(Autosaver::hasRecovery(autosaver.recoveryPath()));
        // WHEN the document is saved
        QVERIFY(document.saveAs(dir.filePath(u"piece.tutti"_s)).isEmpty());
        // THEN the copy is gone
        QVERIFY(!Autosaver::hasRecovery(autosaver.recoveryPath()));

        // GIVEN another edit and copy; WHEN discarded (a normal close) THEN it is gone too
        drawNote(document, {480, 480, 62, 80});
        QVERIFY(autosaver.saveNow().isEmpty());
        QVERIFY(QFileInfo::exists(autosaver.recoveryPath() + u".path"_s));
        autosaver.discard();
        QVERIFY(!Autosaver::hasRecovery(autosaver.recoveryPath()));
        QVERIFY(!QFileInfo::exists(autosaver.recoveryPath() + u".path"_s));
    }

    void restoredScoreIsModifiedAndKeepsItsPath()
    {
        // GIVEN a recovery copy of an untitled score
        QTemporaryDir dir;
        ScoreDocument edited;
        Autosaver autosaver(&edited, dir.path());
        drawNote(edited, {960, 120, 72, 90});
        QVERIFY(autosaver.saveNow().isEmpty());
        // WHEN a fresh document restores it
        ScoreDocument restored;
        const RecoveredScore recovered = Autosaver::readRecovery(autosaver.recoveryPath());
        QVERIFY(recovered.ok());
        QVERIFY(recovered.originalPath.isEmpty());
        restored.restoreRecovered(recovered.score, recovered.originalPath);
        // THEN it holds the notes, counts as unsaved, and has nothing to undo
        QCOMPARE(restored.score().tracks.at(0).notes, edited.score().tracks.at(0).notes);
        QVERIFY(restored.isModified());
        QVERIFY(!restored.undoStack()->canUndo());
        QCOMPARE(restored.displayName(), u"Untitled"_s);
    }

    void copyOfAnImportedScoreNamesTheFileItCameFrom()
    {
        // GIVEN a MIDI file opened (it has no project file yet) and edited
        QTemporaryDir dir;
        const QString midiPath = dir.filePath(u"import.mid"_s);
        ScoreDocument document;
        drawNote(document, {0, 480, 60, 80});
        QVERIFY(document.saveAs(midiPath).isEmpty());
        QVERIFY(document.open(midiPath).isEmpty());
        drawNote(document, {480, 480, 62, 80});
        Autosaver autosaver(&document, dir.path());
        QVERIFY(autosaver.saveNow().isEmpty());
        // THEN its copy has no project path but names the MIDI file
        const RecoveredScore recovered = Autosaver::readRecovery(autosaver.recoveryPath());
        QVERIFY(recovered.originalPath.isEmpty());
        QCOMPARE(recovered.sourcePath, QFileInfo(midiPath).absoluteFilePath());
        // THEN restored, it is untitled for saving but shows the MIDI file's name
        ScoreDocument restored;
        restored.restoreRecovered(recovered.score, recovered.originalPath, recovered.sourcePath);
        QVERIFY(restored.filePath().isEmpty());
        QCOMPARE(restored.displayName(), u"import.mid"_s);
    }

    void aKeptCopyOutlivesTheDocument()
    {
        QTemporaryDir dir;
        QString copy;
        {
            // GIVEN an edited document whose copy is written and kept, as when the session ends
            auto document = std::make_unique<ScoreDocument>();
            Autosaver autosaver(document.get(), dir.path());
            drawNote(*document, {0, 480, 60, 80});
            QVERIFY(autosaver.saveNow().isEmpty());
            autosaver.keepCopy();
            copy = autosaver.recoveryPath();
            // WHEN the document goes, its undo stack clearing on the way
            document.reset();
            // THEN the copy is still there
            QVERIFY(Autosaver::hasRecovery(copy));
        }
        // AND after the autosaver too, holding the edit
        QVERIFY(Autosaver::hasRecovery(copy));
        QCOMPARE(Autosaver::readRecovery(copy).score.tracks.at(0).notes, (std::vector<Note>{{0, 480, 60, 80}}));
    }

    void twoRunningInstancesKeepSeparateCopiesAndClaimNeither()
    {
        // GIVEN two instances autosaving edited scores into one folder
        QTemporaryDir dir;
        ScoreDocument first;
        ScoreDocument second;
        Autosaver firstSaver(&first, dir.path());
        Autosaver secondSaver(&second, dir.path());
        drawNote(first, {0, 480, 60, 80});
        drawNote(second, {0, 480, 72, 80});
        QVERIFY(firstSaver.saveNow().isEmpty());
        QVERIFY(secondSaver.saveNow().isEmpty());
        // THEN each has its own copy holding its own notes
        QVERIFY(firstSaver.recoveryPath() != secondSaver.recoveryPath());
        QCOMPARE(Autosaver::readRecovery(firstSaver.recoveryPath()).score.tracks.at(0).notes.at(0).pitch, 60);
        QCOMPARE(Autosaver::readRecovery(secondSaver.recoveryPath()).score.tracks.at(0).notes.at(0).pitch, 72);
        // THEN a third instance starting now finds no orphan: both owners are running
        ScoreDocument third;
        Autosaver thirdSaver(&third, dir.path());
        QVERIFY(thirdSaver.claimOrphanedCopies().isEmpty());
    }

    void copyOfADeadInstanceIsClaimedByOneInstanceOnly()
    {
        // GIVEN a copy left by a process that died without cleaning up (a child process that
        // autosaves and exits at once, as a crash would)
        QTemporaryDir dir;
        const pid_t child = fork();
        if (child == 0) {
            ScoreDocument crashed;
            Autosaver autosaver(&crashed, dir.path());
            drawNote(crashed, {240, 240, 67, 90});
            _exit(autosaver.saveNow().isEmpty() ? 0 : 1);
        }
        int status = -1;
        QCOMPARE(waitpid(child, &status, 0), child);
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(QDir(dir.path()).entryList({u"*.tutti.lock"_s}).size(), 1); // its lock is left behind
        // WHEN two instances look for orphans
        ScoreDocument first;
        ScoreDocument second;
        Autosaver firstSaver(&first, dir.path());
        Autosaver secondSaver(&second, dir.path());
        const QStringList claimed = firstSaver.claimOrphanedCopies();
        // THEN the first claims the copy, the second finds nothing while the first holds it
        QCOMPARE(claimed.size(), 1);
        QCOMPARE(Autosaver::readRecovery(claimed.first()).score.tracks.at(0).notes,
                 (std::vector<Note>{{240, 240, 67, 90}}));
        QVERIFY(secondSaver.claimOrphanedCopies().isEmpty());
        // WHEN the first lets it go without deleting it THEN the second can claim it
        firstSaver.releaseOrphanedCopy(claimed.first(), false);
        QCOMPARE(secondSaver.claimOrphanedCopies(), claimed);
        // WHEN the second deletes it THEN nothing is left but the running instances' locks
        secondSaver.releaseOrphanedCopy(claimed.first(), true);
        QVERIFY(!Autosaver::hasRecovery(claimed.first()));
        QVERIFY(QDir(dir.path()).entryList({u"*.tutti"_s, u"*.path"_s}).isEmpty());
    }

    void aLockLeftWithoutACopyIsRemoved()
    {
        // GIVEN a process that died before its first autosave: only its lock is left
        QTemporaryDir dir;
        const pid_t child = fork();
        if (child == 0) {
            ScoreDocument unedited;
            Autosaver autosaver(&unedited, dir.path());
            _exit(0);
        }
        QCOMPARE(waitpid(child, nullptr, 0), child);
        QCOMPARE(QDir(dir.path()).entryList({u"*.lock"_s}).size(), 1);
        // WHEN another instance looks for orphans
        ScoreDocument document;
        Autosaver autosaver(&document, dir.path());
        QVERIFY(autosaver.claimOrphanedCopies().isEmpty());
        // THEN only its own lock remains
        QCOMPARE(QDir(dir.path()).entryList({u"*.lock"_s}),
                 QStringList{QFileInfo(autosaver.recoveryPath()).fileName() + u".lock"_s});
    }

    void unreadableCopyReportsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"recovery.tutti"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        QVERIFY(!Autosaver::readRecovery(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestEditAutosaver)
#include "testeditautosaver.moc"
