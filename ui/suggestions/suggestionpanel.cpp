// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionpanel.cpp — the request form, the buttons and the candidate tray.
#include "suggestionpanel.h"

#include "analysis/originalityindex.h"
#include "model/modelchooser.h"

#include "candidatelistmodel.h"
#include "edit/scoredocument.h"
#include "instrumentpicker.h"
#include "model/modelloader.h"
#include "notecontrolsform.h"
#include "score/timemap.h"
#include "suggestionaudition.h"
#include "suggestioncontroller.h"
#include "trackchecklist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int maxSeed = 999'999'999;
const QStringList tonicNames = {u"C"_s, u"C#"_s, u"D"_s, u"Eb"_s, u"E"_s, u"F"_s,
                                u"F#"_s, u"G"_s, u"Ab"_s, u"A"_s, u"Bb"_s, u"B"_s};

QString barSpan(int first, int last) // 1-based, inclusive
{
    return first == last ? u"bar %1"_s.arg(first) : u"bars %1–%2"_s.arg(first).arg(last);
}

} // namespace

SuggestionPanel::SuggestionPanel(SuggestionController *suggestions, SuggestionAudition *audition, QWidget *parent)
    : QWidget(parent)
    , m_suggestions(suggestions)
    , m_audition(audition)
{
    // The form's wrapped lines (model, bars) and its controls need their height for the dock's
    // width, which a dock's minimum size does not ask for: in a short dock they would be
    // squeezed. A scroll area gives the form that height and scrolls instead, while the
    // candidate tray stays below it, always in sight (a laptop screen has room for both).
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(createForm(suggestions->modelLoader()));
    contentLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // updateMinimumWidth() keeps it wide enough
    m_scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll, 3);
    layout->addWidget(createTray(), 2);

    ScoreDocument *document = suggestions->document();
    ModelLoader *loader = suggestions->modelLoader();
    connect(loader, &ModelLoader::stateChanged, this, [this, loader] { m_model->setText(loader->description()); });
    connect(suggestions, &SuggestionController::message, this, &SuggestionPanel::showMessage);
    connect(suggestions, &SuggestionController::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        updateButtons();
    });
    connect(suggestions, &SuggestionController::progressChanged, m_progress, &QProgressBar::setValue);
    connect(suggestions, &SuggestionController::selectionChanged, this, [this](int row) {
        syncTraySelection(row);
        updateButtons();
    });
    connect(audition, &SuggestionAudition::activeChanged, this, &SuggestionPanel::updateButtons);
    connect(document, &ScoreDocument::scoreChanged, this, [this, document] {
        m_tracks->setScore(document->score());
        updateRange();
    });
    connect(document, &ScoreDocument::documentReset, this, [this] { setBarRange(0, 0); });
    m_tracks->setScore(document->score());
    m_model->setText(loader->description());
    m_progress->setVisible(false);
    restoreForm(); // before the form saves itself on every change
    modeChanged();

    // Every change of the form is remembered for the next start.
    const auto save = [this] { saveForm(); };
    connect(m_mode, &QComboBox::currentIndexChanged, this, save);
    connect(m_length, &QSpinBox::valueChanged, this, save);
    connect(m_candidates, &QSpinBox::valueChanged, this, save);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, save);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, save);
    connect(m_scale, &QComboBox::currentIndexChanged, this, save);
    connect(m_tonic, &QComboBox::currentIndexChanged, this, save);
    connect(m_scaleMode, &QComboBox::currentIndexChanged, this, save);
    connect(m_instruments, &InstrumentPicker::changed, this, save);
    connect(m_controls, &NoteControlsForm::changed, this, save);
    connect(m_keepRhythm, &QCheckBox::toggled, this, save);
    connect(m_avoidCopies, &QCheckBox::toggled, this, save);
}

