// SPDX-License-Identifier: GPL-3.0-or-later
// autosaver.h — periodic crash-recovery copies of the open document, one copy per running
// Tutti, so that two instances never overwrite or offer each other's work.
//
// Usage:
//   Autosaver autosaver(&document);                 // its own copy in AppDataLocation, locked
//   for (const QString &copy : autosaver.claimOrphanedCopies()) {  // left by Tuttis that died
//       RecoveredScore r = Autosaver::readRecovery(copy);
//       if (r.ok() && userSaysRestore) document.restoreRecovered(r.score, r.originalPath);
//       autosaver.releaseOrphanedCopy(copy, true);  // true: delete it
//   }
//   autosaver.start();                              // every minute while the document is modified
//   autosaver.discard();                            // on a normal close
//   autosaver.saveNow(); autosaver.keepCopy();      // or when the session ends with unsaved work
//
// Each instance writes "recovery-<pid>-<start ms>-<n>.tutti" in the folder and holds a QLockFile
// "<copy>.lock" while it lives. A copy whose lock is free, or stale because the process that
// held it has died, is an orphan; claiming it takes its lock, so a second Tutti starting at
// the same moment does not offer it too. The copy is a .tutti file written atomically
// (QSaveFile), with the document's own path and the path it was opened from in
// "<copy>.path" (one a line), so a restored score keeps its name. It is removed as soon as
// the document becomes clean (a save, an undo back to the saved state, a new or opened
// score) and on discard(). QtCore only, no dialogs.
#pragma once

#include "score/score.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <map>
#include <memory>

class QLockFile;

namespace tutti {

class ScoreDocument;

struct RecoveredScore
{
    Score score;
    QString originalPath; // empty for a score that was never saved as .tutti
    QString sourcePath;   // what was opened (a MIDI or MusicXML file, say); may be empty
    QDateTime savedAt;    // when the copy was written
    QString error;        // empty on success

    bool ok() const { return error.isEmpty(); }
};

class Autosaver final : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultIntervalMs = 60'000;

    explicit Autosaver(ScoreDocument *document, const QString &folder = defaultFolder(), QObject *parent = nullptr);
    ~Autosaver() override; // keeps the copy: only discard() or a clean document removes it

    static QString defaultFolder(); // AppDataLocation
    static bool hasRecovery(const QString &copyPath);
    static RecoveredScore readRecovery(const QString &copyPath);

    QString recoveryPath() const { return m_recoveryPath; }
    int intervalMs() const { return m_timer.interval(); }
    void setIntervalMs(int ms);
    void start();

    // Writes the recovery copy now when the document is modified; returns the error, if any.
    QString saveNow();
    void discard(); // removes this instance's copy and its path file
    // Stops following the document: no more copies, and the current one is not removed when
    // the document goes (its undo stack clears as it is destroyed) or turns clean. For a
    // session that ends with unsaved work: the next start offers the copy.
    void keepCopy();

    // Copies in the folder whose owner is no longer running, newest first; this autosaver
    // holds their locks until it releases them (or is destroyed). Stale locks left without
    // a copy are removed on the way.
    QStringList claimOrphanedCopies();
    void releaseOrphanedCopy(const QString &copyPath, bool remove);

Q_SIGNALS:
    void saved();
    void failed(const QString &error);

private:
    QString m_folder;
    ScoreDocument *m_document;
    QString m_recoveryPath;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_claims; // by copy path
    QTimer m_timer;
};

} // namespace tutti
// end of autosaver.h
