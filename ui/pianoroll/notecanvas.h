// SPDX-License-Identifier: GPL-3.0-or-later
// notecanvas.h — the note area of the piano roll: grid, notes of every track, playhead,
// and the editing of the active track's notes.
//
// The active track's notes are drawn solid in its colour, selected ones outlined in white;
// other tracks' notes are faded behind them. Mouse drags go to a NoteTool; keys edit the
// selection: Delete, arrows (semitone, octave with Shift, to the next grid point),
// Ctrl+A/C/X/V/D, Q. Painting touches only visible notes: each track's notes are sorted by
// onset, so a binary search finds the first that can reach into view. The row under the
// mouse is lit (hoverPitchChanged lets the keyboard light its key), the snap grid is drawn
// from each bar line where its cells are wide enough, and the active track's notes carry
// their names once rows and notes are big enough to hold them.
#pragma once

#include "notetimeindex.h"
#include "score/score.h"

#include <QRectF>
#include <QWidget>

#include <vector>

namespace tutti {

class NoteEditor;
class NoteTool;
class PianoRollViewport;
class ScoreDocument;

class NoteCanvas final : public QWidget
{
    Q_OBJECT

public:
    NoteCanvas(NoteEditor *editor, PianoRollViewport *viewport, QWidget *parent = nullptr);

    void setActiveTrack(int track);
    int activeTrack() const;
    void setPlayhead(Tick tick);
    int lastPaintedNoteCount() const { return m_lastPaintedNotes; }

Q_SIGNALS:
    void previewNoteOn(int pitch);
    void previewNoteOff(int pitch);
    void hoverPitchChanged(int pitch); // -1 when the mouse leaves
    // The notes being moved, resized or drawn, and where they would land (NoteTool's).
    void dragPreviewChanged(const std::vector<tutti::Note> &originals, const std::vector<tutti::Note> &result);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool editByKey(const QKeyEvent *event, bool apply); // false when the key is not an edit key
    void paintGrid(QPainter &painter);
    void setHoverPitch(int pitch);
    int paintTrack(QPainter &painter, std::size_t trackIndex, bool active);

    NoteEditor *m_editor;
    ScoreDocument *m_document;
    PianoRollViewport *m_viewport;
    NoteTool *m_tool;
    NoteTimeIndex m_index; // shared with m_tool
    std::vector<QRectF> m_rectBuffer; // reused by paintTrack, so painting does not allocate
    std::vector<std::pair<QRectF, int>> m_labelBuffer; // note rectangles and pitches to name
    Tick m_playhead = 0;
    int m_lastPaintedNotes = 0;
    int m_hoverPitch = -1;
};

} // namespace tutti
// end of notecanvas.h
