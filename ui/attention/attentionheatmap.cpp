// SPDX-License-Identifier: GPL-3.0-or-later
// attentionheatmap.cpp — drawing, zooming and hit-testing the attention matrix.
#include "attentionheatmap.h"

#include "colourmap.h"

#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QColor background(0x2b, 0x2d, 0x31);
const QColor textColour(0xd8, 0xda, 0xde);
const QColor dimText(0x9a, 0x9e, 0xa6);
constexpr double maxScale = 48.0;     // pixels per cell at the closest zoom
constexpr double legendWidth = 84.0;
constexpr double maxLabelWidth = 170.0; // row labels

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

AttentionHeatmap::AttentionHeatmap(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(360, 180); // short enough for a bottom dock that leaves the piano roll half a laptop screen
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void AttentionHeatmap::setMatrix(std::vector<float> weights, std::vector<AttentionLabel> labels, const QString &title)
{
    const bool sameSize = labels.size() == m_labels.size();
    m_weights = std::move(weights);
    m_labels = std::move(labels);
    m_weights.resize(m_labels.size() * m_labels.size(), 0.0f);
    m_labelWidth = 40.0;
    for (const AttentionLabel &label : m_labels)
        m_labelWidth = std::max(m_labelWidth, fontMetrics().horizontalAdvance(label.text()) + 10.0);
    m_labelWidth = std::min(m_labelWidth, maxLabelWidth);
    m_title = title;
    m_message.clear();
    if (m_selectedQuery >= noteCount())
        m_selectedQuery = m_selectedKey = -1;
    m_hoverQuery = m_hoverKey = -1;
    m_hoverText.clear();
    rebuildImage();
    if (sameSize)
        clampView(); // another head of the same notes: keep the view
    else
        resetView();
    update();
}

void AttentionHeatmap::clear(const QString &message)
{
    m_weights.clear();
    m_labels.clear();
    m_image = QImage();
    m_message = message;
    m_selectedQuery = m_selectedKey = m_hoverQuery = m_hoverKey = -1;
    m_hoverText.clear();
    update();
}

float AttentionHeatmap::weight(int query, int key) const
{
    if (query < 0 || key < 0 || query >= noteCount() || key >= noteCount())
        return 0.0f;
    return m_weights[static_cast<std::size_t>(query) * m_labels.size() + static_cast<std::size_t>(key)];
}

void AttentionHeatmap::rebuildImage()
{
    const int n = noteCount();
    std::vector<float> nonzero;
    nonzero.reserve(static_cast<std::size_t>(n) * (n + 1) / 2);
    for (int q = 0; q < n; ++q)
        for (int k = 0; k <= q; ++k)
            if (weight(q, k) > 0.0f)
                nonzero.push_back(weight(q, k));
    m_maximum = 1.0;
    if (!nonzero.empty()) {
        const auto at = nonzero.begin() + static_cast<std::ptrdiff_t>((nonzero.size() - 1) * 99 / 100);
        std::nth_element(nonzero.begin(), at, nonzero.end());
        m_maximum = std::max(1e-6, static_cast<double>(*at));
    }
    m_image = QImage(std::max(n, 1), std::max(n, 1), QImage::Format_RGB32);
    m_image.fill(background);
    for (int q = 0; q < n; ++q) {
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(q));
        for (int k = 0; k <= q; ++k)
            line[k] = viridis(weight(q, k) / m_maximum);
    }
}

QRectF AttentionHeatmap::plotArea() const
{
    const double text = fontMetrics().height();
    const double top = 2.0 * text + 10.0;
    return QRectF(m_labelWidth, top, std::max(10.0, width() - m_labelWidth - legendWidth),
                  std::max(10.0, height() - top - 1.6 * text));
}

double AttentionHeatmap::fitScale() const
{
    const QRectF plot = plotArea();
    return std::min(plot.width(), plot.height()) / std::max(1, noteCount());
}

