// testeditautosaver.cpp — the crash-recovery copy: written on the timer while the document is
// modified, holding the score and the document's path, removed once the document is clean.
#include "edit/autosaver.h"
#include "edit/notecommands.h"
#include "edit/scoredocument.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
        Autosaver autosaver(&document, dir.filePath(u"recovery.tutti"_s));
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
        Autosaver autosaver(&document, dir.filePath(u"sub/recovery.tutti"_s));
        QSignalSpy saved(&autosaver, &Autosaver::saved);
        // WHEN the (shortened) autosave interval passes
        autosaver.setIntervalMs(20);
        autosaver.start();
        QVERIFY(saved.wait(2000));
        // THEN the recovery copy holds the edited score and names the project file
        const RecoveredScore recovered = Autosaver::readRecovery(autosaver.recoveryPath());
        QVERIFY2(recovered.ok(), qPrintable(recovered.error));
        QCOMPARE(recovered.originalPath, QFileInfo(projectPath).absoluteFilePath());
        QCOMPARE(recovered.score.tracks.at(0).notes, (std::vector<Note>{{480, 240, 64, 100}}));
    }

    void cleanSaveAndDiscardRemoveTheCopy()
    {
        QTemporaryDir dir;
        ScoreDocument document;
        Autosaver autosaver(&document, dir.filePath(u"recovery.tutti"_s));
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
        Autosaver autosaver(&edited, dir.filePath(u"recovery.tutti"_s));
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
