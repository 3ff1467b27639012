// SPDX-License-Identifier: GPL-3.0-or-later
// notetool.cpp — the mouse state machine of the note canvas.
#include "notetool.h"

#include "edit/noteeditor.h"
#include "edit/noteedits.h"
#include "edit/scoredocument.h"
#include "notetimeindex.h"
#include "pianorollviewport.h"
#include "score/pitchname.h"
#include "score/timemap.h"

#include <QColor>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr double dragThreshold = 3;   // pixels before a press becomes a drag
constexpr double edgeWidth = 6;       // pixels at each end of a note that resize it

} // namespace

NoteTool::NoteTool(NoteEditor *editor, PianoRollViewport *viewport, const NoteTimeIndex *index, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_viewport(viewport)
    , m_index(index)
{
}

QRectF NoteTool::noteRect(const Note &note) const
{
    // The same rectangle NoteCanvas paints.
    const double width = std::max(2.0, note.length * m_viewport->pixelsPerTick() - 1);
    return QRectF(m_viewport->xForTick(note.start), m_viewport->yForPitch(note.pitch), width, m_viewport->keyHeight());
}

std::optional<NoteTool::Hit> NoteTool::hitAt(QPointF pos) const
{
    // The last match is the one painted on top.
    std::optional<Hit> hit;
    const std::vector<Note> &notes = m_editor->activeNotes();
    // A note is drawn at least 2 px wide, so one ending just before the mouse can still be hit.
    const Tick from = m_viewport->tickAtX(pos.x() - 2);
    for (auto it = m_index->firstReaching(notes, m_editor->activeTrack(), from); it != notes.end(); ++it) {
        const Note &note = *it;
        const QRectF rect = noteRect(note);
        if (rect.left() > pos.x())
            break;
        if (pos.x() > rect.right() || pos.y() < rect.top() || pos.y() >= rect.bottom())
            continue;
        const double edge = std::min(edgeWidth, rect.width() / 4);
        Drag drag = Drag::Move;
        if (pos.x() - rect.left() < edge)
            drag = Drag::ResizeStart;
        else if (rect.right() - pos.x() < edge)
            drag = Drag::ResizeEnd;
        hit = Hit{note, drag};
    }
    return hit;
}

Qt::CursorShape NoteTool::cursorAt(QPointF pos) const
{
    const std::optional<Hit> hit = hitAt(pos);
    if (!hit)
        return Qt::CrossCursor; // a press here draws
    return hit->drag == Drag::Move ? Qt::SizeAllCursor : Qt::SizeHorCursor;
}

void NoteTool::press(QPointF pos, Qt::KeyboardModifiers modifiers)
{
    NoteSelection *selection = m_editor->selection();
    m_pressPos = pos;
    m_pressPitch = m_viewport->pitchAtY(pos.y());
    m_dragged = false;
    m_drag = Drag::None;
    m_grid.emplace(m_editor->grid()); // the score cannot change under a drag
    if (const std::optional<Hit> hit = hitAt(pos)) {
        if (modifiers.testFlag(Qt::ShiftModifier)) {
            selection->toggle(hit->note);
            return;
        }
        m_pressedSelected = selection->contains(hit->note);
        if (!m_pressedSelected)
            selection->select({hit->note});
        m_drag = hit->drag;
        m_anchor = hit->note;
        m_originals = selection->notes();
        m_result = m_originals;
        m_drawVelocity = hit->note.velocity;
        sound(hit->note.pitch);
        return;
    }
    if (modifiers.testAnyFlags(Qt::ShiftModifier | Qt::ControlModifier)) {
        m_drag = Drag::RubberBand;
        m_additive = modifiers.testFlag(Qt::ShiftModifier);
        if (!m_additive)
            selection->clear();
        m_band = QRectF(pos, pos);
        return;
    }
    selection->clear();
    const Tick at = std::max<Tick>(0, m_viewport->tickAtX(pos.x()));
    const bool snap = !modifiers.testFlag(Qt::AltModifier);
    const Tick start = snap ? m_grid->floor(at) : at;
    m_drag = Drag::Draw;
    m_anchor = Note{start, snap ? m_grid->after(start) - start : m_grid->step(), m_pressPitch, m_drawVelocity};
    m_result = {m_anchor};
    sound(m_anchor.pitch);
    Q_EMIT overlayChanged();
    emitDragPreview();
}

void NoteTool::move(QPointF pos, Qt::KeyboardModifiers modifiers)
{
    if (m_drag == Drag::None)
        return;
    if (!m_dragged && (pos - m_pressPos).manhattanLength() < dragThreshold)
        return;
    m_dragged = true;
    updateResult(pos, modifiers);
    Q_EMIT overlayChanged();
    emitDragPreview();
}

void NoteTool::release(QPointF pos, Qt::KeyboardModifiers modifiers)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (m_sounding >= 0)
        Q_EMIT previewNoteOff(m_sounding);
    m_sounding = -1;
    if (drag == Drag::None)
        return;
    move(pos, modifiers);
    switch (drag) {
    case Drag::Draw:
        m_editor->addNote(m_result.front());
        break;
    case Drag::RubberBand:
        if (m_additive)
            m_editor->selection()->add(notesIn(m_band));
        else
            m_editor->selection()->select(notesIn(m_band));
        break;
    default:
        if (m_dragged)
            m_editor->replaceNotes(m_originals, m_result, drag == Drag::Move ? u"Move Notes"_s : u"Resize Notes"_s);
        else if (m_pressedSelected)
            m_editor->selection()->select({m_anchor}); // a click inside a selection picks one note
        break;
    }
    m_result.clear();
    m_originals.clear();
    Q_EMIT overlayChanged();
    emitDragPreview();
}

