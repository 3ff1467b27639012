// SPDX-License-Identifier: GPL-3.0-or-later
// candidatelistmodel.h — the candidate tray's rows: one finished suggestion each.
//
// Usage:
//   CandidateListModel candidates;
//   candidates.append(suggestion, score, report);  // "#1 · seed 42 · 96 notes · bars 9-16 · copies ..."
//   tableView->setModel(&candidates);
//   const Suggestion &s = candidates.at(0);
//   candidates.removeAt(0);  candidates.clear();
//
// Each row keeps its suggestion and the bar numbers it covered when it arrived. Numbers (#)
// run on until clear(), so "#3" stays #3 when #2 is discarded. A row whose originality
// report copies() (8+ notes of one part match one training piece, not common stock) is
// flagged in the Originality column with the piece's name; its tooltip describes the passage.
#pragma once

#include "analysis/originalityindex.h"
#include "generation/suggestion.h"

#include <QAbstractTableModel>

#include <vector>

namespace tutti {

class CandidateListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Number,
        Seed,
        Notes,
        Bars,
        Originality,
        ColumnCount,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void append(const Suggestion &suggestion, const Score &score, const OriginalityReport &originality = {});
    void removeAt(int row);
    void clear();
    int count() const { return static_cast<int>(m_rows.size()); }
    const Suggestion &at(int row) const { return m_rows.at(static_cast<std::size_t>(row)).suggestion; }
    QString label(int row) const; // "#3"
    const OriginalityReport &originality(int row) const { return m_rows.at(static_cast<std::size_t>(row)).originality; }
    bool copies(int row) const { return originality(row).copies(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        Suggestion suggestion;
        int number = 0;
        int firstBar = 1; // 1-based, as the ruler shows them
        int lastBar = 1;
        OriginalityReport originality;
    };

    std::vector<Row> m_rows;
    int m_nextNumber = 1;
};

} // namespace tutti
// end of candidatelistmodel.h
