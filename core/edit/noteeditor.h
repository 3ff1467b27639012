// SPDX-License-Identifier: GPL-3.0-or-later
// noteeditor.h — the editing operations of the piano roll on the active track: each one
// pushes a single EditNotesCommand (or nothing when there is nothing to change).
//
// Usage:
//   NoteEditor editor(&document);
//   editor.setActiveTrack(1);
//   editor.setPlayhead(1920);                  // where paste() puts the clipboard
//   editor.selectAll();
//   editor.transposeSelection(12);             // "Transpose" on the undo stack
//   editor.copySelection();
//   editor.paste();                            // the copy, starting at the playhead
//
// The clipboard holds notes relative to their first start and is shared by tracks. copied()
// tells when it was filled and aboutToPaste() comes just before paste() reads it, so a
// directly connected slot can mirror it to and from the system clipboard (setClipboard()).
// gridStep() is the snap step of the chosen snapGrids() entry at the score's resolution;
// grid() counts those steps from each bar line.
#pragma once

#include "edit/bargrid.h"
#include "edit/noteselection.h"
#include "score/score.h"

#include <QObject>
#include <QString>

#include <vector>

namespace tutti {

class ScoreDocument;

class NoteEditor final : public QObject
{
    Q_OBJECT

public:
    explicit NoteEditor(ScoreDocument *document, QObject *parent = nullptr);

    ScoreDocument *document() const { return m_document; }
    NoteSelection *selection() { return &m_selection; }
    const std::vector<Note> &activeNotes() const; // empty when the active track does not exist

    int activeTrack() const { return m_selection.track(); }
    void setActiveTrack(int track);
    Tick playhead() const { return m_playhead; }
    void setPlayhead(Tick tick) { m_playhead = tick; }
    int gridIndex() const { return m_gridIndex; }
    void setGridIndex(int index); // into snapGrids()
    Tick gridStep() const;
    BarGrid grid() const;

    // The generic edit: `before` (notes of the active track) become `after`.
    bool replaceNotes(const std::vector<Note> &before, const std::vector<Note> &after, const QString &text);
    bool addNote(const Note &note); // "Draw Note"

    void selectAll();
    bool deleteSelection();
    bool moveSelection(Tick ticks, int semitones); // clamped to the score's start and pitch range
    // Moves the selection so that its first start lands on the next (+1) or previous (-1) grid point.
    bool stepSelection(int direction);
    bool transposeSelection(int semitones);
    bool quantizeSelection();
    bool duplicateSelection();        // right after the selection, by its span rounded up to the grid
    bool setVelocity(const std::vector<Note> &notes, int velocity); // those notes; "Change Velocity"
    void copySelection();
    bool cutSelection();
    bool paste();                     // the clipboard's first note lands on the playhead
    const std::vector<Note> &clipboard() const { return m_clipboard; }
    void setClipboard(std::vector<Note> notes); // moved so that the first starts at tick 0

Q_SIGNALS:
    void gridIndexChanged(int index);
    void copied();
    void aboutToPaste();

private:
    ScoreDocument *m_document;
    NoteSelection m_selection;
    std::vector<Note> m_clipboard; // first start at tick 0
    Tick m_playhead = 0;
    int m_gridIndex;
};

} // namespace tutti
// end of noteeditor.h
