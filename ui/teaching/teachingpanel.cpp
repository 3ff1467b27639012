// SPDX-License-Identifier: GPL-3.0-or-later
// teachingpanel.cpp — the controls, the step display and the piano-roll companions.
#include "teachingpanel.h"

#include "edit/scoredocument.h"
#include "entropystrip.h"
#include "fielddistributionview.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "representation/instruments.h"
#include "score/pitchname.h"
#include "score/timemap.h"
#include "teachingoverlay.h"
#include "teachingrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

// "1/2" of a quarter note, "3/2", "1": twelfths as a reduced fraction of a beat.
QString beatsText(int twelfths)
{
    const int divisor = std::gcd(twelfths, positionsPerBeat);
    const int numerator = twelfths / std::max(divisor, 1);
    const int denominator = positionsPerBeat / std::max(divisor, 1);
    return denominator == 1 ? QString::number(numerator) : u"%1/%2"_s.arg(numerator).arg(denominator);
}

QString durationText(int twelfths)
{
    switch (twelfths) {
    case 3: return u"16th"_s;
    case 6: return u"eighth"_s;
    case 9: return u"dotted eighth"_s;
    case 12: return u"quarter"_s;
    case 18: return u"dotted quarter"_s;
    case 24: return u"half"_s;
    case 36: return u"dotted half"_s;
    case 48: return u"whole"_s;
    default: return beatsText(twelfths) + u" beat"_s;
    }
}

QString typeText(int code)
{
    switch (static_cast<EventType>(code)) {
    case EventType::StartOfSong: return u"start of song"_s;
    case EventType::Instrument: return u"instrument"_s;
    case EventType::StartOfNotes: return u"start of notes"_s;
    case EventType::Note: return u"note"_s;
    case EventType::EndOfSong: return u"end of song"_s;
    case EventType::InfillContextAfter: return u"context after"_s;
    case EventType::InfillMiddle: return u"middle"_s;
    }
    return QString::number(code);
}

QToolButton *toolButton(QStyle::StandardPixmap icon, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(tip);
    return button;
}

} // namespace

