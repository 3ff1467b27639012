// timeruler.h — bars and beats above the piano roll, with tempo and metre changes;
// clicking moves the playhead (seekRequested).
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

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    ScoreDocument *m_document;
    PianoRollViewport *m_viewport;
    Tick m_playhead = 0;
    bool m_loopEnabled = false;
    Tick m_loopBegin = 0;
    Tick m_loopEnd = 0;
};

} // namespace tutti
// end of timeruler.h
