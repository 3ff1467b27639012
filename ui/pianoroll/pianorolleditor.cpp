// SPDX-License-Identifier: GPL-3.0-or-later
// pianorolleditor.cpp — layout, scroll bars and playhead following.
#include "pianorolleditor.h"

#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "keyboardwidget.h"
#include "notecanvas.h"
#include "pianorollviewport.h"
#include "score/timemap.h"
#include "systemnoteclipboard.h"
#include "timeruler.h"
#include "velocitylane.h"

#include <QGridLayout>
#include <QScrollBar>

#include <algorithm>

namespace tutti {

PianoRollEditor::PianoRollEditor(ScoreDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(new NoteEditor(document, this))
    , m_viewport(new PianoRollViewport(this))
    , m_keyboard(new KeyboardWidget(m_viewport, this))
    , m_ruler(new TimeRuler(document, m_viewport, this))
    , m_canvas(new NoteCanvas(m_editor, m_viewport, this))
    , m_velocityLane(new VelocityLane(m_editor, m_viewport, this))
    , m_horizontal(new QScrollBar(Qt::Horizontal, this))
    , m_vertical(new QScrollBar(Qt::Vertical, this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_ruler, 0, 1);
    layout->addWidget(m_keyboard, 1, 0);
    layout->addWidget(m_canvas, 1, 1);
    layout->addWidget(m_vertical, 1, 2);
    layout->addWidget(m_velocityLane, 2, 1);
    layout->addWidget(m_horizontal, 3, 1);

    new SystemNoteClipboard(m_editor, this);

    connect(m_ruler, &TimeRuler::seekRequested, this, &PianoRollEditor::seekRequested);
    connect(m_ruler, &TimeRuler::barRangeSelected, this, &PianoRollEditor::barRangeSelected);
    connect(m_ruler, &TimeRuler::mapEditRequested, this, &PianoRollEditor::mapEditRequested);
    connect(m_keyboard, &KeyboardWidget::keyPressed, this, &PianoRollEditor::keyPressed);
    connect(m_keyboard, &KeyboardWidget::keyReleased, this, &PianoRollEditor::keyReleased);
    connect(m_canvas, &NoteCanvas::previewNoteOn, this, &PianoRollEditor::keyPressed);
    connect(m_canvas, &NoteCanvas::previewNoteOff, this, &PianoRollEditor::keyReleased);
    connect(m_canvas, &NoteCanvas::hoverPitchChanged, m_keyboard, &KeyboardWidget::setHoverPitch);
    connect(m_canvas, &NoteCanvas::dragPreviewChanged, m_velocityLane, &VelocityLane::setDragPreview);
    connect(m_horizontal, &QScrollBar::valueChanged, this, [this](int value) { m_viewport->setFirstTick(value); });
    connect(m_vertical, &QScrollBar::valueChanged, this, [this](int value) { m_viewport->setTopPitch(127 - value); });
    connect(m_viewport, &PianoRollViewport::changed, this, &PianoRollEditor::updateScrollBars);
    connect(document, &ScoreDocument::scoreChanged, this, &PianoRollEditor::updateScrollBars);
    connect(document, &ScoreDocument::documentReset, this, &PianoRollEditor::showOpening);
    updateScrollBars();
}

void PianoRollEditor::setActiveTrack(int track)
{
    m_canvas->setActiveTrack(track);
}

void PianoRollEditor::setPlayhead(Tick tick, bool follow)
{
    m_canvas->setPlayhead(tick);
    m_ruler->setPlayhead(tick);
    m_editor->setPlayhead(tick);
    if (!follow)
        return;
    // Page along when the playhead leaves the view, keeping a little of the past in sight.
    const double x = m_viewport->xForTick(tick);
    if (x < 0 || x > m_canvas->width() - 20)
        m_viewport->setFirstTick(tick - static_cast<Tick>(m_canvas->width() * 0.1 / m_viewport->pixelsPerTick()));
}

void PianoRollEditor::setLoopRange(bool enabled, Tick begin, Tick end)
{
    m_ruler->setLoopRange(enabled, begin, end);
}

void PianoRollEditor::fitToScore()
{
    const Score &score = m_document->score();
    const Tick end = std::max<Tick>(score.endTick(), 4 * 4 * score.ticksPerQuarter);
    int low = 127, high = 0;
    for (const Track &track : score.tracks)
        for (const Note &note : track.notes) {
            low = std::min(low, note.pitch);
            high = std::max(high, note.pitch);
        }
    if (low > high) { // no notes: two octaves around middle C
        low = 48;
        high = 84;
    }
    m_viewport->setPixelsPerTick(std::max(1, m_canvas->width() - 10) / static_cast<double>(end));
    m_viewport->setFirstTick(0);
    m_viewport->setKeyHeight(std::max(1, m_canvas->height()) / static_cast<double>(high - low + 5));
    m_viewport->setTopPitch(high + 2);
}

void PianoRollEditor::showOpening()
{
    // All of the piece's pitch range, and its first 16 bars: close enough to read notes.
    fitToScore();
    const TimeMap map(m_document->score());
    const Tick sixteenBars = std::min(map.barStart(17), std::max<Tick>(1, m_document->score().endTick()));
    m_viewport->setPixelsPerTick(std::max(1, m_canvas->width() - 10) / static_cast<double>(sixteenBars));
}

void PianoRollEditor::addLane(QWidget *lane)
{
    // Lanes go between the last lane and the horizontal scroll bar, which moves down a row.
    auto *grid = static_cast<QGridLayout *>(layout());
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    grid->getItemPosition(grid->indexOf(m_horizontal), &row, &column, &rowSpan, &columnSpan);
    grid->removeWidget(m_horizontal);
    grid->addWidget(lane, row, 1);
    grid->addWidget(m_horizontal, row + 1, 1);
}

void PianoRollEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateScrollBars();
}

void PianoRollEditor::updateScrollBars()
{
    const QSignalBlocker blockH(m_horizontal);
    const QSignalBlocker blockV(m_vertical);
    const Tick visible = static_cast<Tick>(m_canvas->width() / m_viewport->pixelsPerTick());
    const Tick end = m_document->score().endTick() + visible / 2;
    m_horizontal->setRange(0, static_cast<int>(std::max<Tick>(0, end - visible / 2)));
    m_horizontal->setPageStep(static_cast<int>(visible));
    m_horizontal->setSingleStep(std::max(1, static_cast<int>(visible / 20)));
    m_horizontal->setValue(static_cast<int>(m_viewport->firstTick()));
    const int visibleKeys = static_cast<int>(m_canvas->height() / m_viewport->keyHeight());
    m_vertical->setRange(0, std::max(0, 127 - visibleKeys));
    m_vertical->setPageStep(visibleKeys);
    m_vertical->setValue(127 - m_viewport->topPitch());
}

} // namespace tutti
// end of pianorolleditor.cpp
