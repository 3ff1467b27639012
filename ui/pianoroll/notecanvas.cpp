// SPDX-License-Identifier: GPL-3.0-or-later
// notecanvas.cpp — painting the visible part of the score; mouse and keys edit it.
#include "notecanvas.h"

#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "notetool.h"
#include "pianorollviewport.h"
#include "score/pitchname.h"
#include "score/timemap.h"

#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <functional>

namespace tutti {

namespace {

constexpr double minimumLabelRow = 11;    // pixels of row height before notes carry names
constexpr double minimumLabelWidth = 26;  // pixels of note width
constexpr std::size_t maximumLabels = 3000; // more would slow painting without being read

} // namespace

NoteCanvas::NoteCanvas(NoteEditor *editor, PianoRollViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_document(editor->document())
    , m_viewport(viewport)
    , m_tool(new NoteTool(editor, viewport, &m_index, this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 120);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // the cursor shows what a press would do
    connect(m_tool, &NoteTool::overlayChanged, this, qOverload<>(&QWidget::update));
    connect(m_tool, &NoteTool::previewNoteOn, this, &NoteCanvas::previewNoteOn);
    connect(m_tool, &NoteTool::previewNoteOff, this, &NoteCanvas::previewNoteOff);
    connect(m_tool, &NoteTool::dragPreviewChanged, this, &NoteCanvas::dragPreviewChanged);
    connect(editor->selection(), &NoteSelection::changed, this, qOverload<>(&QWidget::update));
    connect(m_document, &ScoreDocument::scoreChanged, this, [this] {
        m_index.rebuild(m_document->score());
        update();
    });
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
    m_index.rebuild(m_document->score());
}

void NoteCanvas::setActiveTrack(int track)
{
    m_editor->setActiveTrack(track);
    update();
}

int NoteCanvas::activeTrack() const
{
    return m_editor->activeTrack();
}

void NoteCanvas::setPlayhead(Tick tick)
{
    if (tick == m_playhead)
        return;
    const double oldX = m_viewport->xForTick(m_playhead);
    m_playhead = tick;
    const double newX = m_viewport->xForTick(m_playhead);
    update(QRect(static_cast<int>(oldX) - 2, 0, 5, height()));
    update(QRect(static_cast<int>(newX) - 2, 0, 5, height()));
}

void NoteCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintGrid(painter);
    const Score &score = m_document->score();
    int painted = 0;
    const int active = activeTrack();
    for (std::size_t i = 0; i < score.tracks.size(); ++i)
        if (static_cast<int>(i) != active)
            painted += paintTrack(painter, i, false);
    if (active >= 0 && static_cast<std::size_t>(active) < score.tracks.size())
        painted += paintTrack(painter, static_cast<std::size_t>(active), true);
    m_lastPaintedNotes = painted;
    m_tool->paintOverlay(painter);

    const double x = m_viewport->xForTick(m_playhead);
    if (x >= 0 && x <= width()) {
        painter.setPen(QPen(QColor(255, 80, 60), 2));
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
}

void NoteCanvas::paintGrid(QPainter &painter)
{
    const double keyHeight = m_viewport->keyHeight();
    painter.fillRect(rect(), QColor(0x2b, 0x2d, 0x31));
    for (int pitch = m_viewport->topPitch(); pitch >= 0; --pitch) {
        const double y = m_viewport->yForPitch(pitch);
        if (y > height())
            break;
        if (pitch == m_hoverPitch)
            painter.fillRect(QRectF(0, y, width(), keyHeight), QColor(0x36, 0x3a, 0x42));
        else if (isBlackKey(pitch))
            painter.fillRect(QRectF(0, y, width(), keyHeight), QColor(0x25, 0x27, 0x2a));
        if (pitch % 12 == 0) {
            painter.setPen(QColor(0x44, 0x47, 0x4d));
            painter.drawLine(QPointF(0, y + keyHeight), QPointF(width(), y + keyHeight));
        }
    }

    // Beat and bar lines: beats only when 6 pixels apart, and every 2nd, 4th, ... bar line
    // when bars get narrower than 8 pixels.
    const TimeMap map(m_document->score());
    const Tick last = m_viewport->tickAtX(width());
    const double ppt = m_viewport->pixelsPerTick();
    int barStep = 1;
    while (map.ticksPerBar(m_viewport->firstTick()) * ppt * barStep < 8)
        barStep *= 2;
    for (int bar = map.barAt(m_viewport->firstTick());; ++bar) {
        const Tick start = map.barStart(bar);
        if (start > last)
            break;
        const Tick beat = map.ticksPerBeat(start);
        const Tick barEnd = start + map.ticksPerBar(start);
        // The snap grid, counted from the bar line as BarGrid snaps, where finer than the beats.
        const Tick step = m_editor->gridStep();
        if (step < beat && step * ppt >= 8) {
            painter.setPen(QColor(0x31, 0x33, 0x38));
            for (Tick t = start + step; t < barEnd; t += step)
                if ((t - start) % beat != 0)
                    painter.drawLine(QPointF(m_viewport->xForTick(t), 0), QPointF(m_viewport->xForTick(t), height()));
        }
        if (beat * ppt >= 6) {
            painter.setPen(QColor(0x3b, 0x3e, 0x44));
            for (Tick t = start + beat; t < barEnd; t += beat)
                painter.drawLine(QPointF(m_viewport->xForTick(t), 0), QPointF(m_viewport->xForTick(t), height()));
        }
        if ((bar - 1) % barStep == 0) {
            painter.setPen(QColor(0x58, 0x5c, 0x63));
            painter.drawLine(QPointF(m_viewport->xForTick(start), 0), QPointF(m_viewport->xForTick(start), height()));
        }
    }
}

int NoteCanvas::paintTrack(QPainter &painter, std::size_t trackIndex, bool active)
{
    const Track &track = m_document->score().tracks[trackIndex];
    const Tick first = m_viewport->tickAtX(0);
    const Tick last = m_viewport->tickAtX(width());
    const double keyHeight = m_viewport->keyHeight();
    const double ppt = m_viewport->pixelsPerTick();
    QColor fill = QColor::fromRgb(track.colour);
    if (!active)
        fill.setAlpha(90);
    const QColor edge = active ? fill.lighter(150) : Qt::transparent;
    const QColor selectedFill = fill.lighter(140);
    const NoteSelection *selection = m_editor->selection();
    const bool anySelected = active && !selection->isEmpty();
    // Notes being moved or resized are drawn by the tool at their new place; here they leave
    // only a faint shadow where they were.
    const bool selectionDragged = anySelected && m_tool->isDraggingSelection();
    painter.setPen(active ? QPen(edge, 1) : Qt::NoPen);
    painter.setBrush(fill);

    // Unselected notes are collected and drawn in one drawRects() call: with thousands in view
    // that is several times faster than a call per note. Selected ones are drawn after, on top.
    std::vector<QRectF> &plain = m_rectBuffer;
    std::vector<QRectF> selected;
    plain.clear();
    const bool named = active && keyHeight >= minimumLabelRow;
    m_labelBuffer.clear();
    const auto begin = m_index.firstReaching(track.notes, static_cast<int>(trackIndex), first);
    for (auto it = begin; it != track.notes.end() && it->start <= last; ++it) {
        if (it->start + it->length < first)
            continue;
        const double y = m_viewport->yForPitch(it->pitch);
        if (y + keyHeight < 0 || y > height())
            continue;
        const double width = std::max(2.0, it->length * ppt - 1);
        const QRectF rect(m_viewport->xForTick(it->start), y + 0.5, width, keyHeight - 1);
        if (anySelected && selection->contains(*it))
            selected.push_back(rect);
        else
            plain.push_back(rect);
        // A note reaching in from the left keeps its name at the edge.
        const double left = std::max(0.0, rect.left());
        const QRectF shown(left, rect.top(), rect.right() - left, rect.height());
        if (named && shown.width() >= minimumLabelWidth && m_labelBuffer.size() < maximumLabels)
            m_labelBuffer.emplace_back(shown, it->pitch);
    }
    painter.drawRects(plain.data(), static_cast<int>(plain.size()));
    if (!selected.empty() && selectionDragged) {
        QColor shadow = fill;
        shadow.setAlpha(55);
        painter.setPen(QPen(QColor(255, 255, 255, 70), 1, Qt::DashLine));
        painter.setBrush(shadow);
        painter.drawRects(selected.data(), static_cast<int>(selected.size()));
    } else if (!selected.empty()) {
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(selectedFill);
        painter.drawRects(selected.data(), static_cast<int>(selected.size()));
    }
    if (!m_labelBuffer.empty()) {
        QFont font = painter.font();
        font.setPixelSize(static_cast<int>(std::min(11.0, keyHeight - 2)));
        painter.setFont(font);
        painter.setPen(fill.lightness() > 150 ? QColor(0x1a, 0x1a, 0x1a) : QColor(0xf2, 0xf2, 0xf2));
        for (const auto &[rect, pitch] : m_labelBuffer)
            painter.drawText(rect.adjusted(3, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, pitchName(pitch));
    }
    return static_cast<int>(plain.size() + selected.size());
}

void NoteCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ControlModifier) {
        m_viewport->zoomTime(steps > 0 ? 1.25 : 0.8, event->position().x());
    } else if (event->modifiers() & Qt::ShiftModifier) {
        m_viewport->setKeyHeight(m_viewport->keyHeight() * (steps > 0 ? 1.15 : 0.87));
    } else if (event->angleDelta().x() != 0) {
        m_viewport->setFirstTick(m_viewport->firstTick() - static_cast<Tick>(event->angleDelta().x() / m_viewport->pixelsPerTick() / 4));
    } else {
        m_viewport->setTopPitch(m_viewport->topPitch() + static_cast<int>(steps * 3));
    }
    event->accept();
}

void NoteCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    m_tool->press(event->position(), event->modifiers());
}

