// SPDX-License-Identifier: GPL-3.0-or-later
// modelchooser.cpp — a combo box over the shipped and personal models, driving the loader.
#include "model/modelchooser.h"

#include "model/personalmodels.h"
#include "model/modelloader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tutti {

ModelChooser::ModelChooser(ModelLoader *loader, QWidget *parent)
    : QComboBox(parent)
    , m_loader(loader)
{
    setObjectName(u"modelChooser"_s);
    setToolTip(u"The model suggestions come from: the shipped one, or one made with Model > Personalize… or "
               "Model > Training Data… > Opt Out"_s);
    refresh();
    connect(this, &QComboBox::activated, this, [this](int row) {
        if (!m_loader->setPath(itemData(row).toString()))
            refresh(); // a load is running: keep showing the model being loaded
    });
}

void ModelChooser::refresh()
{
    const QString current = m_loader->path();
    const QSignalBlocker blocker(this);
    clear();
    addItem(u"Shipped model"_s, QString());
    for (const QString &path : personalModelPaths())
        addItem(QFileInfo(path).completeBaseName(), path);
    const int row = findData(current);
    setCurrentIndex(row > 0 ? row : 0);
}

void ModelChooser::showPopup()
{
    refresh();
    QComboBox::showPopup();
}

} // namespace tutti
// end of modelchooser.cpp