void AttentionHeatmap::resetView()
{
    m_scale = fitScale();
    m_origin = QPointF(0, 0);
    m_fitted = true;
    update();
}

void AttentionHeatmap::clampView()
{
    const QRectF plot = plotArea();
    m_scale = std::clamp(m_scale, fitScale(), std::max(fitScale(), maxScale));
    const double n = noteCount();
    m_origin.setX(std::clamp(m_origin.x(), 0.0, std::max(0.0, n - plot.width() / m_scale)));
    m_origin.setY(std::clamp(m_origin.y(), 0.0, std::max(0.0, n - plot.height() / m_scale)));
}

void AttentionHeatmap::zoom(double factor, QPointF anchor)
{
    const QRectF plot = plotArea();
    const QPointF cell = m_origin + (anchor - plot.topLeft()) / m_scale; // stays under the anchor
    m_scale *= factor;
    clampView();
    m_origin = cell - (anchor - plot.topLeft()) / m_scale;
    clampView();
    m_fitted = m_scale <= fitScale();
    update();
}

void AttentionHeatmap::visibleRange(int &firstQuery, int &lastQuery, int &firstKey, int &lastKey) const
{
    const QRectF plot = plotArea();
    const int n = noteCount();
    firstKey = std::clamp(static_cast<int>(std::floor(m_origin.x())), 0, std::max(0, n - 1));
    firstQuery = std::clamp(static_cast<int>(std::floor(m_origin.y())), 0, std::max(0, n - 1));
    lastKey = std::clamp(static_cast<int>(std::ceil(m_origin.x() + plot.width() / m_scale)) - 1, firstKey, n - 1);
    lastQuery = std::clamp(static_cast<int>(std::ceil(m_origin.y() + plot.height() / m_scale)) - 1, firstQuery, n - 1);
}

bool AttentionHeatmap::cellAt(QPointF position, int &query, int &key) const
{
    const QRectF plot = plotArea();
    if (noteCount() == 0 || !plot.contains(position))
        return false;
    const QPointF cell = m_origin + (position - plot.topLeft()) / m_scale;
    key = static_cast<int>(std::floor(cell.x()));
    query = static_cast<int>(std::floor(cell.y()));
    return query >= 0 && key >= 0 && query < noteCount() && key < noteCount();
}

QRectF AttentionHeatmap::cellRect(int query, int key) const
{
    const QRectF plot = plotArea();
    return QRectF(plot.left() + (key - m_origin.x()) * m_scale, plot.top() + (query - m_origin.y()) * m_scale, m_scale,
                  m_scale);
}

void AttentionHeatmap::setSelectedQuery(int query)
{
    m_selectedQuery = query >= 0 && query < noteCount() ? query : -1;
    m_selectedKey = -1;
    if (m_selectedQuery >= 0) {
        const QRectF plot = plotArea();
        const double rows = plot.height() / m_scale;
        if (m_selectedQuery < m_origin.y() || m_selectedQuery + 1 > m_origin.y() + rows) {
            m_origin.setY(m_selectedQuery - rows / 2);
            m_origin.setX(m_selectedQuery - plot.width() / m_scale / 2); // the diagonal: its nearest keys
            clampView();
        }
    }
    update();
}

void AttentionHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), background);
    const double text = fontMetrics().height();
    if (noteCount() == 0) {
        painter.setPen(dimText);
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRectF plot = plotArea();
    painter.setPen(textColour);
    painter.drawText(QRectF(8, 4, width() - 16, text), Qt::AlignLeft | Qt::AlignVCenter,
                     m_title + u"  —  rows: query notes, columns: the earlier key notes they attend to"_s);
    painter.setPen(m_hoverText.isEmpty() ? dimText : textColour);
    painter.drawText(QRectF(8, 6 + text, width() - 16, text), Qt::AlignLeft | Qt::AlignVCenter,
                     m_hoverText.isEmpty() ? u"Hover over a cell; wheel zooms, drag pans, click selects both notes"_s
                                           : m_hoverText);

    int firstQuery, lastQuery, firstKey, lastKey;
    visibleRange(firstQuery, lastQuery, firstKey, lastKey);
    const QRectF source(firstKey, firstQuery, lastKey - firstKey + 1, lastQuery - firstQuery + 1);
    const QRectF target = cellRect(firstQuery, firstKey).united(cellRect(lastQuery, lastKey));
    painter.save();
    painter.setClipRect(plot);
    if (m_scale < 1.0) // many cells per pixel: average them rather than drop rows
        painter.drawImage(target.topLeft(), m_image.copy(source.toRect())
                                                .scaled(target.size().toSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    else
        painter.drawImage(target, m_image, source);
    if (m_scale >= 8.0) { // cell borders once cells are big enough to tell apart
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1));
        for (int k = firstKey; k <= lastKey + 1; ++k)
            painter.drawLine(QPointF(cellRect(0, k).left(), target.top()), QPointF(cellRect(0, k).left(), target.bottom()));
        for (int q = firstQuery; q <= lastQuery + 1; ++q)
            painter.drawLine(QPointF(target.left(), cellRect(q, 0).top()), QPointF(target.right(), cellRect(q, 0).top()));
    }
    painter.setBrush(Qt::NoBrush);
    if (m_selectedQuery >= 0) {
        const QRectF row = cellRect(m_selectedQuery, 0).united(cellRect(m_selectedQuery, m_selectedQuery));
        painter.setPen(QPen(Qt::white, 1.5));
        painter.drawRect(row.adjusted(-1, -1, 1, 1));
        if (m_selectedKey >= 0) {
            painter.setPen(QPen(QColor(255, 80, 60), 2));
            painter.drawRect(cellRect(m_selectedQuery, m_selectedKey).adjusted(-2, -2, 2, 2));
        }
    }
    if (m_hoverQuery >= 0) {
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1));
        painter.drawRect(cellRect(m_hoverQuery, m_hoverKey).adjusted(-1, -1, 1, 1));
    }
    painter.restore();
    painter.setPen(QColor(0x58, 0x5c, 0x63));
    painter.drawRect(plot);
    paintLabels(painter, plot);

    painter.setPen(textColour);
    const QRectF legend(plot.right() + 12, plot.top(), legendWidth - 16, std::min(plot.height() - 2.5 * text, 260.0));
    paintColourLegend(painter, legend, 0.0, m_maximum, u"weight"_s);
    painter.setPen(dimText);
    painter.drawText(QRectF(legend.left(), legend.bottom() + 2, legendWidth - 14, 3 * text),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, u"top: 99th percentile"_s);
}

void AttentionHeatmap::paintLabels(QPainter &painter, const QRectF &plot)
{
    int firstQuery, lastQuery, firstKey, lastKey;
    visibleRange(firstQuery, lastQuery, firstKey, lastKey);
    const double text = fontMetrics().height();
    const int step = std::max(1, static_cast<int>(std::ceil(text / m_scale)));
    QFont small = font();
    if (m_scale < text)
        small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.85));
    painter.setFont(small);
    const double smallText = QFontMetricsF(small).height();
    for (int q = (firstQuery + step - 1) / step * step; q <= lastQuery; q += step) {
        const double y = plot.top() + (q + 0.5 - m_origin.y()) * m_scale;
        painter.setPen(q == m_selectedQuery ? Qt::white : textColour);
        painter.drawText(QRectF(2, y - smallText / 2, m_labelWidth - 6, smallText), Qt::AlignRight | Qt::AlignVCenter,
                         m_labels[static_cast<std::size_t>(q)].text());
    }
    // Columns carry only their time (the hover line names the note): one line of height,
    // labels spaced by their width.
    const double timeWidth = QFontMetricsF(small).horizontalAdvance(u"888:8"_s) + 8;
    const int columnStep = std::max(step, static_cast<int>(std::ceil(timeWidth / m_scale)));
    for (int k = (firstKey + columnStep - 1) / columnStep * columnStep; k <= lastKey; k += columnStep) {
        const double x = plot.left() + (k + 0.5 - m_origin.x()) * m_scale;
        painter.setPen(k == m_selectedKey ? Qt::white : textColour);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        painter.drawText(QRectF(x - timeWidth / 2, plot.bottom() + 3, timeWidth, smallText), Qt::AlignCenter,
                         m_labels[static_cast<std::size_t>(k)].time);
    }
    painter.setFont(font());
}

