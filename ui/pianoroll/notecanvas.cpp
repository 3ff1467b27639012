// notecanvas.cpp — painting the visible part of the score.
#include "notecanvas.h"

#include "edit/scoredocument.h"
#include "pianorollviewport.h"
#include "score/timemap.h"

#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace tutti {

namespace {

bool isBlackKey(int pitch)
{
    const int pc = pitch % 12;
    return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
}

} // namespace

NoteCanvas::NoteCanvas(ScoreDocument *document, PianoRollViewport *viewport, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_viewport(viewport)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 120);
    connect(document, &ScoreDocument::scoreChanged, this, [this] {
        rebuildIndex();
        update();
    });
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
    rebuildIndex();
}

void NoteCanvas::setActiveTrack(int track)
{
    m_activeTrack = track;
    update();
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

void NoteCanvas::rebuildIndex()
{
    const Score &score = m_document->score();
    m_longestNote.assign(score.tracks.size(), 0);
    for (std::size_t i = 0; i < score.tracks.size(); ++i)
        for (const Note &note : score.tracks[i].notes)
            m_longestNote[i] = std::max(m_longestNote[i], note.length);
}

void NoteCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintGrid(painter);
    const Score &score = m_document->score();
    int painted = 0;
    for (std::size_t i = 0; i < score.tracks.size(); ++i)
        if (static_cast<int>(i) != m_activeTrack)
            painted += paintTrack(painter, i, false);
    if (m_activeTrack >= 0 && static_cast<std::size_t>(m_activeTrack) < score.tracks.size())
        painted += paintTrack(painter, static_cast<std::size_t>(m_activeTrack), true);
    m_lastPaintedNotes = painted;

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
        if (isBlackKey(pitch))
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
        if (beat * ppt >= 6) {
            painter.setPen(QColor(0x36, 0x39, 0x3e));
            for (Tick t = start + beat; t < start + map.ticksPerBar(start); t += beat)
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
    painter.setPen(active ? QPen(edge, 1) : Qt::NoPen);
    painter.setBrush(fill);

    const auto begin = std::lower_bound(track.notes.begin(), track.notes.end(), first - m_longestNote[trackIndex],
                                        [](const Note &note, Tick t) { return note.start < t; });
    int painted = 0;
    for (auto it = begin; it != track.notes.end() && it->start <= last; ++it) {
        if (it->start + it->length < first)
            continue;
        const double y = m_viewport->yForPitch(it->pitch);
        if (y + keyHeight < 0 || y > height())
            continue;
        const double width = std::max(2.0, it->length * ppt - 1);
        painter.drawRect(QRectF(m_viewport->xForTick(it->start), y + 0.5, width, keyHeight - 1));
        ++painted;
    }
    return painted;
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

} // namespace tutti
// end of notecanvas.cpp
