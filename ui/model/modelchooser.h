// SPDX-License-Identifier: GPL-3.0-or-later
// modelchooser.h — the Suggestions dock's choice of model: the shipped one or a personal one.
//
// Usage:
//   form->insertRow(0, u"Model:"_s, new tutti::ModelChooser(controller->modelLoader(), box));
//
// Lists "Shipped model" and every model in the user's data folder (personalmodels.h: those
// Model > Personalize… and Opt Out wrote); choosing one points the loader at it, so the next
// suggestion loads it (with its own originality index). refresh() re-reads the folder; it
// also runs when the list is opened.
#pragma once

#include <QComboBox>

namespace tutti {

class ModelLoader;

class ModelChooser final : public QComboBox
{
    Q_OBJECT

public:
    ModelChooser(ModelLoader *loader, QWidget *parent = nullptr);

    void refresh();
    void showPopup() override;

private:
    ModelLoader *m_loader;
};

} // namespace tutti
// end of modelchooser.h
