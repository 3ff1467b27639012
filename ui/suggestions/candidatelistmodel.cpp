// SPDX-License-Identifier: GPL-3.0-or-later
// candidatelistmodel.cpp — table rows and their text.
#include "candidatelistmodel.h"

#include "analysis/suggestionoriginality.h"
#include "score/timemap.h"

#include <QColor>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

void CandidateListModel::append(const Suggestion &suggestion, const Score &score, const OriginalityReport &originality)
{
    const TimeMap map(score);
    Row row;
    row.suggestion = suggestion;
    row.number = m_nextNumber++;
    row.firstBar = map.barAt(suggestion.firstTick);
    row.lastBar = map.barAt(std::max(suggestion.firstTick, suggestion.endTick - 1));
    row.originality = originality;
    beginInsertRows({}, count(), count());
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void CandidateListModel::removeAt(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

void CandidateListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_nextNumber = 1;
    endResetModel();
}

QString CandidateListModel::label(int row) const
{
    return u"#%1"_s.arg(m_rows.at(static_cast<std::size_t>(row)).number);
}

int CandidateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int CandidateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CandidateListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Bars ? QVariant() : QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    const OriginalityMatch *copied = row.originality.copied();
    if (role == Qt::ToolTipRole && index.column() == Originality && copied)
        return u"<p>Copies the training corpus: %1.</p>"_s.arg(copied->describe().toHtmlEscaped()); // rich text wraps
    if (role == Qt::ToolTipRole && index.column() == Originality && row.originality.longest())
        return u"<p>Longest passage found in the training corpus: %1. Flagged from %2 notes of one piece; a "
               "passage that %3 or more pieces hold, or a figure such as repeated notes, is common stock.</p>"_s
            .arg(row.originality.longest()->describe().toHtmlEscaped())
            .arg(defaultCopyThresholdNotes)
            .arg(commonplacePieces);
    if (role == Qt::ToolTipRole) {
        // Each part: what the controls asked for and what it got.
        QString text = row.suggestion.cancelled ? u"<p>Cut short by Cancel: the notes written until then.</p>"_s : QString();
        const QStringList lines = row.suggestion.controls.lines();
        if (!lines.isEmpty()) {
            QStringList escaped;
            for (const QString &line : lines)
                escaped << line.toHtmlEscaped();
            text += u"<p>"_s + escaped.join(u"<br>"_s) + u"</p>"_s;
        }
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    if (role == Qt::ForegroundRole && copied)
        return QColor(0xb0, 0x30, 0x00);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number:
        return label(index.row());
    case Seed:
        return QString::number(row.suggestion.seed);
    case Notes: {
        const QString notes = QString::number(row.suggestion.noteCount());
        return row.suggestion.cancelled ? notes + u" (partial)"_s : notes;
    }
    case Bars:
        return row.firstBar == row.lastBar ? QString::number(row.firstBar)
                                           : u"%1–%2"_s.arg(row.firstBar).arg(row.lastBar);
    case Originality:
        return copied ? u"⚠ copies %1 (%2 notes)"_s.arg(copiedPieceName(*copied)).arg(copied->notes) : QString();
    default:
        return {};
    }
}

QVariant CandidateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return u"#"_s;
    case Seed:
        return u"Seed"_s;
    case Notes:
        return u"Notes"_s;
    case Bars:
        return u"Bars"_s;
    case Originality:
        return u"Originality"_s;
    default:
        return {};
    }
}

} // namespace tutti
// end of candidatelistmodel.cpp
