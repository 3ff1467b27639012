// SPDX-License-Identifier: GPL-3.0-or-later
// scoredocument.h — the open score: its file, its undo history, and change signals.
//
// Usage:
//   tutti::ScoreDocument document;
//   QString error = document.open(u"quartet.mid"_s);      // or document.newScore()
//   connect(&document, &ScoreDocument::scoreChanged, view, &View::refresh);
//   document.undoStack()->push(new SomeEditCommand(&document, ...));   // every edit
//   error = document.save();                                // .tutti, atomically
//
// Views read score() and repaint on scoreChanged; they never change the Score directly.
// Only QUndoCommands call replaceScore()/mutableScore(), so every edit can be undone.
// Uses QtGui's QUndoStack (Qt 6 moved it there) but no widgets.
#pragma once

#include "io/musicxml.h"
#include "score/score.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

namespace tutti {

class ScoreDocument final : public QObject
{
    Q_OBJECT

public:
    explicit ScoreDocument(QObject *parent = nullptr);

    const Score &score() const { return m_score; }
    QUndoStack *undoStack() { return &m_undoStack; }

    // An empty score with one piano track, 120 BPM, 4/4.
    void newScore();
    // Reads any format Tutti knows; on failure the current score stays and the error is
    // returned. MIDI and MusicXML open as untitled (saving asks for a .tutti name).
    // `musicXml` says how a MusicXML file's repeats and tremolos are read; playback() then
    // says which way was taken (empty for other formats).
    QString open(const QString &path, const MusicXmlOptions &musicXml = MusicXmlOptions::forListening());
    QStringList lastWarnings() const { return m_warnings; }
    QString lastPlayback() const { return m_playback; } // how the last open read repeats
    // Loads a crash-recovery copy as a modified document that saves to filePath (empty:
    // untitled), so the user decides whether to keep it; sourcePath names an imported file.
    void restoreRecovered(Score score, const QString &filePath, const QString &sourcePath = {});
    // Saves as .tutti (or MIDI, by the name's suffix) and marks the document clean.
    QString saveAs(const QString &path);
    QString save(); // to filePath(); an error when there is none

    QString filePath() const { return m_filePath; }      // empty for an untitled score
    QString sourcePath() const { return m_sourcePath; }  // what was opened, for the title
    QString displayName() const;
    bool isModified() const { return !m_undoStack.isClean(); }

    // For edit commands only.
    Score &mutableScore() { return m_score; }
    void notifyChanged() { Q_EMIT scoreChanged(); }
    void replaceScore(const Score &score);

Q_SIGNALS:
    void scoreChanged();
    void documentReset();       // a different score was loaded (views reset zoom, selection)
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void reset(Score score, const QString &filePath, const QString &sourcePath);

    Score m_score;
    QUndoStack m_undoStack;
    QString m_filePath;
    QString m_sourcePath;
    QStringList m_warnings;
    QString m_playback;
};

} // namespace tutti
// end of scoredocument.h
