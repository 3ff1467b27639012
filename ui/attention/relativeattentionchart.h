// SPDX-License-Identifier: GPL-3.0-or-later
// relativeattentionchart.h — one head's musical self-attention as three bar charts: the gain
// over uniform attention by beat, position and pitch difference (key minus query).
//
// Usage:
//   QImage image = tutti::relativeAttentionImage(stats, layer, head);   // `tutti attention`
//   image.save(u"layer4-head2.png"_s);
//   tutti::paintRelativeAttention(painter, rect(), stats, layer, head); // in a widget
//
// Bars that MMT's findings single out are drawn in a warm colour: keys a whole number of 4/4
// bars back (beat -4, -8, ...), the same position in the beat, and consonant intervals up to
// an octave (unison, thirds, fourth, fifth, sixths, octave). The others are blue. The charts
// show beats -32..0, positions -11..11 and pitches -24..24; the CSV holds every difference.
// Needs a QGuiApplication (fonts).
#pragma once

#include "analysis/relativeattention.h"

#include <QImage>
#include <QRectF>
#include <QSize>

class QPainter;

namespace tutti {

// The differences a chart shows.
int chartFirstDifference(RelativeField field);
int chartLastDifference(RelativeField field);
// True for the bars the findings single out (see above).
bool isHighlightedDifference(RelativeField field, int difference);

// layer and head are 0-based; -1 shows the mean over the layers or heads.
void paintRelativeAttention(QPainter &painter, const QRectF &area, const RelativeAttention &stats, int layer, int head);
QImage relativeAttentionImage(const RelativeAttention &stats, int layer, int head, QSize size = QSize(960, 640));

} // namespace tutti
// end of relativeattentionchart.h
