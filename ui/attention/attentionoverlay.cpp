// SPDX-License-Identifier: GPL-3.0-or-later
// attentionoverlay.cpp — painting attention weights onto the notes in view.
#include "attentionoverlay.h"

#include "colourmap.h"
#include "pianoroll/pianorollviewport.h"

#include <QPainter>

#include <algorithm>

namespace tutti {

AttentionOverlay::AttentionOverlay(QWidget *canvas, PianoRollViewport *viewport)
    : CanvasOverlay(canvas, viewport)
{
}

void AttentionOverlay::showAttention(const Note &query, std::vector<Key> keys, double maximum)
{
    m_query = query;
    m_keys = std::move(keys);
    m_maximum = std::max(maximum, 1e-6);
    update();
}

void AttentionOverlay::setMarkedKey(std::optional<Note> key)
{
    m_markedKey = key;
    update();
}

void AttentionOverlay::clear()
{
    m_query.reset();
    m_markedKey.reset();
    m_keys.clear();
    update();
}

QRectF AttentionOverlay::noteRect(const Note &note) const
{
    const double width = std::max(3.0, note.length * viewport()->pixelsPerTick() - 1);
    return QRectF(viewport()->xForTick(note.start), viewport()->yForPitch(note.pitch) + 0.5, width,
                  std::max(2.0, viewport()->keyHeight() - 1));
}

void AttentionOverlay::paintEvent(QPaintEvent *)
{
    if (!m_query)
        return;
    QPainter painter(this);
    const QRectF view = rect();
    for (const Key &key : m_keys) {
        const QRectF r = noteRect(key.note);
        if (!r.intersects(view))
            continue;
        // The dark end of viridis would vanish on the dark canvas: weights use its upper part.
        const double level = std::clamp(key.weight / m_maximum, 0.0, 1.0);
        QColor fill = QColor::fromRgb(viridis(0.3 + 0.7 * level));
        fill.setAlpha(static_cast<int>(90 + 165 * level));
        painter.fillRect(r, fill);
    }
    painter.setBrush(Qt::NoBrush);
    if (m_markedKey) {
        painter.setPen(QPen(QColor(255, 80, 60), 2));
        painter.drawRect(noteRect(*m_markedKey).adjusted(-2, -2, 2, 2));
    }
    painter.setPen(QPen(Qt::white, 2));
    painter.drawRect(noteRect(*m_query).adjusted(-2, -2, 2, 2));
}

} // namespace tutti
// end of attentionoverlay.cpp
