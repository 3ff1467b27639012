// SPDX-License-Identifier: GPL-3.0-or-later
// teachingoverlay.cpp — painting the written notes up to the current step.
#include "teachingoverlay.h"

#include "pianoroll/pianorollviewport.h"

#include <QPainter>

#include <algorithm>

namespace tutti {

TeachingOverlay::TeachingOverlay(QWidget *canvas, PianoRollViewport *viewport)
    : CanvasOverlay(canvas, viewport)
{
}

void TeachingOverlay::setRun(std::shared_ptr<const TeachingRun> run)
{
    m_run = std::move(run);
    m_current = -1;
    update();
}

void TeachingOverlay::setCurrent(int note)
{
    m_current = note;
    update();
}

void TeachingOverlay::paintEvent(QPaintEvent *)
{
    if (!m_run || m_run->notes.empty() || m_current < 0)
        return;
    QPainter painter(this);
    const double keyHeight = viewport()->keyHeight();
    const double ppt = viewport()->pixelsPerTick();
    const int last = std::min(m_current, static_cast<int>(m_run->notes.size()) - 1);
    // Dim the score's own notes where the model writes, so its notes stand out above them.
    Tick begin = m_run->notes.front().note.start, end = begin;
    for (const TeachingNote &n : m_run->notes)
        end = std::max(end, n.note.start + n.note.length);
    painter.fillRect(QRectF(QPointF(viewport()->xForTick(begin), 0), QPointF(viewport()->xForTick(end), height())),
                     QColor(0x1b, 0x1c, 0x1f, 170));
    for (int i = 0; i <= last; ++i) {
        const TeachingNote &n = m_run->notes[static_cast<std::size_t>(i)];
        const QRectF r(viewport()->xForTick(n.note.start), viewport()->yForPitch(n.note.pitch) + 0.5,
                       std::max(3.0, n.note.length * ppt - 1), std::max(2.0, keyHeight - 1));
        if (!r.intersects(rect()))
            continue;
        QColor fill = QColor::fromRgb(n.colour).lighter(130);
        fill.setAlpha(150);
        painter.fillRect(r, fill);
        if (i == last) {
            painter.setPen(QPen(QColor(255, 214, 0), 2.5));
            painter.drawRect(r.adjusted(-2, -2, 2, 2));
        } else {
            painter.setPen(QPen(Qt::white, 1, Qt::DashLine));
            painter.drawRect(r);
        }
    }
}

} // namespace tutti
// end of teachingoverlay.cpp
