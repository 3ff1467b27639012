// SPDX-License-Identifier: GPL-3.0-or-later
// tempometredialog.cpp — the form, and turning it into new maps for ChangeMapsCommand.
#include "tempometredialog.h"

#include "edit/mapcommands.h"
#include "edit/scoredocument.h"
#include "score/timemap.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

template<typename Change>
bool hasChangeAt(const std::vector<Change> &map, Tick tick)
{
    return std::any_of(map.begin(), map.end(), [tick](const Change &change) { return change.tick == tick; });
}

} // namespace

TempoMetreDialog::TempoMetreDialog(const Score &score, Tick at, QWidget *parent)
    : QDialog(parent)
    , m_tempoHere(new QCheckBox(this))
    , m_bpm(new QDoubleSpinBox(this))
    , m_metreHere(new QCheckBox(this))
    , m_numerator(new QSpinBox(this))
    , m_denominator(new QComboBox(this))
{
    const TimeMap map(score);
    BarBeatTick position = map.barBeatTick(std::max<Tick>(0, at));
    position.tick = 0;
    m_tempoTick = map.tick(position);
    m_metreTick = map.barStart(position.bar);
    m_inheritedMicroseconds = map.microsecondsPerQuarterAt(m_tempoTick);
    m_inheritedMetre = map.timeSignatureAt(m_metreTick);
    setWindowTitle(u"Tempo and Metre"_s);

    m_tempoHere->setObjectName(u"tempoHere"_s);
    m_tempoHere->setText(u"Tempo change at %1:%2"_s.arg(position.bar).arg(position.beat));
    m_tempoHere->setChecked(m_tempoTick == 0 || hasChangeAt(score.tempos, m_tempoTick));
    m_tempoHere->setEnabled(m_tempoTick != 0);
    m_bpm->setObjectName(u"bpm"_s);
    m_bpm->setRange(10.0, 400.0);
    m_bpm->setDecimals(2);
    m_bpm->setSuffix(u" BPM"_s);
    m_bpm->setValue(60'000'000.0 / m_inheritedMicroseconds);

    m_metreHere->setObjectName(u"metreHere"_s);
    m_metreHere->setText(u"Time signature from bar %1"_s.arg(position.bar));
    m_metreHere->setChecked(m_metreTick == 0 || hasChangeAt(score.timeSignatures, m_metreTick));
    m_metreHere->setEnabled(m_metreTick != 0);
    m_numerator->setObjectName(u"numerator"_s);
    m_numerator->setRange(1, 32);
    m_numerator->setValue(m_inheritedMetre.numerator);
    m_denominator->setObjectName(u"denominator"_s);
    for (int denominator = 1; denominator <= 32; denominator *= 2)
        m_denominator->addItem(QString::number(denominator), denominator);
    m_denominator->setCurrentIndex(m_denominator->findData(m_inheritedMetre.denominator));

    const auto enableValues = [this] {
        m_bpm->setEnabled(m_tempoHere->isChecked());
        m_numerator->setEnabled(m_metreHere->isChecked());
        m_denominator->setEnabled(m_metreHere->isChecked());
    };
    connect(m_tempoHere, &QCheckBox::toggled, this, enableValues);
    connect(m_metreHere, &QCheckBox::toggled, this, enableValues);
    enableValues();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QFormLayout(this);
    layout->addRow(m_tempoHere);
    layout->addRow(u"Tempo:"_s, m_bpm);
    layout->addRow(m_metreHere);
    auto *metre = new QHBoxLayout;
    metre->addWidget(m_numerator);
    metre->addWidget(m_denominator);
    layout->addRow(u"Metre:"_s, metre);
    layout->addRow(buttons);
}

bool TempoMetreDialog::apply(ScoreDocument *document) const
{
    const Score &score = document->score();
    Score edited; // the maps as the command will keep them, normalized
    edited.tempos = editedTempos(score);
    edited.timeSignatures = editedTimeSignatures(score);
    edited.normalize();
    std::vector<TempoChange> tempos = std::move(edited.tempos);
    std::vector<TimeSignatureChange> timeSignatures = std::move(edited.timeSignatures);
    if (tempos == score.tempos && timeSignatures == score.timeSignatures)
        return false;
    document->undoStack()->push(
        new ChangeMapsCommand(document, std::move(tempos), std::move(timeSignatures), u"Edit Tempo and Metre"_s));
    return true;
}

std::vector<TempoChange> TempoMetreDialog::editedTempos(const Score &score) const
{
    if (!m_tempoHere->isChecked())
        return mapWithout(score.tempos, m_tempoTick);
    const int microseconds = TempoChange::microsecondsFromBpm(m_bpm->value());
    // An empty map already means 120 BPM from the start: add an entry only for a real change.
    if (m_tempoTick == 0 && !hasChangeAt(score.tempos, 0) && microseconds == m_inheritedMicroseconds)
        return score.tempos;
    return mapWith(score.tempos, TempoChange{m_tempoTick, microseconds});
}

std::vector<TimeSignatureChange> TempoMetreDialog::editedTimeSignatures(const Score &score) const
{
    if (!m_metreHere->isChecked())
        return mapWithout(score.timeSignatures, m_metreTick);
    const TimeSignatureChange change{m_metreTick, m_numerator->value(), m_denominator->currentData().toInt()};
    if (m_metreTick == 0 && !hasChangeAt(score.timeSignatures, 0) && change.numerator == m_inheritedMetre.numerator
        && change.denominator == m_inheritedMetre.denominator)
        return score.timeSignatures;
    return mapWith(score.timeSignatures, change);
}

} // namespace tutti
// end of tempometredialog.cpp
