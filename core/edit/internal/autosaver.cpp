// autosaver.cpp — the recovery copy: written on a timer, removed when the document is clean.
#include "edit/autosaver.h"

#include "edit/scoredocument.h"
#include "io/tuttifile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace tutti {

Autosaver::Autosaver(ScoreDocument *document, const QString &recoveryPath, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_recoveryPath(recoveryPath)
{
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

QString Autosaver::defaultRecoveryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery.tutti"_s;
}

bool Autosaver::hasRecovery(const QString &recoveryPath)
{
    return QFileInfo::exists(recoveryPath);
}

RecoveredScore Autosaver::readRecovery(const QString &recoveryPath)
{
    RecoveredScore recovered;
    ScoreReadResult result = readTuttiFile(recoveryPath);
    if (!result.ok()) {
        recovered.error = result.error;
        return recovered;
    }
    recovered.score = std::move(result.score);
    QFile pathFile(recoveryPath + u".path");
    if (pathFile.open(QIODevice::ReadOnly))
        recovered.originalPath = QString::fromUtf8(pathFile.readAll()).trimmed();
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
    if (!QDir().mkpath(QFileInfo(m_recoveryPath).absolutePath()))
        return u"cannot create the folder of %1"_s.arg(m_recoveryPath);
    // Each file is replaced atomically, so a crash mid-write leaves the previous copy readable.
    QSaveFile pathFile(pathFilePath());
    if (!pathFile.open(QIODevice::WriteOnly))
        return pathFile.errorString();
    pathFile.write(m_document->filePath().toUtf8());
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
    QFile::remove(pathFilePath());
}

} // namespace tutti
// end of autosaver.cpp