void AttentionHeatmap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitted)
        m_scale = fitScale();
    clampView();
}

void AttentionHeatmap::wheelEvent(QWheelEvent *event)
{
    zoom(event->angleDelta().y() > 0 ? 1.25 : 0.8, event->position());
    updateHover(event->position());
    event->accept();
}

void AttentionHeatmap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton)
        return QWidget::mousePressEvent(event);
    m_pressed = true;
    m_dragging = event->button() == Qt::MiddleButton;
    m_pressPosition = event->position();
    m_pressOrigin = m_origin;
}

void AttentionHeatmap::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed && !m_dragging && (event->position() - m_pressPosition).manhattanLength() > 4)
        m_dragging = true;
    if (m_dragging) {
        m_origin = m_pressOrigin - (event->position() - m_pressPosition) / m_scale;
        clampView();
        m_fitted = false;
        setCursor(Qt::ClosedHandCursor);
        update();
    }
    updateHover(event->position());
}

void AttentionHeatmap::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = m_pressed && !m_dragging && event->button() == Qt::LeftButton;
    m_pressed = m_dragging = false;
    unsetCursor();
    int query, key;
    if (click && cellAt(event->position(), query, key) && key <= query) {
        m_selectedQuery = query;
        m_selectedKey = key;
        update();
        Q_EMIT cellClicked(query, key);
    }
}

void AttentionHeatmap::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    updateHover(QPointF(-1, -1));
}

void AttentionHeatmap::updateHover(QPointF position)
{
    int query = -1, key = -1;
    if (!cellAt(position, query, key))
        query = key = -1;
    if (query == m_hoverQuery && key == m_hoverKey)
        return;
    m_hoverQuery = query;
    m_hoverKey = key;
    if (query < 0) {
        m_hoverText.clear();
    } else {
        const QString weightText = key > query ? u"cannot attend (later note)"_s
                                               : u"weight %1"_s.arg(static_cast<double>(weight(query, key)), 0, 'f', 4);
        m_hoverText = u"Query %1  →  key %2:  %3"_s.arg(m_labels[static_cast<std::size_t>(query)].text(),
                                                          m_labels[static_cast<std::size_t>(key)].text(), weightText);
    }
    update();
    Q_EMIT cellHovered(query, key, query < 0 ? 0.0f : weight(query, key));
}

QString AttentionHeatmap::exportCsv(const QString &path) const
{
    if (noteCount() == 0)
        return u"There is no attention map to export."_s;
    int firstQuery, lastQuery, firstKey, lastKey;
    visibleRange(firstQuery, lastQuery, firstKey, lastKey);
    QString csv = u"query \\ key"_s;
    for (int k = firstKey; k <= lastKey; ++k)
        csv += u',' + csvField(m_labels[static_cast<std::size_t>(k)].text());
    csv += u'\n';
    for (int q = firstQuery; q <= lastQuery; ++q) {
        csv += csvField(m_labels[static_cast<std::size_t>(q)].text());
        for (int k = firstKey; k <= lastKey; ++k)
            csv += u',' + QString::number(static_cast<double>(weight(q, k)), 'g', 7);
        csv += u'\n';
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"Cannot write %1: %2"_s.arg(path, file.errorString());
    file.write(csv.toUtf8());
    if (!file.commit())
        return u"Cannot write %1: %2"_s.arg(path, file.errorString());
    return {};
}

QImage AttentionHeatmap::picture()
{
    return grab().toImage();
}

} // namespace tutti
// end of attentionheatmap.cpp
