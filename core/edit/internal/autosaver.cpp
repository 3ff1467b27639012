// SPDX-License-Identifier: GPL-3.0-or-later
// autosaver.cpp — this instance's recovery copy (written on a timer, removed when the
// document is clean) and the claiming of copies left by instances that died.
#include "edit/autosaver.h"

#include "edit/scoredocument.h"
#include "io/tuttifile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <atomic>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

QString pathFileOf(const QString &copyPath)
{
    return copyPath + u".path"_s;
}

// A lock judged only by whether its owner still runs: QLockFile's default would also call a
// lock stale after 30 s, and so hand a living instance's copy to another one.
std::unique_ptr<QLockFile> lockFor(const QString &copyPath)
{
    auto lock = std::make_unique<QLockFile>(copyPath + u".lock"_s);
    lock->setStaleLockTime(0);
    return lock;
}

// recovery-<pid>-<ms>-<n>.tutti: the counter keeps two documents of one process that start
// in the same millisecond apart.
QString newRecoveryPath(const QString &folder)
{
    static std::atomic<int> created{0};
    return QDir(folder).filePath(u"recovery-%1-%2-%3.tutti"_s.arg(QCoreApplication::applicationPid())
                                     .arg(QDateTime::currentMSecsSinceEpoch())
                                     .arg(created.fetch_add(1)));
}

} // namespace

Autosaver::Autosaver(ScoreDocument *document, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_document(document)
    , m_recoveryPath(newRecoveryPath(folder))
    , m_lock(lockFor(m_recoveryPath))
{
    // Locked from the start, so another instance never takes this copy for an orphan. When
    // the folder cannot be made, saveNow() reports it.
    if (QDir().mkpath(folder))
        m_lock->tryLock(0);
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const QString error = saveNow();
        if (!error.isEmpty())
            Q_EMIT failed(error);
    });
    connect(document, &ScoreDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
}

Autosaver::~Autosaver() = default;

QString Autosaver::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool Autosaver::hasRecovery(const QString &copyPath)
{
    return QFileInfo::exists(copyPath);
}

RecoveredScore Autosaver::readRecovery(const QString &copyPath)
{
    RecoveredScore recovered;
    ScoreReadResult result = readTuttiFile(copyPath);
    if (!result.ok()) {
        recovered.error = result.error;
        return recovered;
    }
    recovered.score = std::move(result.score);
    recovered.savedAt = QFileInfo(copyPath).lastModified();
    QFile pathFile(pathFileOf(copyPath));
    if (pathFile.open(QIODevice::ReadOnly)) {
        const QStringList lines = QString::fromUtf8(pathFile.readAll()).split(u'\n');
        recovered.originalPath = lines.value(0).trimmed();
        recovered.sourcePath = lines.value(1).trimmed();
    }
    return recovered;
}

void Autosaver::setIntervalMs(int ms)
{
    m_timer.setInterval(ms);
}

void Autosaver::start()
{
    m_timer.start();
}

QString Autosaver::saveNow()
{
    if (!m_document->isModified())
        return {};
    if (!QDir().mkpath(m_folder))
        return u"cannot create the folder %1"_s.arg(m_folder);
    if (!m_lock->isLocked())
        m_lock->tryLock(0);
    // Each file is replaced atomically, so a crash mid-write leaves the previous copy readable.
    QSaveFile pathFile(pathFileOf(m_recoveryPath));
    if (!pathFile.open(QIODevice::WriteOnly))
        return pathFile.errorString();
    pathFile.write((m_document->filePath() + u'\n' + m_document->sourcePath()).toUtf8());
    if (!pathFile.commit())
        return pathFile.errorString();
    const QString error = writeTuttiFile(m_document->score(), m_recoveryPath);
    if (error.isEmpty())
        Q_EMIT saved();
    return error;
}

void Autosaver::discard()
{
    QFile::remove(m_recoveryPath);
    QFile::remove(pathFileOf(m_recoveryPath));
}

void Autosaver::keepCopy()
{
    m_timer.stop();
    disconnect(m_document, nullptr, this, nullptr);
}

QStringList Autosaver::claimOrphanedCopies()
{
    // A Tutti that died before its first autosave leaves only its lock: taking such a stale
    // lock and letting it go removes it.
    const QDir folder(m_folder);
    for (const QString &lockName : folder.entryList({u"recovery*.tutti.lock"_s}, QDir::Files)) {
        const QString copy = folder.filePath(lockName.chopped(5));
        if (!QFileInfo::exists(copy) && copy != m_recoveryPath)
            lockFor(copy)->tryLock(0);
    }
    QStringList claimed;
    const QFileInfoList copies = folder.entryInfoList({u"recovery*.tutti"_s}, QDir::Files, QDir::Time);
    for (const QFileInfo &copy : copies) {
        const QString path = copy.absoluteFilePath();
        if (path == QFileInfo(m_recoveryPath).absoluteFilePath() || m_claims.count(path) != 0)
            continue;
        std::unique_ptr<QLockFile> lock = lockFor(path);
        if (!lock->tryLock(0))
            continue; // its instance is still running
        m_claims.emplace(path, std::move(lock));
        claimed << path;
    }
    return claimed;
}

void Autosaver::releaseOrphanedCopy(const QString &copyPath, bool remove)
{
    if (remove) {
        QFile::remove(copyPath);
        QFile::remove(pathFileOf(copyPath));
    }
    m_claims.erase(copyPath); // unlocking removes the lock file
}

} // namespace tutti
// end of autosaver.cpp