void SuggestionPanel::restoreForm()
{
    QSettings settings;
    settings.beginGroup(u"suggestions"_s);
    const auto restoreIndex = [&settings](QComboBox *box, const QString &key, bool byData) {
        if (!settings.contains(key))
            return;
        const int value = settings.value(key).toInt();
        const int index = byData ? box->findData(value) : value;
        if (index >= 0 && index < box->count())
            box->setCurrentIndex(index);
    };
    restoreIndex(m_mode, u"mode"_s, true);
    restoreIndex(m_scale, u"key"_s, true);
    restoreIndex(m_tonic, u"tonic"_s, false);
    restoreIndex(m_scaleMode, u"scaleMode"_s, false);
    // Spin boxes clamp what an older or edited file holds to their ranges.
    m_length->setValue(settings.value(u"length"_s, m_length->value()).toInt());
    m_candidates->setValue(settings.value(u"candidates"_s, m_candidates->value()).toInt());
    m_temperature->setValue(settings.value(u"temperature"_s, m_temperature->value()).toDouble());
    m_topP->setValue(settings.value(u"topP"_s, m_topP->value()).toDouble());
    if (settings.contains(u"programs"_s)) {
        std::vector<int> programs;
        for (const QString &program : settings.value(u"programs"_s).toStringList())
            programs.push_back(program.toInt());
        m_instruments->setCheckedPrograms(programs);
    }
    m_instruments->setUseCurrentTracks(settings.value(u"useCurrentTracks"_s, m_instruments->usesCurrentTracks()).toBool());
    m_controls->fromSettings(settings.value(u"controls"_s).toMap());
    m_tracks->setDefaultControls(m_controls->controls());
    m_keepRhythm->setChecked(settings.value(u"keepRhythm"_s, false).toBool());
    m_avoidCopies->setChecked(settings.value(u"avoidCopies"_s, true).toBool());
}

void SuggestionPanel::saveForm() const
{
    QSettings settings;
    settings.beginGroup(u"suggestions"_s);
    settings.setValue(u"mode"_s, m_mode->currentData().toInt());
    settings.setValue(u"length"_s, m_length->value());
    settings.setValue(u"candidates"_s, m_candidates->value());
    settings.setValue(u"temperature"_s, m_temperature->value());
    settings.setValue(u"topP"_s, m_topP->value());
    settings.setValue(u"key"_s, m_scale->currentData().toInt());
    settings.setValue(u"tonic"_s, m_tonic->currentIndex());
    settings.setValue(u"scaleMode"_s, m_scaleMode->currentIndex());
    settings.setValue(u"useCurrentTracks"_s, m_instruments->usesCurrentTracks());
    settings.setValue(u"controls"_s, m_controls->toSettings());
    settings.setValue(u"keepRhythm"_s, m_keepRhythm->isChecked());
    settings.setValue(u"avoidCopies"_s, m_avoidCopies->isChecked());
    QStringList programs;
    for (int program : m_instruments->checkedPrograms())
        programs.append(QString::number(program));
    settings.setValue(u"programs"_s, programs);
}

