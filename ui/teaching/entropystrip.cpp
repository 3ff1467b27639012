// SPDX-License-Identifier: GPL-3.0-or-later
// entropystrip.cpp — painting and picking the entropy bars.
#include "entropystrip.h"

#include "attention/colourmap.h"
#include "pianoroll/pianorollviewport.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti {

EntropyStrip::EntropyStrip(PianoRollViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_viewport(viewport)
{
    setFixedHeight(48);
    setMouseTracking(true);
    setToolTip(u"The model's uncertainty at each note it wrote (entropy in bits, all fields)"_s);
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
}

void EntropyStrip::setNotes(std::vector<Mark> marks)
{
    m_marks = std::move(marks);
    m_maximum = 1e-6;
    for (const Mark &mark : m_marks)
        m_maximum = std::max(m_maximum, mark.entropy);
    m_current = std::min(m_current, static_cast<int>(m_marks.size()) - 1);
    update();
}

void EntropyStrip::setCurrent(int index)
{
    m_current = index;
    update();
}

int EntropyStrip::markAt(double x) const
{
    int best = -1;
    double bestDistance = 6.0;
    for (std::size_t i = 0; i < m_marks.size(); ++i) {
        const double distance = std::abs(m_viewport->xForTick(m_marks[i].tick) + 2 - x);
        if (distance <= bestDistance) {
            best = static_cast<int>(i);
            bestDistance = distance;
        }
    }
    return best;
}

void EntropyStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x23, 0x25, 0x28));
    painter.setPen(QColor(0x44, 0x47, 0x4d));
    painter.drawLine(0, 0, width(), 0);
    const double top = 4.0;
    const double bottom = height() - 3.0;
    for (std::size_t i = 0; i < m_marks.size(); ++i) {
        const double x = m_viewport->xForTick(m_marks[i].tick);
        if (x < -4 || x > width())
            continue;
        const double level = m_marks[i].entropy / m_maximum;
        QColor colour = QColor::fromRgb(viridis(level));
        if (m_current >= 0 && static_cast<int>(i) > m_current)
            colour.setAlpha(70);
        const double h = std::max(2.0, level * (bottom - top));
        painter.fillRect(QRectF(x, bottom - h, 4, h), colour);
    }
    if (m_current >= 0 && m_current < static_cast<int>(m_marks.size())) {
        const double x = m_viewport->xForTick(m_marks[static_cast<std::size_t>(m_current)].tick);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.drawRect(QRectF(x - 2, top - 2, 8, bottom - top + 3));
    }
    painter.setPen(QColor(0x9a, 0x9e, 0xa6));
    painter.drawText(QRectF(4, 2, 220, 14), Qt::AlignLeft | Qt::AlignVCenter,
                     m_marks.empty() ? u"entropy"_s : u"entropy, 0–%1 bits"_s.arg(m_maximum, 0, 'f', 1));
}

void EntropyStrip::mousePressEvent(QMouseEvent *event)
{
    const int index = markAt(event->position().x());
    if (event->button() == Qt::LeftButton && index >= 0)
        Q_EMIT noteClicked(index);
}

void EntropyStrip::mouseMoveEvent(QMouseEvent *event)
{
    const int index = markAt(event->position().x());
    if (index >= 0)
        QToolTip::showText(event->globalPosition().toPoint(),
                           u"Note %1: %2 bits"_s.arg(index + 1).arg(m_marks[static_cast<std::size_t>(index)].entropy, 0, 'f', 2),
                           this);
}

} // namespace tutti
// end of entropystrip.cpp
