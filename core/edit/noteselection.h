// SPDX-License-Identifier: GPL-3.0-or-later
// noteselection.h — the selected notes of the active track, kept valid as the score changes.
//
// Usage:
//   NoteSelection selection(&document);
//   selection.setTrack(2);                     // clears: a selection belongs to one track
//   selection.select({note});                  // replace; toggle() and add() for shift-clicks
//   if (selection.contains(note)) ...
//
// Notes are held by value. When an EditNotesCommand is done or redone the selection becomes
// the notes it added to this track; when one is undone, the notes it removed. So a moved
// note stays selected through undo and redo. Any other change drops selected notes that are
// no longer in the track, and loading another score clears it.
#pragma once

#include "score/score.h"

#include <QObject>

#include <vector>

namespace tutti {

class ScoreDocument;

class NoteSelection final : public QObject
{
    Q_OBJECT

public:
    explicit NoteSelection(ScoreDocument *document, QObject *parent = nullptr);

    int track() const { return m_track; }
    void setTrack(int track);

    const std::vector<Note> &notes() const { return m_notes; } // sorted
    bool isEmpty() const { return m_notes.empty(); }
    bool contains(const Note &note) const;

    void select(std::vector<Note> notes);
    void add(const std::vector<Note> &notes);
    void toggle(const Note &note);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void followUndoStack(int index);
    void dropMissingNotes();

    ScoreDocument *m_document;
    int m_track = 0;
    int m_undoIndex = 0;
    std::vector<Note> m_notes;
};

} // namespace tutti
// end of noteselection.h
