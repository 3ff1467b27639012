// SPDX-License-Identifier: GPL-3.0-or-later
// scoredocument.cpp — load, save and change notification for the open score.
#include "edit/scoredocument.h"

#include "io/scorefile.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tutti {

ScoreDocument::ScoreDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    newScore();
}

void ScoreDocument::newScore()
{
    Score score;
    score.addTrack(u"Piano"_s, 0);
    score.tempos = {{0, 500000}};
    score.timeSignatures = {{0, 4, 4}};
    reset(std::move(score), {}, {});
}

QString ScoreDocument::open(const QString &path, const MusicXmlOptions &musicXml)
{
    ScoreReadResult result = readScoreFile(path, musicXml);
    if (!result.ok())
        return result.error;
    m_warnings = result.warnings;
    m_playback = result.playback;
    const bool isProject = scoreFormatForPath(path) == ScoreFormat::Tutti;
    reset(std::move(result.score), isProject ? QFileInfo(path).absoluteFilePath() : QString(),
          QFileInfo(path).absoluteFilePath());
    return {};
}

void ScoreDocument::restoreRecovered(Score score, const QString &filePath, const QString &sourcePath)
{
    m_warnings.clear();
    m_playback.clear();
    reset(std::move(score), filePath, sourcePath.isEmpty() ? filePath : sourcePath);
    m_undoStack.resetClean(); // nothing to undo, yet unsaved
}

QString ScoreDocument::saveAs(const QString &path)
{
    const QString error = writeScoreFile(m_score, path);
    if (!error.isEmpty())
        return error;
    if (scoreFormatForPath(path) == ScoreFormat::Tutti) {
        m_filePath = QFileInfo(path).absoluteFilePath();
        m_sourcePath = m_filePath;
        m_undoStack.setClean();
        Q_EMIT filePathChanged(m_filePath);
    }
    return {};
}

QString ScoreDocument::save()
{
    if (m_filePath.isEmpty())
        return u"this score has no project file yet; use Save As"_s;
    return saveAs(m_filePath);
}

QString ScoreDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_sourcePath.isEmpty())
        return QFileInfo(m_sourcePath).fileName();
    return u"Untitled"_s;
}

void ScoreDocument::replaceScore(const Score &score)
{
    m_score = score;
    Q_EMIT scoreChanged();
}

void ScoreDocument::reset(Score score, const QString &filePath, const QString &sourcePath)
{
    m_score = std::move(score);
    m_filePath = filePath;
    m_sourcePath = sourcePath;
    m_undoStack.clear();
    m_undoStack.setClean();
    Q_EMIT filePathChanged(m_filePath);
    Q_EMIT modifiedChanged(false);
    Q_EMIT documentReset();
    Q_EMIT scoreChanged();
}

} // namespace tutti
// end of scoredocument.cpp
