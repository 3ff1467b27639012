// SPDX-License-Identifier: GPL-3.0-or-later
// timeruler.h — bars and beats above the piano roll, with tempo and metre changes.
// A click moves the playhead (seekRequested); a drag selects whole bars
// (barRangeSelected), which become the loop range and the range generation works on.
// A double-click asks to edit the tempo and metre there (mapEditRequested).
#pragma once

#include "score/score.h"

#include <QWidget>

namespace tutti {

class PianoRollViewport;
class ScoreDocument;

class TimeRuler final : public QWidget
{
    Q_OBJECT

public:
    TimeRuler(ScoreDocument *document, PianoRollViewport *viewport, QWidget *parent = nullptr);

    void setPlayhead(Tick tick);
    void setLoopRange(bool enabled, Tick begin, Tick end);

Q_SIGNALS:
    void seekRequested(tutti::Tick tick);
    void barRangeSelected(tutti::Tick begin, tutti::Tick end);
    void mapEditRequested(tutti::Tick tick);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    ScoreDocument *m_document;
    PianoRollViewport *m_viewport;
    Tick m_playhead = 0;
    bool m_loopEnabled = false;
    Tick m_loopBegin = 0;
    Tick m_loopEnd = 0;
    double m_pressX = -1;       // where the mouse went down; -1 when it is up
    bool m_selecting = false;   // the press became a drag across bars
};

} // namespace tutti
// end of timeruler.h
