// SPDX-License-Identifier: GPL-3.0-or-later
// trainingworkmodel.cpp — one row per training work, one column per fact.
#include "model/trainingworkmodel.h"

using namespace Qt::StringLiterals;

namespace tutti {

TrainingWorkModel::TrainingWorkModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TrainingWorkModel::setWorks(std::vector<TrainingWork> works)
{
    beginResetModel();
    m_works = std::move(works);
    endResetModel();
}

int TrainingWorkModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_works.size());
}

int TrainingWorkModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrainingWorkModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const TrainingWork &w = work(index.row());
    switch (index.column()) {
    case Key: return w.key;
    case Composer: return w.composer;
    case Title: return w.title;
    case Corpus: return w.corpus;
    case Licence: return w.licence;
    case Attribution: return w.attribution;
    case Source: return w.source;
    default: return {};
    }
}

QVariant TrainingWorkModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList names = {u"Key"_s, u"Composer"_s, u"Title"_s, u"Corpus"_s, u"Licence"_s,
                                      u"Attribution"_s, u"Source"_s};
    return section >= 0 && section < names.size() ? QVariant(names[section]) : QVariant();
}

} // namespace tutti
// end of trainingworkmodel.cpp
