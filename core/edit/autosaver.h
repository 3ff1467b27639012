// autosaver.h — periodic crash-recovery copies of the open document.
//
// Usage:
//   Autosaver autosaver(&document);                 // recovery file in AppDataLocation
//   autosaver.start();                              // every minute while the document is modified
//   ...
//   if (Autosaver::hasRecovery(autosaver.recoveryPath())) {
//       RecoveredScore r = Autosaver::readRecovery(autosaver.recoveryPath());
//       if (r.ok()) document.restoreRecovered(r.score, r.originalPath);
//   }
//   autosaver.discard();                            // on a normal close
//
// The copy is a .tutti file written atomically (QSaveFile), with the document's own path in
// a small text file beside it ("<recovery>.path"), so a restored score keeps its name. The
// copy is removed as soon as the document becomes clean (a save, an undo back to the saved
// state, a new or opened score) and on discard(). QtCore timers only, no dialogs.
#pragma once

#include "score/score.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace tutti {

class ScoreDocument;

struct RecoveredScore
{
    Score score;
    QString originalPath; // empty for a score that was never saved as .tutti
    QString error;        // empty on success

    bool ok() const { return error.isEmpty(); }
};

class Autosaver final : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultIntervalMs = 60'000;

    explicit Autosaver(ScoreDocument *document, const QString &recoveryPath = defaultRecoveryPath(),
                       QObject *parent = nullptr);

    // AppDataLocation/recovery.tutti (the folder is created when first written).
    static QString defaultRecoveryPath();
    static bool hasRecovery(const QString &recoveryPath);
    static RecoveredScore readRecovery(const QString &recoveryPath);

    QString recoveryPath() const { return m_recoveryPath; }
    int intervalMs() const { return m_timer.interval(); }
    void setIntervalMs(int ms);
    void start();

    // Writes the recovery copy now when the document is modified; returns the error, if any.
    QString saveNow();
    void discard(); // removes the recovery copy and its path file

Q_SIGNALS:
    void saved();
    void failed(const QString &error);

private:
    QString pathFilePath() const { return m_recoveryPath + u".path"; }

    ScoreDocument *m_document;
    QString m_recoveryPath;
    QTimer m_timer;
};

} // namespace tutti
// end of autosaver.h
