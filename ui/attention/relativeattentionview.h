// SPDX-License-Identifier: GPL-3.0-or-later
// relativeattentionview.h — the relative-attention bar charts of one head, in a widget.
//
// Usage:
//   auto *view = new RelativeAttentionView(parent);
//   view->setStatistics(snapshot->relative);   // copied
//   view->setHead(3, -1);                      // layer 4, mean over its heads
#pragma once

#include "analysis/relativeattention.h"

#include <QWidget>

#include <optional>

namespace tutti {

class RelativeAttentionView final : public QWidget
{
    Q_OBJECT

public:
    explicit RelativeAttentionView(QWidget *parent = nullptr);

    void setStatistics(const RelativeAttention &stats);
    void clearStatistics();
    void setHead(int layer, int head); // -1: the mean over layers or heads
    const std::optional<RelativeAttention> &statistics() const { return m_stats; }
    int layer() const { return m_layer; }
    int head() const { return m_head; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::optional<RelativeAttention> m_stats;
    int m_layer = -1;
    int m_head = -1;
};

} // namespace tutti
// end of relativeattentionview.h
