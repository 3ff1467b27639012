// SPDX-License-Identifier: GPL-3.0-or-later
// modelmenu.h — the main window's Model menu: Personalize… and Training Data….
//
// Usage (mainwindow.cpp):
//   tutti::addModelMenu(menuBar(), this);
//
// Each action opens its dialog (personalizedialog.h, trainingdatadialog.h) on the shipped
// model (defaultModelPath()) and the corpora it was trained on (shippedTrainingDirectories()).
#pragma once

class QMenu;
class QMenuBar;
class QWidget;

namespace tutti {

QMenu *addModelMenu(QMenuBar *menuBar, QWidget *parent);

} // namespace tutti
// end of modelmenu.h
