// SPDX-License-Identifier: GPL-3.0-or-later
// relativeattentionview.cpp — painting the charts, or why there are none.
#include "relativeattentionview.h"

#include "relativeattentionchart.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace tutti {

RelativeAttentionView::RelativeAttentionView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(360, 180); // short enough for a bottom dock that leaves the piano roll half a laptop screen
}

void RelativeAttentionView::setStatistics(const RelativeAttention &stats)
{
    m_stats = stats;
    update();
}

void RelativeAttentionView::clearStatistics()
{
    m_stats.reset();
    update();
}

void RelativeAttentionView::setHead(int layer, int head)
{
    m_layer = layer;
    m_head = head;
    update();
}

void RelativeAttentionView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_stats && m_stats->pairs() > 0) {
        paintRelativeAttention(painter, rect(), *m_stats, m_layer, m_head);
        return;
    }
    painter.fillRect(rect(), palette().window());
    painter.drawText(rect(), Qt::AlignCenter, u"No attention computed yet"_s);
}

} // namespace tutti
// end of relativeattentionview.cpp
