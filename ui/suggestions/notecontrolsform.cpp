// SPDX-License-Identifier: GPL-3.0-or-later
// notecontrolsform.cpp — one row per control; "any" everywhere by default.
#include "notecontrolsform.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr double preferSteps = 0.7;

} // namespace

NoteControlsForm::NoteControlsForm(QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_density = new QComboBox(this);
    m_density->setObjectName(u"controlsDensity"_s);
    m_density->addItem(u"Any"_s, static_cast<int>(DensityChoice::Any));
    m_density->addItem(u"Low (half the context's)"_s, static_cast<int>(DensityChoice::Low));
    m_density->addItem(u"Medium (as the context)"_s, static_cast<int>(DensityChoice::Medium));
    m_density->addItem(u"High (twice the context's)"_s, static_cast<int>(DensityChoice::High));
    m_density->addItem(u"Notes per bar:"_s, static_cast<int>(DensityChoice::Notes));
    m_notesPerBar = new QDoubleSpinBox(this);
    m_notesPerBar->setObjectName(u"controlsNotesPerBar"_s);
    m_notesPerBar->setRange(0.5, 48.0);
    m_notesPerBar->setDecimals(1);
    m_notesPerBar->setValue(4.0);
    auto *density = new QHBoxLayout;
    density->addWidget(m_density, 1);
    density->addWidget(m_notesPerBar);
    form->addRow(u"Density"_s, density);

    m_polyphony = new QSpinBox(this);
    m_polyphony->setObjectName(u"controlsPolyphony"_s);
    m_polyphony->setRange(0, 16);
    m_polyphony->setSpecialValueText(u"Any"_s);
    m_polyphony->setSuffix(u" at once"_s);
    m_polyphony->setToolTip(u"At most this many notes sounding at once in a track; 1 gives a single line"_s);
    form->addRow(u"Polyphony"_s, m_polyphony);

    m_grid = new QComboBox(this);
    m_grid->setObjectName(u"controlsGrid"_s);
    m_grid->addItems({u"Any"_s, u"Quarters (1/4)"_s, u"Eighths (1/8)"_s, u"Sixteenths (1/16)"_s,
                      u"Eighth triplets (1/8t)"_s, u"Sixteenth triplets (1/16t)"_s}); // RhythmGrid order
    form->addRow(u"Rhythm grid"_s, m_grid);

    m_maxLeap = new QSpinBox(this);
    m_maxLeap->setObjectName(u"controlsMaxLeap"_s);
    m_maxLeap->setRange(-1, 24);
    m_maxLeap->setValue(-1);
    m_maxLeap->setSpecialValueText(u"Any"_s);
    m_maxLeap->setSuffix(u" semitones"_s);
    m_motion = new QComboBox(this);
    m_motion->setObjectName(u"controlsMotion"_s);
    m_motion->addItem(u"As it likes"_s, 0.0);
    m_motion->addItem(u"Prefer steps"_s, preferSteps);
    m_motion->addItem(u"Prefer leaps"_s, -preferSteps);
    auto *motion = new QHBoxLayout;
    motion->addWidget(m_maxLeap, 1);
    motion->addWidget(m_motion, 1);
    form->addRow(u"Largest leap"_s, motion);

    m_range = new QLineEdit(this);
    m_range->setObjectName(u"controlsRange"_s);
    m_range->setPlaceholderText(u"Instrument's own, or e.g. C4-G5"_s);
    m_range->setToolTip(u"Pitches of the written tracks, within each instrument's own range; C4 is middle C"_s);
    form->addRow(u"Pitch range"_s, m_range);
    m_velocity = new QLineEdit(this);
    m_velocity->setObjectName(u"controlsVelocity"_s);
    m_velocity->setPlaceholderText(u"Track's own, or e.g. 40-90"_s);
    form->addRow(u"Velocity"_s, m_velocity);

    const auto emitChanged = [this] {
        updateEnabled();
        Q_EMIT changed();
    };
    connect(m_density, &QComboBox::currentIndexChanged, this, emitChanged);
    connect(m_notesPerBar, &QDoubleSpinBox::valueChanged, this, emitChanged);
    connect(m_polyphony, &QSpinBox::valueChanged, this, emitChanged);
    connect(m_grid, &QComboBox::currentIndexChanged, this, emitChanged);
    connect(m_maxLeap, &QSpinBox::valueChanged, this, emitChanged);
    connect(m_motion, &QComboBox::currentIndexChanged, this, emitChanged);
    connect(m_range, &QLineEdit::textChanged, this, emitChanged);
    connect(m_velocity, &QLineEdit::textChanged, this, emitChanged);
    updateEnabled();
}