void NoteTool::updateResult(QPointF pos, Qt::KeyboardModifiers modifiers)
{
    const bool snap = !modifiers.testFlag(Qt::AltModifier);
    const BarGrid &grid = *m_grid;
    const Tick step = grid.step();
    const Tick rawDelta = std::llround((pos.x() - m_pressPos.x()) / m_viewport->pixelsPerTick());
    // With snapping on, the pressed note's moved edge lands on the grid; the others follow it.
    const auto snapped = [&](Tick edge) { return (snap ? grid.nearest(edge + rawDelta) : edge + rawDelta) - edge; };
    switch (m_drag) {
    case Drag::Draw: {
        // The note reaches over the grid cell under the mouse.
        const Tick end = std::max<Tick>(0, m_viewport->tickAtX(pos.x()));
        const Tick minimum = snap ? grid.after(m_anchor.start) - m_anchor.start : 1;
        m_result.front().length = std::max(minimum, (snap ? grid.ceil(end) : end) - m_anchor.start);
        break;
    }
    case Drag::Move: {
        const Tick ticks = clampTimeShift(m_originals, snapped(m_anchor.start));
        const int semitones = clampTransposition(m_originals, m_viewport->pitchAtY(pos.y()) - m_pressPitch);
        m_result = movedNotes(m_originals, ticks, semitones);
        sound(m_anchor.pitch + semitones);
        break;
    }
    case Drag::ResizeStart:
    case Drag::ResizeEnd: {
        const Tick edge = m_drag == Drag::ResizeStart ? m_anchor.start : m_anchor.start + m_anchor.length;
        m_result = resized(snapped(edge), snap ? step : 1);
        break;
    }
    case Drag::RubberBand:
        m_band = QRectF(m_pressPos, pos).normalized();
        break;
    case Drag::None:
        break;
    }
}

std::vector<Note> NoteTool::resized(Tick delta, Tick minimumLength) const
{
    if (delta == 0)
        return m_originals;
    std::vector<Note> result = m_originals;
    for (Note &note : result) {
        const Tick end = note.start + note.length;
        if (m_drag == Drag::ResizeEnd) {
            note.length = std::max(std::min(minimumLength, note.length), note.length + delta);
        } else {
            note.start = std::clamp<Tick>(note.start + delta, 0, std::max(note.start, end - minimumLength));
            note.length = end - note.start;
        }
    }
    return result;
}