QWidget *SuggestionPanel::createForm(ModelLoader *loader)
{
    auto *box = new QGroupBox(u"Ask the model"_s, this);
    m_form = new QGridLayout(box);
    m_form->setColumnStretch(1, 1);

    addFormRow(u"Model:"_s, new ModelChooser(loader, box));
    m_model = new QLabel(box);
    m_model->setWordWrap(true);
    m_model->setStyleSheet(u"color: palette(mid);"_s);
    addFormRow(m_model);

    m_mode = new QComboBox(box);
    m_mode->setObjectName(u"suggestionMode"_s);
    m_mode->addItem(u"New piece"_s, static_cast<int>(SuggestionMode::New));
    m_mode->addItem(u"New piece for instruments"_s, static_cast<int>(SuggestionMode::Instruments));
    m_mode->addItem(u"Continue the selected bars"_s, static_cast<int>(SuggestionMode::Continue));
    m_mode->addItem(u"Regenerate the selected bars"_s, static_cast<int>(SuggestionMode::Infill));
    m_mode->setCurrentIndex(2);
    addFormRow(u"Mode"_s, m_mode);

    m_range = new QLabel(box);
    m_range->setObjectName(u"suggestionRange"_s);
    m_range->setWordWrap(true);
    addFormRow(u"Bars"_s, m_range, Qt::AlignTop);

    m_length = new QSpinBox(box);
    m_length->setObjectName(u"suggestionLength"_s);
    m_length->setRange(1, 32);
    m_length->setValue(8);
    m_length->setSuffix(u" bars"_s);
    addFormRow(u"Length"_s, m_length);

    m_instruments = new InstrumentPicker(box);
    addFormRow(u"Instruments"_s, m_instruments, Qt::AlignTop);
    m_tracks = new TrackChecklist(box);
    m_tracks->setObjectName(u"suggestionTracks"_s);
    addFormRow(u"Tracks"_s, m_tracks, Qt::AlignTop);

    m_scale = new QComboBox(box);
    m_scale->setObjectName(u"suggestionKey"_s);
    m_scale->addItem(u"Any (no pitch is ruled out)"_s, static_cast<int>(ScaleChoice::Any));
    m_scale->addItem(u"As in the context"_s, static_cast<int>(ScaleChoice::FromContext));
    m_scale->addItem(u"This scale:"_s, static_cast<int>(ScaleChoice::Fixed));
    m_tonic = new QComboBox(box);
    m_tonic->setObjectName(u"suggestionTonic"_s);
    m_tonic->addItems(tonicNames);
    m_scaleMode = new QComboBox(box);
    m_scaleMode->setObjectName(u"suggestionScaleMode"_s);
    m_scaleMode->addItems(scaleModeNames());
    m_fixedScale = new QWidget(box);
    auto *fixedScale = new QHBoxLayout(m_fixedScale);
    fixedScale->setContentsMargins(0, 0, 0, 0);
    fixedScale->addWidget(m_tonic);
    fixedScale->addWidget(m_scaleMode, 1);
    addFormRow(u"Key"_s, m_scale);
    addFormRow(QString(), m_fixedScale);

    auto *controls = new QGroupBox(u"Controls"_s, box);
    controls->setObjectName(u"suggestionControls"_s);
    controls->setToolTip(u"Enforced while the model writes; a track can have its own (right-click it under Tracks)"_s);
    auto *controlsLayout = new QVBoxLayout(controls);
    m_controls = new NoteControlsForm(controls);
    controlsLayout->addWidget(m_controls);
    m_keepRhythm = new QCheckBox(u"Keep the rhythm, rewrite only the pitches"_s, controls);
    m_keepRhythm->setObjectName(u"suggestionKeepRhythm"_s);
    controlsLayout->addWidget(m_keepRhythm);
    m_avoidCopies = new QCheckBox(u"Never copy %1 notes of a training piece"_s.arg(defaultCopyThresholdNotes), controls);
    m_avoidCopies->setObjectName(u"suggestionAvoidCopies"_s);
    m_avoidCopies->setChecked(true);
    m_avoidCopies->setToolTip(u"While it writes, the model is kept off any pitch that would continue a training "
                              "piece far enough to be flagged; a candidate still flagged once written is drawn "
                              "again"_s);
    controlsLayout->addWidget(m_avoidCopies);
    addFormRow(controls);

    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setRange(0.1, 2.0);
    m_temperature->setSingleStep(0.05);
    m_temperature->setValue(1.0);
    m_temperature->setToolTip(u"Lower is safer and more repetitive, higher is wilder"_s);
    m_topP = new QDoubleSpinBox(box);
    m_topP->setRange(0.05, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(0.95);
    m_topP->setToolTip(u"Sample only from the most likely choices that together reach this probability"_s);
    auto *sampling = new QHBoxLayout;
    sampling->addWidget(m_temperature);
    sampling->addWidget(new QLabel(u"top-p"_s, box));
    sampling->addWidget(m_topP);
    addFormRow(u"Temperature"_s, sampling);

    m_fixedSeed = new QCheckBox(u"Fixed"_s, box);
    m_fixedSeed->setObjectName(u"suggestionFixedSeed"_s);
    m_fixedSeed->setToolTip(u"Unticked, each Generate draws a new seed; the same seed and settings give the "
                            "same music"_s);
    m_seed = new QSpinBox(box);
    m_seed->setObjectName(u"suggestionSeed"_s);
    m_seed->setRange(0, maxSeed);
    m_seed->setEnabled(false);
    m_candidates = new QSpinBox(box);
    m_candidates->setObjectName(u"suggestionCandidates"_s);
    m_candidates->setRange(1, 16);
    m_candidates->setValue(4);
    auto *seed = new QHBoxLayout;
    seed->addWidget(m_seed, 1);
    seed->addWidget(m_fixedSeed);
    addFormRow(u"Seed"_s, seed);
    addFormRow(u"Candidates"_s, m_candidates);

    m_generate = new QPushButton(u"Generate"_s, box);
    m_generate->setObjectName(u"suggestionGenerate"_s);
    m_generate->setDefault(true);
    m_cancel = new QPushButton(u"Cancel"_s, box);
    m_cancel->setObjectName(u"suggestionCancel"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_generate, 1);
    buttons->addWidget(m_cancel);
    addFormRow(buttons);
    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 100);
    addFormRow(m_progress);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &SuggestionPanel::modeChanged);
    connect(m_length, &QSpinBox::valueChanged, this, &SuggestionPanel::updateRange);
    connect(m_instruments, &InstrumentPicker::changed, this, &SuggestionPanel::updateButtons);
    connect(m_tracks, &TrackChecklist::changed, this, &SuggestionPanel::updateButtons);
    connect(m_controls, &NoteControlsForm::changed, this, [this] {
        m_tracks->setDefaultControls(m_controls->controls());
        updateButtons();
    });
    connect(m_keepRhythm, &QCheckBox::toggled, this, &SuggestionPanel::updateButtons);
    connect(m_scale, &QComboBox::currentIndexChanged, this, [this] {
        setFormRowVisible(m_fixedScale, m_scale->currentData().toInt() == static_cast<int>(ScaleChoice::Fixed));
        updateMinimumWidth();
    });
    connect(m_fixedSeed, &QCheckBox::toggled, m_seed, &QWidget::setEnabled);
    connect(m_generate, &QPushButton::clicked, this, &SuggestionPanel::generate);
    connect(m_cancel, &QPushButton::clicked, this, &SuggestionPanel::cancel);
    setFormRowVisible(m_fixedScale, false);
    return box;
}