void NoteCanvas::mouseMoveEvent(QMouseEvent *event)
{
    setHoverPitch(m_viewport->pitchAtY(event->position().y()));
    m_tool->move(event->position(), event->modifiers());
    setCursor(m_tool->cursorAt(event->position()));
}

void NoteCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_tool->release(event->position(), event->modifiers());
}

void NoteCanvas::leaveEvent(QEvent *event)
{
    setHoverPitch(-1);
    QWidget::leaveEvent(event);
}

void NoteCanvas::setHoverPitch(int pitch)
{
    if (pitch == m_hoverPitch)
        return;
    // Only the two rows change.
    const double keyHeight = m_viewport->keyHeight();
    for (int row : {m_hoverPitch, pitch})
        if (row >= 0)
            update(QRectF(0, m_viewport->yForPitch(row) - 1, width(), keyHeight + 2).toAlignedRect());
    m_hoverPitch = pitch;
    Q_EMIT hoverPitchChanged(pitch);
}

bool NoteCanvas::event(QEvent *event)
{
    // Edit keys go to the canvas while it has focus, even where a window action shares them.
    if (event->type() == QEvent::ShortcutOverride && editByKey(static_cast<QKeyEvent *>(event), false)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void NoteCanvas::keyPressEvent(QKeyEvent *event)
{
    if (!editByKey(event, true))
        QWidget::keyPressEvent(event);
}

bool NoteCanvas::editByKey(const QKeyEvent *event, bool apply)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool shift = modifiers == Qt::ShiftModifier;
    const bool plain = modifiers == Qt::NoModifier;
    const int octave = shift ? 12 : 1;
    std::function<void()> edit;
    if (event->matches(QKeySequence::SelectAll))
        edit = [this] { m_editor->selectAll(); };
    else if (event->matches(QKeySequence::Copy))
        edit = [this] { m_editor->copySelection(); };
    else if (event->matches(QKeySequence::Cut))
        edit = [this] { m_editor->cutSelection(); };
    else if (event->matches(QKeySequence::Paste))
        edit = [this] { m_editor->paste(); };
    else if (event->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_D))
        edit = [this] { m_editor->duplicateSelection(); };
    else if (plain && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace))
        edit = [this] { m_editor->deleteSelection(); };
    else if (plain && event->key() == Qt::Key_Q)
        edit = [this] { m_editor->quantizeSelection(); };
    else if ((plain || shift) && event->key() == Qt::Key_Up)
        edit = [this, octave] { m_editor->moveSelection(0, octave); };
    else if ((plain || shift) && event->key() == Qt::Key_Down)
        edit = [this, octave] { m_editor->moveSelection(0, -octave); };
    else if (plain && event->key() == Qt::Key_Left)
        edit = [this] { m_editor->stepSelection(-1); };
    else if (plain && event->key() == Qt::Key_Right)
        edit = [this] { m_editor->stepSelection(1); };
    if (!edit)
        return false;
    if (apply)
        edit();
    return true;
}

} // namespace tutti
// end of notecanvas.cpp
