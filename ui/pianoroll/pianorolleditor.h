// SPDX-License-Identifier: GPL-3.0-or-later
// pianorolleditor.h — the piano roll: keyboard, ruler, note canvas and velocity lane around
// one viewport, with scroll bars. Follows the playhead while playing. Its NoteEditor holds
// the selection, the snap grid and the clipboard; keyPressed/keyReleased also sound the
// notes the canvas draws, presses or moves.
#pragma once

#include "score/score.h"

#include <QWidget>

class QScrollBar;

namespace tutti {

class KeyboardWidget;
class NoteCanvas;
class NoteEditor;
class PianoRollViewport;
class ScoreDocument;
class TimeRuler;
class VelocityLane;

class PianoRollEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit PianoRollEditor(ScoreDocument *document, QWidget *parent = nullptr);

    void setActiveTrack(int track);
    void setPlayhead(Tick tick, bool follow);
    void setLoopRange(bool enabled, Tick begin, Tick end);
    void fitToScore();       // whole piece across, its pitch range top to bottom
    void showOpening();      // the first 16 bars, the whole pitch range
    // A strip under the velocity lane that maps time through viewport() (the teaching view's
    // entropy strip); the editor takes it over.
    void addLane(QWidget *lane);
    PianoRollViewport *viewport() const { return m_viewport; }
    NoteCanvas *canvas() const { return m_canvas; }
    VelocityLane *velocityLane() const { return m_velocityLane; }
    NoteEditor *noteEditor() const { return m_editor; }

Q_SIGNALS:
    void seekRequested(tutti::Tick tick);
    void barRangeSelected(tutti::Tick begin, tutti::Tick end);
    void mapEditRequested(tutti::Tick tick); // a double-click in the ruler
    void keyPressed(int pitch);
    void keyReleased(int pitch);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateScrollBars();

    ScoreDocument *m_document;
    NoteEditor *m_editor;
    PianoRollViewport *m_viewport;
    KeyboardWidget *m_keyboard;
    TimeRuler *m_ruler;
    NoteCanvas *m_canvas;
    VelocityLane *m_velocityLane;
    QScrollBar *m_horizontal;
    QScrollBar *m_vertical;
};

} // namespace tutti
// end of pianorolleditor.h
