// SPDX-License-Identifier: GPL-3.0-or-later
// canvasoverlay.h — a transparent layer over the piano roll's note canvas.
//
// Usage:
//   class GhostNoteLayer final : public CanvasOverlay {
//       GhostNoteLayer(..., QWidget *canvas, PianoRollViewport *viewport)
//           : CanvasOverlay(canvas, viewport) {}
//       void paintEvent(QPaintEvent *) override { ... viewport()->xForTick(...) ... }
//   };
//
// A child of the canvas that lets the mouse through, so the score stays editable beneath;
// it covers the canvas as the canvas resizes and repaints when the view scrolls or zooms.
// The suggestions' ghost notes, the attention shading and the teaching view draw on one.
#pragma once

#include <QWidget>

namespace tutti {

class PianoRollViewport;

class CanvasOverlay : public QWidget
{
    Q_OBJECT

public:
    CanvasOverlay(QWidget *canvas, PianoRollViewport *viewport);

protected:
    PianoRollViewport *viewport() const { return m_viewport; }
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    PianoRollViewport *m_viewport;
};

} // namespace tutti
// end of canvasoverlay.h
