// SPDX-License-Identifier: GPL-3.0-or-later
// colourmap.h — viridis, the perceptually uniform colour map the attention views use.
//
// Usage:
//   QRgb rgb = tutti::viridis(0.25);           // 0 dark violet .. 1 yellow
//   tutti::paintColourLegend(painter, rect, 0.0, 0.4, u"weight"_s);
//
// Lightness rises evenly from 0 to 1 and the map reads the same in grey and to most colour-
// blind eyes (van der Walt and Smith's matplotlib default). Interpolated in sRGB between ten
// evenly spaced samples of the published map, which keeps it within a few levels of the
// 256-entry table.
#pragma once

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace tutti {

QRgb viridis(double t); // t clamped to [0, 1]

// A vertical colour bar in `area`, low at the bottom, with the values at both ends and a
// caption above, written in the painter's pen colour.
void paintColourLegend(QPainter &painter, const QRectF &area, double low, double high, const QString &caption);

} // namespace tutti
// end of colourmap.h