void SuggestionPanel::addFormRow(const QString &label, QWidget *field, Qt::Alignment labelAlignment)
{
    const int row = m_form->rowCount();
    auto *name = new QLabel(label, field->parentWidget());
    name->setBuddy(field);
    m_form->addWidget(name, row, 0, Qt::AlignLeft | labelAlignment);
    m_form->addWidget(field, row, 1);
    m_formLabels[field] = name;
}

void SuggestionPanel::addFormRow(const QString &label, QLayout *field)
{
    const int row = m_form->rowCount();
    m_form->addWidget(new QLabel(label, m_form->parentWidget()), row, 0, Qt::AlignLeft | Qt::AlignVCenter);
    m_form->addLayout(field, row, 1);
}

void SuggestionPanel::addFormRow(QWidget *across)
{
    m_form->addWidget(across, m_form->rowCount(), 0, 1, 2);
}

void SuggestionPanel::addFormRow(QLayout *across)
{
    m_form->addLayout(across, m_form->rowCount(), 0, 1, 2);
}

void SuggestionPanel::setFormRowVisible(QWidget *field, bool visible)
{
    field->setVisible(visible);
    if (const auto label = m_formLabels.find(field); label != m_formLabels.end())
        label->second->setVisible(visible);
}

QWidget *SuggestionPanel::createTray()
{
    auto *box = new QGroupBox(u"Candidates"_s, this);
    auto *layout = new QVBoxLayout(box);
    m_status = new QLabel(box);
    m_status->setObjectName(u"suggestionStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_tray = new QTableView(box);
    m_tray->setObjectName(u"suggestionTray"_s);
    m_tray->setModel(m_suggestions->candidates());
    m_tray->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tray->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tray->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tray->verticalHeader()->hide();
    m_tray->setWordWrap(false);
    // The copy flag takes the width that is left and elides; its tooltip has it all.
    m_tray->horizontalHeader()->setSectionResizeMode(CandidateListModel::Originality, QHeaderView::Stretch);
    fitTrayColumns();
    m_tray->setMinimumHeight(110);
    // Grows into what the dock has left, but asks for no more than its minimum: the scroll
    // area around the panel scrolls only when the form and this minimum do not fit.
    m_tray->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    layout->addWidget(m_tray, 1);

    m_play = new QPushButton(u"Play"_s, box);
    m_play->setToolTip(u"Hear the score with this candidate, looping its bars; pick another while it plays to "
                       "compare"_s);
    m_accept = new QPushButton(u"Accept"_s, box);
    m_accept->setObjectName(u"suggestionAccept"_s);
    m_accept->setToolTip(u"Write this candidate into the score (one undo step)"_s);
    m_discard = new QPushButton(u"Discard"_s, box);
    m_discardAll = new QPushButton(u"Discard All"_s, box);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_play);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_discardAll);
    layout->addLayout(buttons);

    connect(m_tray->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_suggestions->select(trayRow()); });
    connect(m_tray, &QTableView::doubleClicked, this, [this] { m_audition->play(); });
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_audition->isActive())
            m_audition->stop();
        else
            m_audition->play();
    });
    connect(m_accept, &QPushButton::clicked, this, [this] {
        const QString error = m_suggestions->accept(m_suggestions->selectedRow());
        if (!error.isEmpty())
            showMessage(error);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] { m_suggestions->discard(m_suggestions->selectedRow()); });
    connect(m_discardAll, &QPushButton::clicked, m_suggestions, &SuggestionController::discardAll);
    connect(m_suggestions->candidates(), &QAbstractItemModel::modelReset, this, &SuggestionPanel::updateButtons);
    connect(m_suggestions->candidates(), &QAbstractItemModel::rowsInserted, this, [this] {
        fitTrayColumns(); // seeds and note counts grow as rows arrive
        updateButtons();
    });
    connect(m_suggestions->candidates(), &QAbstractItemModel::rowsRemoved, this, &SuggestionPanel::updateButtons);
    return box;
}

