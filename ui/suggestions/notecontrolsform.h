// SPDX-License-Identifier: GPL-3.0-or-later
// notecontrolsform.h — the musical controls (density, polyphony, grid, motion, ranges) as a small form.
//
// Usage:
//   auto *controls = new NoteControlsForm(this);           // in the Suggestions dock, and per track
//   connect(controls, &NoteControlsForm::changed, this, save);
//   if (controls->problem().isEmpty()) request.controls = controls->controls();
//   settings.setValue(u"controls"_s, controls->toSettings());   // and fromSettings() at start
//
// Every field starts at "any": the model as it is. Range and velocity are typed ("C4-G5",
// "40-90"); problem() says in a sentence what is wrong with them.
#pragma once

#include "generation/notecontrols.h"

#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace tutti {

class NoteControlsForm final : public QWidget
{
    Q_OBJECT

public:
    explicit NoteControlsForm(QWidget *parent = nullptr);

    NoteControls controls() const;   // the typed ranges only when problem() is empty
    void setControls(const NoteControls &controls);
    QString problem() const;         // empty when every field reads

    QVariantMap toSettings() const;
    void fromSettings(const QVariantMap &settings);

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QComboBox *m_density = nullptr;
    QDoubleSpinBox *m_notesPerBar = nullptr;
    QSpinBox *m_polyphony = nullptr;
    QComboBox *m_grid = nullptr;
    QSpinBox *m_maxLeap = nullptr;
    QComboBox *m_motion = nullptr;
    QLineEdit *m_range = nullptr;
    QLineEdit *m_velocity = nullptr;
};

} // namespace tutti
// end of notecontrolsform.h
