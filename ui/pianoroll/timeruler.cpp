// SPDX-License-Identifier: GPL-3.0-or-later
// timeruler.cpp — bar numbers, beat ticks, map changes, loop range and playhead.
#include "timeruler.h"

#include "edit/scoredocument.h"
#include "pianorollviewport.h"
#include "score/timemap.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti {

TimeRuler::TimeRuler(ScoreDocument *document, PianoRollViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_viewport(viewport)
{
    setFixedHeight(46);
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
    connect(document, &ScoreDocument::scoreChanged, this, qOverload<>(&QWidget::update));
}

void TimeRuler::setPlayhead(Tick tick)
{
    m_playhead = tick;
    update();
}

void TimeRuler::setLoopRange(bool enabled, Tick begin, Tick end)
{
    m_loopEnabled = enabled;
    m_loopBegin = begin;
    m_loopEnd = end;
    update();
}

void TimeRuler::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xe9, 0xe9, 0xe6));
    const Score &score = m_document->score();
    const TimeMap map(score);
    if (m_loopEnd > m_loopBegin) {
        const QColor loop = m_loopEnabled ? QColor(0x7a, 0xb8, 0xf5) : QColor(0xc8, 0xc8, 0xc8);
        painter.fillRect(QRectF(m_viewport->xForTick(m_loopBegin), 0,
                                (m_loopEnd - m_loopBegin) * m_viewport->pixelsPerTick(), 4), loop);
    }

    // Label every bar, or every 2nd, 4th, ... when bars get narrow.
    const Tick last = m_viewport->tickAtX(width());
    const double barPixels = map.ticksPerBar(m_viewport->firstTick()) * m_viewport->pixelsPerTick();
    int labelEvery = 1;
    while (barPixels * labelEvery < 28)
        labelEvery *= 2;
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    for (int bar = map.barAt(m_viewport->firstTick());; ++bar) {
        const Tick start = map.barStart(bar);
        if (start > last)
            break;
        const double x = m_viewport->xForTick(start);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawLine(QPointF(x, 24), QPointF(x, height()));
        if ((bar - 1) % labelEvery == 0)
            painter.drawText(QPointF(x + 3, 38), QString::number(bar));
        const Tick beat = map.ticksPerBeat(start);
        if (beat * m_viewport->pixelsPerTick() >= 6) {
            painter.setPen(QColor(0x99, 0x99, 0x99));
            for (Tick t = start + beat; t < start + map.ticksPerBar(start); t += beat)
                painter.drawLine(QPointF(m_viewport->xForTick(t), 36), QPointF(m_viewport->xForTick(t), height()));
        }
    }

    // Tempo and metre changes as small flags along the top, skipping any that would
    // overprint the one before. The one in force where the view starts stays at the left
    // edge, unless the next change is about to take its place there.
    font.setPixelSize(10);
    painter.setFont(font);
    const auto drawFlags = [&](const auto &changes, double baseline, QColor colour, auto label) {
        painter.setPen(colour);
        double freeFrom = -1e9;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const auto &change = changes[i];
            const QString text = label(change);
            const double pinnedEnd = 2 + painter.fontMetrics().horizontalAdvance(text) + 6;
            const double nextX = i + 1 < changes.size() ? m_viewport->xForTick(changes[i + 1].tick) : 1e9;
            if (m_viewport->xForTick(change.tick) < 0 && nextX < pinnedEnd)
                continue;
            const double x = std::max(2.0, m_viewport->xForTick(change.tick) + 2);
            if (x < freeFrom || x > width())
                continue;
            painter.drawText(QPointF(x, baseline), text);
            freeFrom = x + painter.fontMetrics().horizontalAdvance(text) + 6;
        }
    };
    drawFlags(score.tempos, 19, QColor(0x8a, 0x3b, 0x12), [](const TempoChange &change) {
        return u"♩=%1"_s.arg(std::round(change.bpm() * 10) / 10);
    });
    drawFlags(score.timeSignatures, 9, QColor(0x1d, 0x4e, 0x89), [](const TimeSignatureChange &change) {
        return u"%1/%2"_s.arg(change.numerator).arg(change.denominator);
    });

    const double x = m_viewport->xForTick(m_playhead);
    painter.setPen(QPen(QColor(255, 80, 60), 2));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
}

void TimeRuler::mousePressEvent(QMouseEvent *event)
{
    m_pressX = event->position().x();
    m_selecting = false;
}

void TimeRuler::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressX < 0)
        return;
    const double x = event->position().x();
    if (!m_selecting && std::abs(x - m_pressX) < 4)
        return;
    // Whole bars from the one pressed to the one under the mouse, both included.
    m_selecting = true;
    const TimeMap map(m_document->score());
    const int first = map.barAt(std::max<Tick>(0, m_viewport->tickAtX(std::min(m_pressX, x))));
    const int last = map.barAt(std::max<Tick>(0, m_viewport->tickAtX(std::max(m_pressX, x))));
    m_loopBegin = map.barStart(first);
    m_loopEnd = map.barStart(last + 1);
    update();
}

void TimeRuler::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_pressX < 0)
        return;
    if (m_selecting)
        Q_EMIT barRangeSelected(m_loopBegin, m_loopEnd);
    else
        Q_EMIT seekRequested(std::max<Tick>(0, m_viewport->tickAtX(event->position().x())));
    m_pressX = -1;
    m_selecting = false;
}

void TimeRuler::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_pressX = -1; // the release that follows is not a seek
    Q_EMIT mapEditRequested(std::max<Tick>(0, m_viewport->tickAtX(event->position().x())));
}

} // namespace tutti
// end of timeruler.cpp