void SuggestionPanel::setBarRange(Tick begin, Tick end)
{
    m_rangeBegin = begin;
    m_rangeEnd = std::max(begin, end);
    updateRange();
}

void SuggestionPanel::setActiveTrack(int track)
{
    m_tracks->setActiveTrack(track);
}

SuggestionMode SuggestionPanel::mode() const
{
    return static_cast<SuggestionMode>(m_mode->currentData().toInt());
}

SuggestionRequest SuggestionPanel::request() const
{
    const Score &score = m_suggestions->document()->score();
    SuggestionRequest request;
    request.mode = mode();
    if (m_rangeEnd > m_rangeBegin) {
        const TimeMap map(score);
        request.firstBar = map.barAt(m_rangeBegin) - 1;
        request.endBar = map.barAt(m_rangeEnd - 1);
    }
    request.lengthBars = m_length->value();
    if (request.mode == SuggestionMode::Instruments)
        request.programs = m_instruments->programs(score);
    if (request.mode == SuggestionMode::Infill)
        request.tracks = m_tracks->checkedTracks();
    request.scaleChoice = static_cast<ScaleChoice>(m_scale->currentData().toInt());
    request.scale.tonic = m_tonic->currentIndex();
    request.scale.mode = static_cast<ScaleMode>(m_scaleMode->currentIndex());
    request.sampling.setTemperature(static_cast<float>(m_temperature->value()));
    request.sampling.topP.fill(static_cast<float>(m_topP->value()));
    request.sampling.seed = static_cast<std::uint64_t>(m_seed->value());
    request.candidates = m_candidates->value();
    request.controls = m_controls->controls();
    if (request.mode == SuggestionMode::Continue || request.mode == SuggestionMode::Infill)
        request.trackControls = m_tracks->trackControls();
    request.keepRhythm = request.mode == SuggestionMode::Infill && m_keepRhythm->isChecked();
    request.avoidCopies = m_avoidCopies->isChecked();
    return request;
}

QString SuggestionPanel::requestProblem() const
{
    const SuggestionMode chosen = mode();
    const bool needsRange = chosen == SuggestionMode::Continue || chosen == SuggestionMode::Infill;
    if (needsRange && m_rangeEnd <= m_rangeBegin)
        return chosen == SuggestionMode::Continue
            ? u"Choose the bars to continue: drag across the bar numbers in the ruler above the notes."_s
            : u"Choose the bars to regenerate: drag across the bar numbers in the ruler above the notes."_s;
    if (chosen == SuggestionMode::Instruments && m_instruments->programs(m_suggestions->document()->score()).empty())
        return m_instruments->usesCurrentTracks() ? u"The score has no track the model can write for; tick "
                                                    "instruments instead."_s
                                                  : u"Tick at least one instrument."_s;
    if (chosen == SuggestionMode::Infill && m_tracks->checkedTracks().empty())
        return u"Tick at least one track to regenerate."_s;
    if (const QString problem = m_controls->problem(); !problem.isEmpty())
        return problem;
    // The controls against the score: a range outside an instrument's, a density that cannot fit.
    const QString problem = checkRequest(m_suggestions->document()->score(), request());
    return problem.isEmpty() ? QString() : problem.at(0).toUpper() + problem.sliced(1) + u"."_s;
}

