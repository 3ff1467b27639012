// SPDX-License-Identifier: GPL-3.0-or-later
// keyboardwidget.cpp — key drawing and click-to-sound.
#include "keyboardwidget.h"

#include "pianorollviewport.h"
#include "score/pitchname.h"

#include <QMouseEvent>
#include <QPainter>

namespace tutti {

KeyboardWidget::KeyboardWidget(PianoRollViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_viewport(viewport)
{
    setFixedWidth(56);
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
}

void KeyboardWidget::setHoverPitch(int pitch)
{
    if (pitch == m_hover)
        return;
    m_hover = pitch;
    update();
}

void KeyboardWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xf4, 0xf4, 0xf2));
    const double keyHeight = m_viewport->keyHeight();
    QFont font = painter.font();
    font.setPixelSize(std::max(7, std::min(11, static_cast<int>(keyHeight) + 1)));
    painter.setFont(font);
    for (int pitch = m_viewport->topPitch(); pitch >= 0; --pitch) {
        const double y = m_viewport->yForPitch(pitch);
        if (y > height())
            break;
        const int pc = pitch % 12;
        const bool black = isBlackKey(pitch);
        const QRectF key(0, y, width(), keyHeight);
        if (pitch == m_sounding)
            painter.fillRect(key, QColor(0x7a, 0xb8, 0xf5));
        else if (black)
            painter.fillRect(QRectF(0, y, width() * 0.62, keyHeight),
                             pitch == m_hover ? QColor(0x4a, 0x5a, 0x70) : QColor(0x22, 0x22, 0x22));
        else if (pitch == m_hover)
            painter.fillRect(key, QColor(0xd6, 0xe6, 0xf7));
        painter.setPen(QColor(0xbb, 0xbb, 0xbb));
        if (pc == 0 || pc == 5)
            painter.drawLine(QPointF(0, y + keyHeight), QPointF(width(), y + keyHeight));
        if ((pc == 0 && keyHeight >= 6) || (!black && keyHeight >= 14)) {
            painter.setPen(pc == 0 ? QColor(0x44, 0x44, 0x44) : QColor(0x8a, 0x8a, 0x8a));
            painter.drawText(key.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, pitchName(pitch));
        }
    }
    painter.setPen(QColor(0x88, 0x88, 0x88));
    painter.drawLine(width() - 1, 0, width() - 1, height());
}

void KeyboardWidget::mousePressEvent(QMouseEvent *event)
{
    m_sounding = m_viewport->pitchAtY(event->position().y());
    Q_EMIT keyPressed(m_sounding);
    update();
}

void KeyboardWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_sounding < 0)
        return;
    const int pitch = m_viewport->pitchAtY(event->position().y());
    if (pitch == m_sounding)
        return;
    Q_EMIT keyReleased(m_sounding); // glissando along the keys
    m_sounding = pitch;
    Q_EMIT keyPressed(m_sounding);
    update();
}

void KeyboardWidget::mouseReleaseEvent(QMouseEvent *)
{
    if (m_sounding >= 0)
        Q_EMIT keyReleased(m_sounding);
    m_sounding = -1;
    update();
}

} // namespace tutti
// end of keyboardwidget.cpp
