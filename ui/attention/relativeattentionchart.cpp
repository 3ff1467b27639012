// SPDX-License-Identifier: GPL-3.0-or-later
// relativeattentionchart.cpp — painting the gain bars with their axes.
#include "relativeattentionchart.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QColor background(0xfb, 0xfb, 0xfc);
const QColor axisColour(0x55, 0x58, 0x5e);
const QColor gridColour(0xe2, 0xe4, 0xe8);
const QColor plainBar(0x5b, 0x8d, 0xc9);
const QColor highlightedBar(0xe0, 0x7a, 0x2f);

// Layer or head -1: the mean over them.
double gainOf(const RelativeAttention &stats, RelativeField field, int layer, int head, int k)
{
    double sum = 0.0;
    int count = 0;
    for (int l = 0; l < stats.layers(); ++l) {
        for (int h = 0; h < stats.heads(); ++h) {
            if ((layer < 0 || l == layer) && (head < 0 || h == head)) {
                sum += stats.gain(field, l, h, k);
                ++count;
            }
        }
    }
    return count > 0 ? sum / count : 0.0;
}

QString headName(const RelativeAttention &stats, int layer, int head)
{
    const QString layers = layer >= 0 ? u"Layer %1"_s.arg(layer + 1) : u"Mean of %1 layers"_s.arg(stats.layers());
    const QString heads = head >= 0 ? u"head %1"_s.arg(head + 1) : u"mean of %1 heads"_s.arg(stats.heads());
    return layers + u", "_s + heads;
}

QString panelTitle(RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return u"Beat difference (key − query, quarter notes)"_s;
    case RelativeField::Position: return u"Position difference within the beat (twelfths)"_s;
    case RelativeField::Pitch: return u"Pitch difference (key − query, semitones)"_s;
    }
    return {};
}

int labelStep(RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return 4;
    case RelativeField::Position: return 3;
    case RelativeField::Pitch: return 12;
    }
    return 1;
}

// A round step for about four grid lines up to `extent`.
double niceStep(double extent)
{
    const double raw = extent / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * magnitude >= raw)
            return m * magnitude;
    return 10.0 * magnitude;
}

void paintPanel(QPainter &painter, const QRectF &area, const RelativeAttention &stats, RelativeField field, int layer,
                int head)
{
    const QFontMetricsF metrics(painter.font());
    const double text = metrics.height();
    const int first = chartFirstDifference(field);
    const int last = chartLastDifference(field);
    std::vector<double> gains;
    double low = 0.0, high = 0.0; // the axis always holds zero
    for (int k = first; k <= last; ++k) {
        gains.push_back(gainOf(stats, field, layer, head, k));
        low = std::min(low, gains.back());
        high = std::max(high, gains.back());
    }
    const double step = niceStep(std::max(high - low, 1e-4));
    low = -std::ceil(-low / step - 1e-9) * step;
    high = std::max(std::ceil(high / step - 1e-9) * step, low + step);

    painter.setPen(axisColour);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), text), Qt::AlignLeft | Qt::AlignVCenter, panelTitle(field));
    const double axisWidth = metrics.horizontalAdvance(u"-0.000"_s) + 6;
    const QRectF plot(area.left() + axisWidth, area.top() + text * 1.3, area.width() - axisWidth - 4,
                      area.height() - text * 2.6);
    const auto yFor = [&](double value) { return plot.bottom() - (value - low) / (high - low) * plot.height(); };

    for (double v = low; v <= high + step / 2; v += step) {
        const double y = yFor(v);
        painter.setPen(std::abs(v) < step / 2 ? axisColour : gridColour);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(axisColour);
        painter.drawText(QRectF(area.left(), y - text / 2, axisWidth - 4, text), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(std::abs(v) < step / 2 ? 0.0 : v, 'g', 3));
    }

    const double slot = plot.width() / static_cast<double>(gains.size());
    painter.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < gains.size(); ++i) {
        const int k = first + static_cast<int>(i);
        const double x = plot.left() + slot * static_cast<double>(i);
        const double y0 = yFor(0.0), y1 = yFor(gains[i]);
        painter.setBrush(isHighlightedDifference(field, k) ? highlightedBar : plainBar);
        painter.drawRect(QRectF(x + slot * 0.12, std::min(y0, y1), std::max(1.0, slot * 0.76), std::abs(y1 - y0)));
    }
    painter.setPen(axisColour);
    for (int k = first; k <= last; ++k) {
        if (k % labelStep(field) != 0)
            continue;
        const double x = plot.left() + slot * (k - first + 0.5);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        painter.drawText(QRectF(x - 30, plot.bottom() + 3, 60, text), Qt::AlignHCenter | Qt::AlignTop, QString::number(k));
    }
}

} // namespace

int chartFirstDifference(RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return -32;
    case RelativeField::Position: return -11;
    case RelativeField::Pitch: return -24;
    }
    return 0;
}

int chartLastDifference(RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return 0;
    case RelativeField::Position: return 11;
    case RelativeField::Pitch: return 24;
    }
    return 0;
}

bool isHighlightedDifference(RelativeField field, int difference)
{
    switch (field) {
    case RelativeField::Beat: return difference < 0 && difference % 4 == 0;
    case RelativeField::Position: return difference == 0;
    case RelativeField::Pitch: {
        const int interval = std::abs(difference);
        return interval <= 12 && interval != 1 && interval != 2 && interval != 6 && interval != 10 && interval != 11;
    }
    }
    return false;
}

void paintRelativeAttention(QPainter &painter, const QRectF &area, const RelativeAttention &stats, int layer, int head)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(area, background);
    const double text = QFontMetricsF(painter.font()).height();
    const QString who = headName(stats, layer, head);
    painter.setPen(Qt::black);
    const QFont plain = painter.font();
    QFont bold = plain;
    bold.setBold(true);
    painter.setFont(bold);
    const QRectF titleLine(area.left() + 8, area.top() + 4, area.width() - 16, text * 1.2);
    const QString title = who + u": gain of mean relative attention over uniform attention"_s;
    const QString counts = u"%1 sequences, %2 note pairs"_s.arg(stats.sequences()).arg(stats.pairs());
    const double countsWidth = QFontMetricsF(plain).horizontalAdvance(counts) + 16;
    const bool roomForCounts = QFontMetricsF(bold).horizontalAdvance(title) + countsWidth <= titleLine.width();
    painter.drawText(titleLine, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(bold).elidedText(title, Qt::ElideRight, titleLine.width()));
    painter.setFont(plain);
    painter.setPen(axisColour);
    if (roomForCounts) // narrow views (the GUI's side panel) show the title alone
        painter.drawText(titleLine, Qt::AlignRight | Qt::AlignVCenter, counts);
    const double top = area.top() + text * 1.8;
    const double panelHeight = (area.bottom() - top - 4) / relativeFieldCount;
    for (int f = 0; f < relativeFieldCount; ++f) {
        const QRectF panel(area.left() + 8, top + f * panelHeight, area.width() - 16, panelHeight - 4);
        paintPanel(painter, panel, stats, relativeFields[f], layer, head);
    }
    painter.restore();
}

QImage relativeAttentionImage(const RelativeAttention &stats, int layer, int head, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(background);
    QPainter painter(&image);
    paintRelativeAttention(painter, QRectF(QPointF(0, 0), QSizeF(size)), stats, layer, head);
    return image;
}

} // namespace tutti
// end of relativeattentionchart.cpp
