// SPDX-License-Identifier: GPL-3.0-or-later
// modelmenu.cpp — the Model menu's actions open the personalization and training-data dialogs.
#include "model/modelmenu.h"

#include "model/modellocation.h"
#include "model/optout.h"
#include "model/personalizedialog.h"
#include "model/trainingdatadialog.h"

#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace tutti {

QMenu *addModelMenu(QMenuBar *menuBar, QWidget *parent)
{
    QMenu *menu = menuBar->addMenu(u"&Model"_s);
    menu->setObjectName(u"modelMenu"_s);
    menu->addAction(u"&Personalize…"_s, parent, [parent] {
        auto *dialog = new PersonalizeDialog(defaultModelPath(), parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    menu->addAction(u"&Training Data…"_s, parent, [parent] {
        auto *dialog = new TrainingDataDialog(defaultModelPath(), shippedTrainingDirectories(), parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    return menu;
}

} // namespace tutti
// end of modelmenu.cpp