TeachingPanel::TeachingPanel(ScoreDocument *document, PianoRollEditor *pianoRoll, ModelLoader *loader, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pianoRoll(pianoRoll)
    , m_runner(new TeachingRunner(loader, this))
    , m_overlay(new TeachingOverlay(pianoRoll->canvas(), pianoRoll->viewport()))
    , m_strip(new EntropyStrip(pianoRoll->viewport()))
    , m_distribution(new FieldDistributionView(this))
    , m_notes(new QSpinBox(this))
    , m_generate(new QPushButton(u"Generate"_s, this))
    , m_cancel(new QPushButton(u"Stop"_s, this))
    , m_progress(new QProgressBar(this))
    , m_first(toolButton(QStyle::SP_MediaSkipBackward, u"First note"_s, this))
    , m_previous(toolButton(QStyle::SP_MediaSeekBackward, u"Previous note"_s, this))
    , m_play(toolButton(QStyle::SP_MediaPlay, u"Step through automatically"_s, this))
    , m_next(toolButton(QStyle::SP_MediaSeekForward, u"Next note"_s, this))
    , m_last(toolButton(QStyle::SP_MediaSkipForward, u"Last note"_s, this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_status(new QLabel(this))
    , m_choice(new QLabel(this))
    , m_playTimer(new QTimer(this))
{
    m_notes->setRange(1, 256);
    m_notes->setValue(32);
    m_notes->setToolTip(u"How many notes the model writes"_s);
    m_generate->setToolTip(u"The model writes what Generate in the Suggestions dock asks for (its mode, bars, "
                           "instruments, scale, temperature, top-p and seed; one candidate), note by note, and "
                           "records what it considered at each step"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_play->setCheckable(true);
    m_status->setWordWrap(true);
    m_choice->setWordWrap(true);
    QFont bold = m_choice->font();
    bold.setBold(true);
    m_choice->setFont(bold);
    m_distribution->setLabeler([this](Field field, int code) { return codeLabel(static_cast<int>(field), code); });

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(u"Notes"_s, this));
    controls->addWidget(m_notes);
    controls->addWidget(m_generate);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);
    controls->addStretch(1);
    auto *steps = new QHBoxLayout;
    for (QToolButton *button : {m_first, m_previous, m_play, m_next, m_last})
        steps->addWidget(button);
    steps->addWidget(m_slider, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addLayout(steps);
    layout->addWidget(m_choice);
    // The six boxes keep the size they need to be read whole; a short dock scrolls them.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"teachingDistributionScroll"_s);
    scroll->setWidget(m_distribution);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // as wide as the boxes need, always
    scroll->setMinimumWidth(m_distribution->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    layout->addWidget(scroll, 1);

    m_pianoRoll->addLane(m_strip);
    m_strip->hide();
    m_overlay->hide();
    m_playTimer->setInterval(700);
    updateButtons();

    connect(m_generate, &QPushButton::clicked, this, &TeachingPanel::generate);
    connect(m_cancel, &QPushButton::clicked, m_runner, &TeachingRunner::cancel);
    connect(m_runner, &TeachingRunner::progress, this, [this](int written, int wanted) {
        m_progress->setRange(0, wanted);
        m_progress->setValue(written);
    });
    connect(m_runner, &TeachingRunner::finished, this, &TeachingPanel::showRun);
    connect(m_runner, &TeachingRunner::failed, this, [this](const QString &error) {
        m_status->setText(error);
        updateButtons();
    });
    connect(m_first, &QToolButton::clicked, this, [this] { showNote(0); });
    connect(m_previous, &QToolButton::clicked, this, [this] { showNote(m_current - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { showNote(m_current + 1); });
    connect(m_last, &QToolButton::clicked, this, [this] { showNote(m_run ? static_cast<int>(m_run->notes.size()) - 1 : -1); });
    connect(m_slider, &QSlider::valueChanged, this, &TeachingPanel::showNote);
    connect(m_strip, &EntropyStrip::noteClicked, this, &TeachingPanel::showNote);
    connect(m_play, &QToolButton::toggled, this, [this](bool on) {
        if (on && m_run && m_current >= static_cast<int>(m_run->notes.size()) - 1)
            showNote(0);
        if (on)
            m_playTimer->start();
        else
            m_playTimer->stop();
    });
    connect(m_playTimer, &QTimer::timeout, this, [this] {
        if (!m_run || m_current >= static_cast<int>(m_run->notes.size()) - 1)
            m_play->setChecked(false);
        else
            showNote(m_current + 1);
    });
    connect(document, &ScoreDocument::documentReset, this, [this] {
        m_rangeBegin = m_rangeEnd = 0;
        showRun(nullptr);
    });
}

void TeachingPanel::setRequestSource(RequestSource source)
{
    m_requestSource = std::move(source);
}

void TeachingPanel::setRange(Tick begin, Tick end)
{
    m_rangeBegin = begin;
    m_rangeEnd = end;
}

void TeachingPanel::setActive(bool active)
{
    m_active = active;
    const bool shown = active && m_run && !m_run->notes.empty();
    m_strip->setVisible(shown);
    m_overlay->setVisible(shown);
    if (!active)
        m_play->setChecked(false);
}

void TeachingPanel::generate()
{
    if (m_runner->isRunning())
        return;
    m_play->setChecked(false);
    const Score &score = m_document->score();
    m_runner->start(m_requestSource ? teachingRequest(score, m_requestSource(), m_notes->value())
                                    : teachingRequest(score, m_rangeBegin, m_rangeEnd, m_notes->value(),
                                                      GenerationParams().seed));
    m_progress->setRange(0, m_notes->value());
    m_progress->setValue(0);
    m_status->setText(u"The model is writing..."_s);
    updateButtons();
}

void TeachingPanel::showRun(std::shared_ptr<const TeachingRun> run)
{
    m_run = std::move(run);
    m_current = -1;
    m_overlay->setRun(m_run);
    std::vector<EntropyStrip::Mark> marks;
    if (m_run) {
        for (const TeachingNote &note : m_run->notes)
            marks.push_back({note.note.start, m_run->steps[static_cast<std::size_t>(note.step)].entropy()});
    }
    m_strip->setNotes(std::move(marks));
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, m_run ? std::max(0, static_cast<int>(m_run->notes.size()) - 1) : 0);
        m_slider->setValue(0);
    }
    setActive(m_active);
    updateButtons();
    if (!m_run) {
        m_status->clear();
        m_choice->clear();
        m_distribution->setStep(nullptr);
        return;
    }
    const TimeMap map(m_document->score());
    QString text = m_run->promptNotes > 0
                       ? u"Prompt: %1 notes from bar %2. "_s.arg(m_run->promptNotes).arg(map.barAt(m_run->firstTick))
                       : u"No prompt: a new piece. "_s;
    text += u"The model wrote %1 notes%2."_s.arg(m_run->notes.size())
                .arg(m_run->ended ? u" and reached the end of the bars asked for"_s : QString());
    if (!m_run->error.isEmpty())
        text = m_run->notes.empty() ? QString(u"Nothing to step through: "_s + m_run->error)
                                    : QString(text + u" "_s + m_run->error);
    m_status->setText(text);
    if (!m_run->notes.empty())
        showNote(0);
    Q_EMIT runShown();
}

void TeachingPanel::showNote(int index)
{
    if (!m_run || index < 0 || index >= static_cast<int>(m_run->notes.size()))
        return;
    m_current = index;
    const TeachingNote &note = m_run->notes[static_cast<std::size_t>(index)];
    m_overlay->setCurrent(index);
    m_strip->setCurrent(index);
    m_distribution->setStep(&m_run->steps[static_cast<std::size_t>(note.step)]);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    m_choice->setText(choiceText());
    updateButtons();

    // Keep the note in view, with some of what led to it.
    PianoRollViewport *viewport = m_pianoRoll->viewport();
    const double width = m_pianoRoll->canvas()->width();
    const double x = viewport->xForTick(note.note.start);
    if (x < 0 || x > width * 0.9)
        viewport->setFirstTick(std::max<Tick>(0, note.note.start - static_cast<Tick>(width * 0.6 / viewport->pixelsPerTick())));
    const double y = viewport->yForPitch(note.note.pitch);
    if (y < 0 || y > m_pianoRoll->canvas()->height() - viewport->keyHeight())
        viewport->setTopPitch(note.note.pitch + static_cast<int>(m_pianoRoll->canvas()->height() / viewport->keyHeight() / 2));
}

QString TeachingPanel::choiceText() const
{
    if (!m_run || m_current < 0)
        return {};
    const TeachingNote &note = m_run->notes[static_cast<std::size_t>(m_current)];
    const GenerationStep &step = m_run->steps[static_cast<std::size_t>(note.step)];
    const Score &score = m_document->score();
    const QString track = note.track >= 0 && note.track < static_cast<int>(score.tracks.size())
                              ? score.tracks[static_cast<std::size_t>(note.track)].name
                              : QString();
    const BarBeatTick at = TimeMap(score).barBeatTick(note.note.start);
    return u"Note %1 of %2: %3, %4, bar %5 beat %6, %7 — %8 bits of uncertainty in all"_s.arg(m_current + 1)
        .arg(m_run->notes.size())
        .arg(pitchName(note.note.pitch), track.isEmpty() ? instrumentName(step.event.instrument) : track)
        .arg(at.bar)
        .arg(at.beat)
        .arg(durationText(durationTwelfths(step.event.duration)))
        .arg(step.entropy(), 0, 'f', 2);
}

QString TeachingPanel::codeLabel(int field, int code) const
{
    switch (static_cast<Field>(field)) {
    case Field::Type: return typeText(code);
    case Field::Beat: {
        if (!m_run || code < 1)
            return QString::number(code);
        const Score &score = m_document->score();
        const Tick windowStart = m_current >= 0 ? m_run->notes[static_cast<std::size_t>(m_current)].windowStart : m_run->firstTick;
        const BarBeatTick at = TimeMap(score).barBeatTick(windowStart + static_cast<Tick>(code - 1) * score.ticksPerQuarter);
        return u"bar %1 beat %2"_s.arg(at.bar).arg(at.beat);
    }
    case Field::Position: return code >= 1 ? u"+"_s + beatsText(code - 1) : QString::number(code);
    case Field::Pitch: return code >= 1 ? pitchName(code - 1) : QString::number(code);
    case Field::Duration: return durationTwelfths(code) > 0 ? durationText(durationTwelfths(code)) : QString::number(code);
    case Field::Instrument: return code >= 1 ? instrumentName(code) : QString::number(code);
    }
    return QString::number(code);
}

void TeachingPanel::updateButtons()
{
    const bool running = m_runner->isRunning();
    const int count = m_run ? static_cast<int>(m_run->notes.size()) : 0;
    m_generate->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_first->setEnabled(count > 0 && m_current > 0);
    m_previous->setEnabled(count > 0 && m_current > 0);
    m_next->setEnabled(count > 0 && m_current < count - 1);
    m_last->setEnabled(count > 0 && m_current < count - 1);
    m_play->setEnabled(count > 1);
    m_slider->setEnabled(count > 1);
}

} // namespace tutti
// end of teachingpanel.cpp