void SuggestionPanel::generate()
{
    if (!requestProblem().isEmpty() || m_suggestions->isBusy())
        return;
    if (!m_fixedSeed->isChecked())
        m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(maxSeed + 1)));
    m_suggestions->generate(request());
}

void SuggestionPanel::cancel()
{
    m_suggestions->cancel();
}

void SuggestionPanel::showMessage(const QString &text)
{
    m_status->setText(text);
}

void SuggestionPanel::modeChanged()
{
    const SuggestionMode chosen = mode();
    setFormRowVisible(m_length, chosen != SuggestionMode::Infill);
    setFormRowVisible(m_instruments, chosen == SuggestionMode::Instruments);
    setFormRowVisible(m_tracks, chosen == SuggestionMode::Continue || chosen == SuggestionMode::Infill);
    m_tracks->setTicking(chosen == SuggestionMode::Infill);
    m_keepRhythm->setVisible(chosen == SuggestionMode::Infill);
    updateRange();
    updateMinimumWidth();
}

void SuggestionPanel::updateMinimumWidth()
{
    m_scroll->setMinimumWidth(m_scroll->widget()->minimumSizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width());
}

void SuggestionPanel::updateRange()
{
    const SuggestionMode chosen = mode();
    const bool hasRange = m_rangeEnd > m_rangeBegin;
    const TimeMap map(m_suggestions->document()->score());
    const int first = hasRange ? map.barAt(m_rangeBegin) : 1;
    const int last = hasRange ? map.barAt(m_rangeEnd - 1) : 1;
    const int length = m_length->value();
    QString text;
    switch (chosen) {
    case SuggestionMode::New:
    case SuggestionMode::Instruments:
        text = u"Writes %1."_s.arg(barSpan(first, first + length - 1));
        if (!hasRange)
            text += u" To start elsewhere, drag across the bar numbers in the ruler."_s;
        break;
    case SuggestionMode::Continue:
        text = hasRange ? u"Continues %1: writes %2."_s.arg(barSpan(first, last), barSpan(last + 1, last + length))
                        : requestProblem();
        break;
    case SuggestionMode::Infill:
        text = hasRange ? u"Rewrites %1 of the ticked tracks, keeping what comes after."_s.arg(barSpan(first, last))
                        : requestProblem();
        break;
    }
    m_range->setText(text);
    updateButtons();
}

void SuggestionPanel::fitTrayColumns()
{
    for (int column = 0; column < CandidateListModel::Originality; ++column)
        m_tray->resizeColumnToContents(column);
}

void SuggestionPanel::updateButtons()
{
    const bool busy = m_suggestions->isBusy();
    const QString problem = requestProblem();
    m_generate->setEnabled(!busy && problem.isEmpty());
    m_generate->setToolTip(problem);
    m_cancel->setEnabled(busy);
    const bool selected = m_suggestions->selectedRow() >= 0;
    m_play->setEnabled(selected || m_audition->isActive());
    m_play->setText(m_audition->isActive() ? u"Stop"_s : u"Play"_s);
    m_accept->setEnabled(selected);
    m_discard->setEnabled(selected);
    m_discardAll->setEnabled(m_suggestions->candidates()->count() > 0);
}

int SuggestionPanel::trayRow() const
{
    const QModelIndexList rows = m_tray->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void SuggestionPanel::syncTraySelection(int row)
{
    if (trayRow() == row)
        return;
    const QSignalBlocker blocker(m_tray->selectionModel());
    m_tray->selectionModel()->clearSelection();
    if (row >= 0)
        m_tray->selectionModel()->select(m_suggestions->candidates()->index(row, 0),
                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tray->viewport()->update();
}

} // namespace tutti
// end of suggestionpanel.cpp
