// SPDX-License-Identifier: GPL-3.0-or-later
// midiportsdialog.h — Playback > MIDI Ports: the input to play from, the output to play to,
// where playback goes, and how takes are recorded. The lists follow devices plugged in and
// out while the dialog is open.
//
// Usage:
//   MidiPortsDialog dialog(midi, this);
//   if (dialog.exec() == QDialog::Accepted) midi->applySettings(dialog.chosen());
#pragma once

#include "midi/midiport.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace tutti {

class MidiController;
struct MidiSettings;

class MidiPortsDialog final : public QDialog
{
    Q_OBJECT

public:
    MidiPortsDialog(MidiController *midi, QWidget *parent = nullptr);

    MidiSettings chosen() const;

private:
    void relist();
    static void fill(QComboBox *box, const std::vector<MidiPort> &ports, const MidiPort &current);
    static MidiPort portOf(const QComboBox *box);

    MidiController *m_midi;
    QLabel *m_system;
    QComboBox *m_input;
    QComboBox *m_output;
    QComboBox *m_route;
    QSpinBox *m_countIn;
    QCheckBox *m_metronome;
    QComboBox *m_mode;
    QCheckBox *m_quantize;
    QSpinBox *m_answerBars;
    QComboBox *m_answerProgram;
};

} // namespace tutti
// end of midiportsdialog.h
