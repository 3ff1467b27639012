// notecanvas.h — the note area of the piano roll: grid, notes of every track, playhead.
//
// The active track's notes are drawn solid in its colour; other tracks' notes are faded
// behind them. Painting touches only visible notes: each track's notes are sorted by
// onset, so a binary search finds the first that can reach into view.
#pragma once

#include "score/score.h"

#include <QWidget>

#include <vector>

namespace tutti {

class PianoRollViewport;
class ScoreDocument;

class NoteCanvas final : public QWidget
{
    Q_OBJECT

public:
    NoteCanvas(ScoreDocument *document, PianoRollViewport *viewport, QWidget *parent = nullptr);

    void setActiveTrack(int track);
    int activeTrack() const { return m_activeTrack; }
    void setPlayhead(Tick tick);
    int lastPaintedNoteCount() const { return m_lastPaintedNotes; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void rebuildIndex();
    void paintGrid(QPainter &painter);
    int paintTrack(QPainter &painter, std::size_t trackIndex, bool active);

    ScoreDocument *m_document;
    PianoRollViewport *m_viewport;
    std::vector<Tick> m_longestNote; // per track: how far before the view a visible note can start
    int m_activeTrack = 0;
    Tick m_playhead = 0;
    int m_lastPaintedNotes = 0;
};

} // namespace tutti
// end of notecanvas.h
