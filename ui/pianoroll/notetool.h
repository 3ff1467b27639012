// SPDX-License-Identifier: GPL-3.0-or-later
// notetool.h — what a mouse drag on the note canvas does: draw, select, move, resize or
// rubber-band select notes of the active track. NoteCanvas forwards its mouse events here
// and paints the overlay; the edit is pushed as one command when the button is released.
//
// Pressing on empty space draws a note (start snapped down to the grid, which counts from
// each bar line; pitch from the row; one grid cell long unless dragged longer); Shift or
// Ctrl on empty space starts a rubber band (Shift adds to the selection). Pressing a note
// selects it (Shift toggles it) and a drag moves the selection, or resizes it when the
// press was near the note's left or right edge. Holding Alt turns snapping off.
// previewNoteOn/Off sound the note under the mouse. While notes are moved or resized the
// overlay shows them at their new place, with the name and position of the pressed note;
// the canvas draws the originals only as faint shadows. dragPreviewChanged tells other views
// (the velocity lane) where the dragged or drawn notes would land.
#pragma once

#include "edit/bargrid.h"
#include "score/score.h"

#include <QObject>
#include <QPointF>
#include <QRectF>

#include <optional>
#include <vector>

class QPainter;

namespace tutti {

class NoteEditor;
class NoteTimeIndex;
class PianoRollViewport;

class NoteTool final : public QObject
{
    Q_OBJECT

public:
    // index: the canvas's index of the score, kept current by the canvas.
    NoteTool(NoteEditor *editor, PianoRollViewport *viewport, const NoteTimeIndex *index, QObject *parent = nullptr);

    void press(QPointF pos, Qt::KeyboardModifiers modifiers);
    void move(QPointF pos, Qt::KeyboardModifiers modifiers);
    void release(QPointF pos, Qt::KeyboardModifiers modifiers);
    Qt::CursorShape cursorAt(QPointF pos) const;
    void paintOverlay(QPainter &painter) const;
    // True while the selection is being moved or resized: the canvas then leaves the
    // originals (the selected notes) to the overlay.
    bool isDraggingSelection() const;

Q_SIGNALS:
    void previewNoteOn(int pitch);
    void previewNoteOff(int pitch);
    void overlayChanged();
    // While notes are moved, resized or drawn: `originals` (empty for a note being drawn)
    // would become `result` on release. Both are empty when the drag ends.
    void dragPreviewChanged(const std::vector<tutti::Note> &originals, const std::vector<tutti::Note> &result);

private:
    enum class Drag {
        None,
        Draw,
        Move,
        ResizeStart,
        ResizeEnd,
        RubberBand,
    };
    struct Hit
    {
        Note note;
        Drag drag; // Move, ResizeStart or ResizeEnd
    };

    std::optional<Hit> hitAt(QPointF pos) const;
    QRectF noteRect(const Note &note) const;
    void updateResult(QPointF pos, Qt::KeyboardModifiers modifiers);
    std::vector<Note> resized(Tick delta, Tick minimumLength) const;
    std::vector<Note> notesIn(const QRectF &rect) const;
    void sound(int pitch);
    void emitDragPreview();

    NoteEditor *m_editor;
    PianoRollViewport *m_viewport;
    const NoteTimeIndex *m_index;
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    int m_pressPitch = 0;
    bool m_dragged = false;       // moved past the drag threshold
    bool m_pressedSelected = false;
    bool m_additive = false;      // rubber band adds to the selection
    Note m_anchor;                // the note pressed, or the one being drawn
    std::vector<Note> m_originals;
    std::vector<Note> m_result;   // what the originals become on release
    std::optional<BarGrid> m_grid; // taken at each press
    QRectF m_band;
    int m_sounding = -1;
    int m_drawVelocity = 80;      // the last velocity touched, for new notes
    bool m_previewShown = false;  // dragPreviewChanged last told of notes
};

} // namespace tutti
// end of notetool.h