void NoteControlsForm::updateEnabled()
{
    m_notesPerBar->setEnabled(m_density->currentData().toInt() == static_cast<int>(DensityChoice::Notes));
}

NoteControls NoteControlsForm::controls() const
{
    NoteControls controls;
    controls.density = static_cast<DensityChoice>(m_density->currentData().toInt());
    if (controls.density == DensityChoice::Notes)
        controls.notesPerBar = m_notesPerBar->value();
    controls.polyphony = m_polyphony->value();
    controls.grid = static_cast<RhythmGrid>(m_grid->currentIndex());
    controls.maxLeap = m_maxLeap->value();
    controls.stepPreference = m_motion->currentData().toDouble();
    if (!m_range->text().trimmed().isEmpty()
        && !parsePitchRange(m_range->text(), controls.lowestPitch, controls.highestPitch).isEmpty()) {
        controls.lowestPitch = 0;
        controls.highestPitch = 127;
    }
    if (!m_velocity->text().trimmed().isEmpty()
        && !parseVelocityRange(m_velocity->text(), controls.lowestVelocity, controls.highestVelocity).isEmpty()) {
        controls.lowestVelocity = 0;
        controls.highestVelocity = 0;
    }
    return controls;
}

void NoteControlsForm::setControls(const NoteControls &controls)
{
    m_density->setCurrentIndex(std::max(0, m_density->findData(static_cast<int>(controls.density))));
    if (controls.density == DensityChoice::Notes)
        m_notesPerBar->setValue(controls.notesPerBar);
    m_polyphony->setValue(controls.polyphony);
    m_grid->setCurrentIndex(static_cast<int>(controls.grid));
    m_maxLeap->setValue(controls.maxLeap);
    m_motion->setCurrentIndex(controls.stepPreference > 0.0 ? 1 : controls.stepPreference < 0.0 ? 2 : 0);
    m_range->setText(controls.hasPitchRange() ? pitchText(controls.lowestPitch) + u"-"_s + pitchText(controls.highestPitch)
                                              : QString());
    m_velocity->setText(controls.hasVelocityRange()
                            ? u"%1-%2"_s.arg(controls.lowestVelocity).arg(controls.highestVelocity)
                            : QString());
}

QString NoteControlsForm::problem() const
{
    NoteControls scratch;
    if (!m_range->text().trimmed().isEmpty()) {
        const QString error = parsePitchRange(m_range->text(), scratch.lowestPitch, scratch.highestPitch);
        if (!error.isEmpty())
            return u"Pitch range: "_s + error + u"."_s;
    }
    if (!m_velocity->text().trimmed().isEmpty()) {
        const QString error = parseVelocityRange(m_velocity->text(), scratch.lowestVelocity, scratch.highestVelocity);
        if (!error.isEmpty())
            return u"Velocity: "_s + error + u"."_s;
    }
    return {};
}

QVariantMap NoteControlsForm::toSettings() const
{
    return {{u"density"_s, m_density->currentData().toInt()}, {u"notesPerBar"_s, m_notesPerBar->value()},
            {u"polyphony"_s, m_polyphony->value()},           {u"grid"_s, m_grid->currentIndex()},
            {u"maxLeap"_s, m_maxLeap->value()},               {u"motion"_s, m_motion->currentIndex()},
            {u"range"_s, m_range->text()},                    {u"velocity"_s, m_velocity->text()}};
}

void NoteControlsForm::fromSettings(const QVariantMap &settings)
{
    if (settings.contains(u"density"_s))
        m_density->setCurrentIndex(std::max(0, m_density->findData(settings.value(u"density"_s).toInt())));
    m_notesPerBar->setValue(settings.value(u"notesPerBar"_s, m_notesPerBar->value()).toDouble());
    m_polyphony->setValue(settings.value(u"polyphony"_s, m_polyphony->value()).toInt());
    const int grid = settings.value(u"grid"_s, m_grid->currentIndex()).toInt();
    m_grid->setCurrentIndex(grid >= 0 && grid < m_grid->count() ? grid : 0);
    m_maxLeap->setValue(settings.value(u"maxLeap"_s, m_maxLeap->value()).toInt());
    const int motion = settings.value(u"motion"_s, m_motion->currentIndex()).toInt();
    m_motion->setCurrentIndex(motion >= 0 && motion < m_motion->count() ? motion : 0);
    m_range->setText(settings.value(u"range"_s).toString());
    m_velocity->setText(settings.value(u"velocity"_s).toString());
    updateEnabled();
}

} // namespace tutti
// end of notecontrolsform.cpp