std::vector<Note> NoteTool::notesIn(const QRectF &rect) const
{
    std::vector<Note> found;
    const std::vector<Note> &notes = m_editor->activeNotes();
    const Tick from = m_viewport->tickAtX(rect.left() - 2);
    for (auto it = m_index->firstReaching(notes, m_editor->activeTrack(), from); it != notes.end(); ++it) {
        const QRectF noteBox = noteRect(*it);
        if (noteBox.left() > rect.right())
            break;
        if (noteBox.intersects(rect))
            found.push_back(*it);
    }
    return found;
}

void NoteTool::sound(int pitch)
{
    if (pitch == m_sounding)
        return;
    if (m_sounding >= 0)
        Q_EMIT previewNoteOff(m_sounding);
    m_sounding = pitch;
    Q_EMIT previewNoteOn(pitch);
}

void NoteTool::emitDragPreview()
{
    static const std::vector<Note> none;
    const bool shown = m_drag == Drag::Draw || isDraggingSelection();
    if (!shown && !m_previewShown)
        return;
    m_previewShown = shown;
    if (!shown)
        Q_EMIT dragPreviewChanged(none, none);
    else
        Q_EMIT dragPreviewChanged(m_drag == Drag::Draw ? none : m_originals, m_result);
}

bool NoteTool::isDraggingSelection() const
{
    return m_dragged && (m_drag == Drag::Move || m_drag == Drag::ResizeStart || m_drag == Drag::ResizeEnd);
}

void NoteTool::paintOverlay(QPainter &painter) const
{
    if (m_drag == Drag::RubberBand && m_dragged) {
        painter.setPen(QPen(QColor(160, 200, 255), 1, Qt::DashLine));
        painter.setBrush(QColor(160, 200, 255, 40));
        painter.drawRect(m_band);
        return;
    }
    if (m_drag == Drag::None || m_drag == Drag::RubberBand || (m_drag != Drag::Draw && !m_dragged))
        return;
    const Score &score = m_editor->document()->score();
    const std::size_t track = static_cast<std::size_t>(m_editor->activeTrack());
    const QColor fill = track < score.tracks.size() ? QColor::fromRgb(score.tracks[track].colour) : QColor(Qt::gray);
    painter.setPen(QPen(Qt::white, 1.5));
    painter.setBrush(fill.lighter(140));
    for (const Note &note : m_result)
        painter.drawRect(noteRect(note).adjusted(0, 0.5, 0, -0.5));

    // The pressed note's pitch and where its moved edge now stands, next to it.
    const auto anchor = std::find(m_originals.begin(), m_originals.end(), m_anchor);
    const Note shown = m_drag == Drag::Draw || anchor == m_originals.end()
                           ? m_result.front()
                           : m_result[static_cast<std::size_t>(anchor - m_originals.begin())];
    const TimeMap map(score);
    const Tick edge = m_drag == Drag::ResizeEnd ? shown.start + shown.length : shown.start;
    const QString label = pitchName(shown.pitch) + u"  "_s + map.barBeatTick(edge).toString();
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    const QRectF box = painter.fontMetrics().boundingRect(label).adjusted(-4, -2, 4, 2);
    const QRectF rect = noteRect(shown);
    const double x = m_drag == Drag::ResizeEnd ? rect.right() + 4 : rect.left();
    const double y = rect.top() - box.height() - 2 >= 0 ? rect.top() - box.height() - 2 : rect.bottom() + 2;
    const QRectF placed(x, y, box.width(), box.height());
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(20, 22, 26, 220));
    painter.drawRoundedRect(placed, 3, 3);
    painter.setPen(Qt::white);
    painter.drawText(placed, Qt::AlignCenter, label);
}

} // namespace tutti
// end of notetool.cpp
