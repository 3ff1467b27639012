// SPDX-License-Identifier: GPL-3.0-or-later
// ghostnotelayer.h — the selected candidate drawn over the piano roll as ghost notes.
//
// Usage:
//   new GhostNoteLayer(suggestions, pianoRoll->canvas(), pianoRoll->viewport());
//
// A transparent child of the note canvas that lets the mouse through: the real score stays
// editable under it. Ghost notes are translucent, in their track's colour (a new track's
// own colour) with a dashed outline, over a faint band marking the bars the candidate
// writes. It follows the controller's selection (scrolling to a candidate out of view) and
// the canvas's size and scrolling.
#pragma once

#include "pianoroll/canvasoverlay.h"
#include "score/score.h"

#include <QColor>

#include <vector>

namespace tutti {

class PianoRollViewport;
class SuggestionController;

class GhostNoteLayer final : public CanvasOverlay
{
    Q_OBJECT

public:
    GhostNoteLayer(SuggestionController *suggestions, QWidget *canvas, PianoRollViewport *viewport);

    int ghostNoteCount() const;                          // of the shown candidate
    int lastPaintedNoteCount() const { return m_lastPainted; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Part
    {
        QColor colour;
        std::vector<Note> notes;
    };

    void refresh(); // from the controller's selected candidate and the score's colours
    void reveal();  // scrolls the piano roll to the shown candidate's bars when they are out of view

    SuggestionController *m_suggestions;
    std::vector<Part> m_parts;
    Tick m_firstTick = 0;
    Tick m_endTick = 0;
    int m_lastPainted = 0;
};

} // namespace tutti
// end of ghostnotelayer.h
