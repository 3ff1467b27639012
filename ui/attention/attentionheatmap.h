// SPDX-License-Identifier: GPL-3.0-or-later
// attentionheatmap.h — one attention matrix as a heat map: query notes down, key notes across.
//
// Usage:
//   auto *heatmap = new AttentionHeatmap(parent);
//   heatmap->setMatrix(weights, labels, u"Layer 4, head 2"_s);   // N x N, row = query
//   connect(heatmap, &AttentionHeatmap::cellClicked, this, [](int query, int key) { ... });
//   heatmap->setSelectedQuery(7);                               // from the piano roll
//   heatmap->exportCsv(path);                                   // what is in view
//
// Colours are viridis from 0 to the 99th percentile of the nonzero weights (brighter ones
// clip to yellow; the legend says so), so a few near-certain weights do not wash the rest
// out. Cells above the diagonal, where a query may not look, are drawn in the background
// colour. The wheel zooms around the cursor, a drag pans, a click selects a cell, and the
// line above the map names the pair under the mouse and its weight. Row labels read
// "bar:beat pitch instrument", column labels "bar:beat"; both thin out when cells get too
// small to hold them.
#pragma once

#include "analysis/attentionsnapshot.h"

#include <QImage>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

namespace tutti {

class AttentionHeatmap final : public QWidget
{
    Q_OBJECT

public:
    explicit AttentionHeatmap(QWidget *parent = nullptr);

    // weights: labels.size() squared, row-major, row = query note, column = key note.
    void setMatrix(std::vector<float> weights, std::vector<AttentionLabel> labels, const QString &title);
    void clear(const QString &message); // shown instead of a map
    int noteCount() const { return static_cast<int>(m_labels.size()); }
    float weight(int query, int key) const;
    double colourScaleMaximum() const { return m_maximum; }

    void setSelectedQuery(int query); // -1 for none; scrolls it into view when zoomed in
    int selectedQuery() const { return m_selectedQuery; }
    int selectedKey() const { return m_selectedKey; }

    // The cell under a widget position, or false outside the map.
    bool cellAt(QPointF position, int &query, int &key) const;
    QRectF cellRect(int query, int key) const; // in widget coordinates
    QString hoverText() const { return m_hoverText; }

    // Zoom: cells per side in view; the whole matrix after resetView().
    void resetView();
    void zoom(double factor, QPointF anchor);
    // The rows and columns in view: [first, last], as exportCsv() writes them.
    void visibleRange(int &firstQuery, int &lastQuery, int &firstKey, int &lastKey) const;

    // The cells in view with their labels (quoted where needed); empty string on success.
    QString exportCsv(const QString &path) const;
    QImage picture(); // the widget as drawn

Q_SIGNALS:
    void cellClicked(int query, int key);
    void cellHovered(int query, int key, float weight); // query -1 when the mouse leaves the map

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QRectF plotArea() const;
    double fitScale() const;
    void clampView();
    void updateHover(QPointF position);
    void rebuildImage();
    void paintLabels(QPainter &painter, const QRectF &plot);

    std::vector<float> m_weights;
    std::vector<AttentionLabel> m_labels;
    QString m_title;
    QString m_message;
    double m_labelWidth = 40.0; // the band for row labels
    QImage m_image;          // one pixel per cell
    double m_maximum = 1.0;  // weight drawn as the top of the colour map
    double m_scale = 1.0;    // pixels per cell
    QPointF m_origin;        // the cell (fractional) at the plot's top-left corner
    int m_selectedQuery = -1;
    int m_selectedKey = -1;
    int m_hoverQuery = -1;
    int m_hoverKey = -1;
    QString m_hoverText;
    QPointF m_pressPosition;
    QPointF m_pressOrigin;
    bool m_fitted = true;    // the whole matrix in view: stays so when resized
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace tutti
// end of attentionheatmap.h
