// SPDX-License-Identifier: GPL-3.0-or-later
// ghostnotelayer.cpp — painting the shown candidate's notes over the canvas.
#include "ghostnotelayer.h"

#include "edit/scoredocument.h"
#include "pianoroll/pianorollviewport.h"
#include "suggestioncontroller.h"

#include <QPainter>

#include <algorithm>

namespace tutti {

GhostNoteLayer::GhostNoteLayer(SuggestionController *suggestions, QWidget *canvas, PianoRollViewport *viewport)
    : CanvasOverlay(canvas, viewport)
    , m_suggestions(suggestions)
{
    raise();
    connect(suggestions, &SuggestionController::selectionChanged, this, [this] {
        refresh();
        reveal();
    });
    // A track's colour may change, and a new track's part may now have a track of its own.
    connect(suggestions->document(), &ScoreDocument::scoreChanged, this, &GhostNoteLayer::refresh);
    refresh();
}

int GhostNoteLayer::ghostNoteCount() const
{
    int count = 0;
    for (const Part &part : m_parts)
        count += static_cast<int>(part.notes.size());
    return count;
}

void GhostNoteLayer::refresh()
{
    m_parts.clear();
    m_firstTick = m_endTick = 0;
    if (const Suggestion *suggestion = m_suggestions->selectedSuggestion()) {
        const Score &score = m_suggestions->document()->score();
        m_firstTick = suggestion->firstTick;
        m_endTick = suggestion->endTick;
        for (const SuggestedPart &part : suggestion->parts) {
            const bool existing = part.track >= 0 && part.track < static_cast<int>(score.tracks.size());
            const std::uint32_t rgb = existing ? score.tracks[static_cast<std::size_t>(part.track)].colour
                                               : part.newTrack.colour;
            m_parts.push_back({QColor::fromRgb(rgb), part.notes});
        }
    }
    setVisible(!m_parts.empty() || m_endTick > m_firstTick);
    update();
}

void GhostNoteLayer::reveal()
{
    if (m_endTick <= m_firstTick)
        return;
    const Tick visibleFirst = viewport()->tickAtX(0);
    const Tick visibleTicks = viewport()->tickAtX(width()) - visibleFirst;
    if (m_firstTick >= visibleFirst && m_endTick <= visibleFirst + visibleTicks)
        return;
    // Centred when it fits; otherwise its start at the left edge.
    const Tick margin = std::max<Tick>(0, (visibleTicks - (m_endTick - m_firstTick)) / 2);
    viewport()->setFirstTick(std::max<Tick>(0, m_firstTick - margin));
}

void GhostNoteLayer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const double keyHeight = viewport()->keyHeight();
    const double ppt = viewport()->pixelsPerTick();
    const Tick first = viewport()->tickAtX(0);
    const Tick last = viewport()->tickAtX(width());

    // The bars the candidate writes: the score there is dimmed, so the ghosts stand out from
    // the notes under them, and dashed edges show where it goes even when it is sparse.
    const double bandLeft = viewport()->xForTick(m_firstTick);
    const double bandRight = viewport()->xForTick(m_endTick);
    painter.fillRect(QRectF(bandLeft, 0, bandRight - bandLeft, height()), QColor(0, 0, 0, 110));
    painter.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt::DashLine));
    painter.drawLine(QPointF(bandLeft, 0), QPointF(bandLeft, height()));
    painter.drawLine(QPointF(bandRight, 0), QPointF(bandRight, height()));

    int painted = 0;
    for (const Part &part : m_parts) {
        QColor fill = part.colour;
        fill.setAlpha(150);
        const QPen outline(part.colour.lighter(140), 1.3, Qt::DashLine);
        painter.setPen(outline);
        painter.setBrush(fill);
        // Notes are sorted by onset: stop at the first one past the view.
        for (const Note &note : part.notes) {
            if (note.start > last)
                break;
            if (note.start + note.length < first)
                continue;
            const double y = viewport()->yForPitch(note.pitch);
            if (y + keyHeight < 0 || y > height())
                continue;
            const double width = std::max(3.0, note.length * ppt - 1);
            painter.drawRect(QRectF(viewport()->xForTick(note.start) + 0.5, y + 1, width - 1, keyHeight - 2));
            ++painted;
        }
    }
    m_lastPainted = painted;
}

} // namespace tutti
// end of ghostnotelayer.cpp
