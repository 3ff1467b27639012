// SPDX-License-Identifier: GPL-3.0-or-later
// midiportsdialog.cpp — the form, filled from the port watcher.
#include "midiportsdialog.h"

#include "midi/midiportwatcher.h"
#include "midi/midisystem.h"
#include "score/generalmidi.h"
#include "midicontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace tutti {

MidiPortsDialog::MidiPortsDialog(MidiController *midi, QWidget *parent)
    : QDialog(parent)
    , m_midi(midi)
    , m_system(new QLabel(this))
    , m_input(new QComboBox(this))
    , m_output(new QComboBox(this))
    , m_route(new QComboBox(this))
    , m_countIn(new QSpinBox(this))
    , m_metronome(new QCheckBox(u"Click on every beat while recording"_s, this))
    , m_mode(new QComboBox(this))
    , m_quantize(new QCheckBox(u"Snap onsets to the piano roll's grid"_s, this))
    , m_answerBars(new QSpinBox(this))
    , m_answerProgram(new QComboBox(this))
{
    setWindowTitle(u"MIDI Ports"_s);
    setObjectName(u"midiPortsDialog"_s);
    m_input->setObjectName(u"midiInput"_s);
    m_output->setObjectName(u"midiOutput"_s);
    m_route->addItems({u"FluidSynth"_s, u"MIDI output"_s, u"FluidSynth and MIDI output"_s});
    m_countIn->setRange(0, 4);
    m_countIn->setSuffix(u" bar(s)"_s);
    m_mode->addItems({u"Overdub (add to the track)"_s, u"Replace (the take's bars)"_s});
    const MidiSettings &settings = midi->settings();
    m_route->setCurrentIndex(settings.route);
    m_countIn->setValue(settings.countInBars);
    m_metronome->setChecked(settings.metronome);
    m_mode->setCurrentIndex(settings.replace ? 1 : 0);
    m_quantize->setChecked(settings.quantize);
    m_answerBars->setRange(1, 8);
    m_answerBars->setSuffix(u" bar(s)"_s);
    m_answerBars->setValue(settings.answerBars);
    m_answerProgram->addItem(u"The recorded track's instrument"_s, -1);
    for (int program = 0; program < 128; ++program)
        m_answerProgram->addItem(QString::number(program + 1) + u". "_s + generalMidiProgramName(program), program);
    m_answerProgram->setCurrentIndex(m_answerProgram->findData(settings.answerProgram));

    auto *form = new QFormLayout(this);
    form->addRow(m_system);
    form->addRow(u"Input (keyboard):"_s, m_input);
    form->addRow(u"Output:"_s, m_output);
    form->addRow(u"Play the score to:"_s, m_route);
    form->addRow(u"Count-in:"_s, m_countIn);
    form->addRow(u"Metronome:"_s, m_metronome);
    form->addRow(u"Recording:"_s, m_mode);
    form->addRow(u"Quantize on input:"_s, m_quantize);
    form->addRow(u"Answer me: length"_s, m_answerBars);
    form->addRow(u"Answer me: instrument"_s, m_answerProgram);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(midi->watcher(), &MidiPortWatcher::portsChanged, this, &MidiPortsDialog::relist);
    midi->watcher()->refresh();
    relist();
}

void MidiPortsDialog::fill(QComboBox *box, const std::vector<MidiPort> &ports, const MidiPort &current)
{
    box->clear();
    box->addItem(u"None"_s);
    for (const MidiPort &port : ports)
        box->addItem(port.label(), port.key());
    if (!current.isNull()) {
        int index = box->findData(current.key());
        if (index < 0) { // remembered but not plugged in now: keep it chosen
            box->addItem(current.label() + u" — not connected"_s, current.key());
            index = box->count() - 1;
        }
        box->setCurrentIndex(index);
    }
}

MidiPort MidiPortsDialog::portOf(const QComboBox *box)
{
    return MidiPort::fromKey(box->currentData().toString());
}

void MidiPortsDialog::relist()
{
    const bool first = m_input->count() == 0;
    const MidiPort input = first ? m_midi->settings().input : portOf(m_input);
    const MidiPort output = first ? m_midi->settings().output : portOf(m_output);
    fill(m_input, m_midi->watcher()->inputs(), input);
    fill(m_output, m_midi->watcher()->outputs(), output);
    m_system->setText(m_midi->system()->description());
}

MidiSettings MidiPortsDialog::chosen() const
{
    MidiSettings settings = m_midi->settings();
    settings.input = portOf(m_input);
    settings.output = portOf(m_output);
    settings.route = m_route->currentIndex();
    settings.countInBars = m_countIn->value();
    settings.metronome = m_metronome->isChecked();
    settings.replace = m_mode->currentIndex() == 1;
    settings.quantize = m_quantize->isChecked();
    settings.answerBars = m_answerBars->value();
    settings.answerProgram = m_answerProgram->currentData().toInt();
    return settings;
}

} // namespace tutti
// end of midiportsdialog.cpp
