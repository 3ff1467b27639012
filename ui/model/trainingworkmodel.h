// SPDX-License-Identifier: GPL-3.0-or-later
// trainingworkmodel.h — the training works (core/representation/trainingworks.h) as a table.
//
// Usage:
//   auto *works = new TrainingWorkModel(this);
//   works->setWorks(tutti::trainingWorks(directories));
//   view->setModel(works);
//   QString key = works->work(view->currentIndex().row()).key;
//
// Columns: key, composer, title, corpus, licence, attribution, source; read-only.
#pragma once

#include "representation/trainingworks.h"

#include <QAbstractTableModel>

#include <vector>

namespace tutti {

class TrainingWorkModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Key,
        Composer,
        Title,
        Corpus,
        Licence,
        Attribution,
        Source,
        ColumnCount,
    };

    explicit TrainingWorkModel(QObject *parent = nullptr);

    void setWorks(std::vector<TrainingWork> works);
    const TrainingWork &work(int row) const { return m_works[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<TrainingWork> m_works;
};

} // namespace tutti
// end of trainingworkmodel.h
