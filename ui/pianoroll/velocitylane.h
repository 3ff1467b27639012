// SPDX-License-Identifier: GPL-3.0-or-later
// velocitylane.h — the velocity lane under the note canvas: one stem per note of the active
// track, as tall as its velocity. Dragging a stem up or down sets that note's velocity, or
// that of every selected note when the stem belongs to the selection; the drag becomes one
// "Change Velocity" command on release. While notes are moved, resized or drawn in the note
// canvas, setDragPreview() shows their stems where the notes would land, with the originals
// left as faint shadows, as the canvas draws them.
#pragma once

#include "score/score.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace tutti {

class NoteEditor;
class PianoRollViewport;

class VelocityLane final : public QWidget
{
    Q_OBJECT

public:
    VelocityLane(NoteEditor *editor, PianoRollViewport *viewport, QWidget *parent = nullptr);

    int velocityAtY(double y) const; // 1..127
    double yForVelocity(int velocity) const;
    // `originals` (notes of the active track) are being dragged to `result`; both empty when
    // the drag ends.
    void setDragPreview(const std::vector<Note> &originals, const std::vector<Note> &result);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    std::optional<Note> stemAt(double x) const;
    void paintStem(QPainter &painter, const Note &note, int velocity, const QColor &colour);

    NoteEditor *m_editor;
    PianoRollViewport *m_viewport;
    std::vector<Note> m_targets; // the notes being dragged; empty when not dragging
    int m_dragVelocity = 0;
    std::vector<Note> m_previewOriginals; // sorted; the canvas's drag in progress
    std::vector<Note> m_previewResult;
};

} // namespace tutti
// end of velocitylane.h
