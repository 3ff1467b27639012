// SPDX-License-Identifier: GPL-3.0-or-later
// teachingoverlay.h — over the piano roll: the notes the model has written so far in the
// teaching view, the current one framed.
//
// Usage:
//   auto *overlay = new TeachingOverlay(pianoRoll->canvas(), pianoRoll->viewport());
//   overlay->setRun(run);          // shared with the panel
//   overlay->setCurrent(5);        // notes 0..5 shown, note 5 framed
//
// A transparent child of the note canvas that lets the mouse through: the score stays
// editable beneath, and its own notes stay visible, dimmed, for comparison where the model
// writes. Written notes are drawn in their track's colour with a dashed outline, and the
// current one with a yellow frame.
#pragma once

#include "pianoroll/canvasoverlay.h"
#include "generation/teachingrun.h"

#include <memory>

namespace tutti {

class PianoRollViewport;

class TeachingOverlay final : public CanvasOverlay
{
    Q_OBJECT

public:
    TeachingOverlay(QWidget *canvas, PianoRollViewport *viewport);

    void setRun(std::shared_ptr<const TeachingRun> run);
    void setCurrent(int note); // index into run->notes; -1 shows none
    int current() const { return m_current; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::shared_ptr<const TeachingRun> m_run;
    int m_current = -1;
};

} // namespace tutti
// end of teachingoverlay.h
