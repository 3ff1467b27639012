// SPDX-License-Identifier: GPL-3.0-or-later
// velocitylane.cpp — velocity stems and their drag editing.
#include "velocitylane.h"

#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "pianorollviewport.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace tutti {

namespace {

constexpr double stemReach = 5; // pixels either side of a stem that still pick it
constexpr int margin = 4;       // pixels kept free above velocity 127 and below 0

} // namespace

VelocityLane::VelocityLane(NoteEditor *editor, PianoRollViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_viewport(viewport)
{
    setFixedHeight(90);
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
    connect(editor->document(), &ScoreDocument::scoreChanged, this, qOverload<>(&QWidget::update));
    connect(editor->selection(), &NoteSelection::changed, this, qOverload<>(&QWidget::update));
}

int VelocityLane::velocityAtY(double y) const
{
    const double span = std::max(1, height() - 2 * margin);
    return std::clamp(static_cast<int>(std::lround((height() - margin - y) / span * 127)), 1, 127);
}

double VelocityLane::yForVelocity(int velocity) const
{
    return height() - margin - velocity / 127.0 * (height() - 2 * margin);
}

std::optional<Note> VelocityLane::stemAt(double x) const
{
    // The nearest stem within reach; a selected note wins a tie.
    const NoteSelection *selection = m_editor->selection();
    std::optional<Note> best;
    double bestDistance = stemReach;
    for (const Note &note : m_editor->activeNotes()) {
        const double distance = std::abs(m_viewport->xForTick(note.start) - x);
        if (m_viewport->xForTick(note.start) > x + stemReach)
            break;
        if (distance < bestDistance || (distance == bestDistance && best && selection->contains(note))) {
            best = note;
            bestDistance = distance;
        }
    }
    return best;
}

void VelocityLane::setDragPreview(const std::vector<Note> &originals, const std::vector<Note> &result)
{
    if (originals == m_previewOriginals && result == m_previewResult)
        return;
    m_previewOriginals = originals;
    std::sort(m_previewOriginals.begin(), m_previewOriginals.end());
    m_previewResult = result;
    update();
}

void VelocityLane::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x23, 0x25, 0x28));
    painter.setPen(QColor(0x36, 0x39, 0x3e));
    for (int velocity : {32, 64, 96, 127})
        painter.drawLine(QPointF(0, yForVelocity(velocity)), QPointF(width(), yForVelocity(velocity)));

    const std::vector<Track> &tracks = m_editor->document()->score().tracks;
    const std::size_t track = static_cast<std::size_t>(m_editor->activeTrack());
    if (m_editor->activeTrack() < 0 || track >= tracks.size())
        return;
    const QColor colour = QColor::fromRgb(tracks[track].colour);
    const NoteSelection *selection = m_editor->selection();
    const Tick first = m_viewport->tickAtX(-stemReach);
    const Tick last = m_viewport->tickAtX(width() + stemReach);
    const std::vector<Note> &notes = tracks[track].notes;
    const auto begin = std::lower_bound(notes.begin(), notes.end(), first,
                                        [](const Note &note, Tick t) { return note.start < t; });
    QColor shadow = colour;
    shadow.setAlpha(55);
    for (auto it = begin; it != notes.end() && it->start <= last; ++it) {
        const bool dragged = std::binary_search(m_targets.begin(), m_targets.end(), *it);
        if (dragged)
            continue;
        if (std::binary_search(m_previewOriginals.begin(), m_previewOriginals.end(), *it))
            paintStem(painter, *it, it->velocity, shadow); // moved away in the canvas
        else
            paintStem(painter, *it, it->velocity, selection->contains(*it) ? colour.lighter(150) : colour);
    }
    for (const Note &note : m_previewResult)
        if (note.start >= first && note.start <= last)
            paintStem(painter, note, note.velocity, colour.lighter(150));
    for (const Note &note : m_targets)
        paintStem(painter, note, m_dragVelocity, Qt::white);
}

void VelocityLane::paintStem(QPainter &painter, const Note &note, int velocity, const QColor &colour)
{
    const double x = m_viewport->xForTick(note.start);
    const double top = yForVelocity(velocity);
    painter.setPen(QPen(colour, 2));
    painter.drawLine(QPointF(x + 1, height() - margin), QPointF(x + 1, top));
    painter.setBrush(colour);
    painter.drawEllipse(QPointF(x + 1, top), 3, 3);
}

void VelocityLane::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const std::optional<Note> note = stemAt(event->position().x());
    if (!note)
        return;
    const NoteSelection *selection = m_editor->selection();
    m_targets = selection->contains(*note) ? selection->notes() : std::vector<Note>{*note};
    m_dragVelocity = velocityAtY(event->position().y());
    update();
}

void VelocityLane::mouseMoveEvent(QMouseEvent *event)
{
    if (m_targets.empty())
        return;
    m_dragVelocity = velocityAtY(event->position().y());
    update();
}

void VelocityLane::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_targets.empty())
        return;
    const std::vector<Note> targets = std::move(m_targets);
    m_targets.clear();
    m_editor->setVelocity(targets, velocityAtY(event->position().y()));
    update();
}

} // namespace tutti
// end of velocitylane.cpp
