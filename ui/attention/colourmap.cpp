// SPDX-License-Identifier: GPL-3.0-or-later
// colourmap.cpp — viridis samples and the legend bar.
#include "colourmap.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace tutti {

namespace {

// viridis at 0, 1/9, ..., 1
constexpr std::array<QRgb, 10> samples = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
                                          0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};

int mix(int a, int b, double f)
{
    return static_cast<int>(std::lround(a + (b - a) * f));
}

} // namespace

QRgb viridis(double t)
{
    const double x = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (samples.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(x), samples.size() - 2);
    const double f = x - static_cast<double>(i);
    const QRgb a = samples[i], b = samples[i + 1];
    return qRgb(mix(qRed(a), qRed(b), f), mix(qGreen(a), qGreen(b), f), mix(qBlue(a), qBlue(b), f));
}

void paintColourLegend(QPainter &painter, const QRectF &area, double low, double high, const QString &caption)
{
    const QColor textColour = painter.pen().color();
    const QFontMetricsF metrics(painter.font());
    const double text = metrics.height();
    const QRectF bar(area.left(), area.top() + 1.5 * text, std::min(14.0, area.width()), area.height() - 3 * text);
    for (int y = 0; y < static_cast<int>(bar.height()); ++y) {
        painter.setPen(QColor(viridis(1.0 - y / std::max(1.0, bar.height() - 1))));
        painter.drawLine(QPointF(bar.left(), bar.top() + y), QPointF(bar.right(), bar.top() + y));
    }
    painter.setPen(QColor(0x9a, 0x9e, 0xa6));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);
    painter.setPen(textColour);
    const QRectF labels(bar.right() + 4, bar.top(), area.right() - bar.right() - 4, bar.height());
    painter.drawText(QRectF(area.left(), area.top(), area.width(), text), Qt::AlignLeft | Qt::AlignVCenter, caption);
    painter.drawText(QRectF(labels.left(), labels.top() - text / 2, labels.width(), text), Qt::AlignLeft | Qt::AlignVCenter,
                     QString::number(high, 'g', 3));
    painter.drawText(QRectF(labels.left(), labels.bottom() - text / 2, labels.width(), text),
                     Qt::AlignLeft | Qt::AlignVCenter, QString::number(low, 'g', 3));
}

} // namespace tutti
// end of colourmap.cpp
