// SPDX-License-Identifier: GPL-3.0-or-later
// tracklistpanel.cpp — keeps one TrackRow per track, updated in place so a slider being
// dragged is never rebuilt under the mouse.
#include "tracklistpanel.h"

#include "edit/scoredocument.h"
#include "edit/tracklistcommand.h"
#include "trackrow.h"

#include <QFrame>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

TrackListPanel::TrackListPanel(ScoreDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *content = new QWidget;
    m_rows = new QVBoxLayout(content);
    m_rows->setContentsMargins(2, 2, 2, 2);
    m_rows->setSpacing(2);
    m_rows->addStretch();
    m_dropMarker = new QFrame(content);
    m_dropMarker->setFixedHeight(3);
    m_dropMarker->setAutoFillBackground(true);
    m_dropMarker->setBackgroundRole(QPalette::Highlight);
    m_dropMarker->hide();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *add = new QPushButton(u"Add Track"_s, this);
    add->setObjectName(u"addTrack"_s);
    connect(add, &QPushButton::clicked, this, &TrackListPanel::addTrack);
    layout->addWidget(add);
    layout->addWidget(scroll);
    setMinimumWidth(220);

    connect(document, &ScoreDocument::scoreChanged, this, &TrackListPanel::refresh);
    connect(document, &ScoreDocument::documentReset, this, [this] { setActiveTrack(0); });
    refresh();
}

void TrackListPanel::setActiveTrack(int track)
{
    m_activeTrack = track;
    for (std::size_t i = 0; i < m_rowWidgets.size(); ++i)
        m_rowWidgets[i]->setActive(static_cast<int>(i) == track);
    Q_EMIT activeTrackChanged(track);
}

void TrackListPanel::addTrack()
{
    auto *command = TrackListCommand::add(m_document);
    m_document->undoStack()->push(command);
    setActiveTrack(command->resultTrack());
}

void TrackListPanel::duplicateTrack(int track)
{
    auto *command = TrackListCommand::duplicate(m_document, track);
    m_document->undoStack()->push(command);
    setActiveTrack(command->resultTrack());
}

void TrackListPanel::removeTrack(int track)
{
    if (m_document->score().tracks.size() <= 1)
        return; // the piano roll always edits some track
    m_document->undoStack()->push(TrackListCommand::remove(m_document, track));
    setActiveTrack(std::min(track, static_cast<int>(m_document->score().tracks.size()) - 1));
}

void TrackListPanel::moveTrack(int from, int to)
{
    const int count = static_cast<int>(m_document->score().tracks.size());
    if (to < 0 || to >= count)
        return;
    m_document->undoStack()->push(TrackListCommand::move(m_document, from, to));
    setActiveTrack(to);
}

int TrackListPanel::dropSlot(QPoint globalPos) const
{
    if (!rect().contains(mapFromGlobal(globalPos)))
        return -1;
    int slot = 0;
    for (const TrackRow *row : m_rowWidgets) {
        const QRect box(row->mapToGlobal(QPoint(0, 0)), row->size());
        if (globalPos.y() > box.center().y())
            ++slot;
    }
    return slot;
}

int TrackListPanel::dropIndex(int from, QPoint globalPos) const
{
    const int slot = dropSlot(globalPos);
    if (slot < 0)
        return -1;
    return slot > from ? slot - 1 : slot; // the row leaves its own place first
}

void TrackListPanel::showDropMarker(int from, QPoint globalPos)
{
    const int slot = dropSlot(globalPos);
    const int to = dropIndex(from, globalPos);
    if (slot < 0 || to == from || m_rowWidgets.empty()) {
        m_dropMarker->hide();
        return;
    }
    // In the gap above row `slot`, or below the last row.
    const TrackRow *row = m_rowWidgets[static_cast<std::size_t>(std::min<int>(slot, int(m_rowWidgets.size()) - 1))];
    const bool aboveRow = slot < static_cast<int>(m_rowWidgets.size());
    const int y = aboveRow ? row->geometry().top() - 2 : row->geometry().bottom() + 1;
    m_dropMarker->setGeometry(row->geometry().left(), y, row->width(), m_dropMarker->height());
    m_dropMarker->show();
    m_dropMarker->raise();
}

void TrackListPanel::dropRow(int from, QPoint globalPos)
{
    m_dropMarker->hide();
    const int to = dropIndex(from, globalPos);
    if (to < 0 || to == from)
        return;
    // Queued: the dragged row is still handling its mouse release.
    QTimer::singleShot(0, this, [this, from, to] { moveTrack(from, to); });
}

void TrackListPanel::refresh()
{
    const auto &tracks = m_document->score().tracks;
    if (m_activeTrack >= static_cast<int>(tracks.size()) && !tracks.empty())
        setActiveTrack(static_cast<int>(tracks.size()) - 1); // undoing an add removed it
    while (m_rowWidgets.size() > tracks.size()) {
        delete m_rowWidgets.back();
        m_rowWidgets.pop_back();
    }
    while (m_rowWidgets.size() < tracks.size()) {
        auto *row = new TrackRow(m_document, static_cast<int>(m_rowWidgets.size()));
        connect(row, &TrackRow::clicked, this, &TrackListPanel::setActiveTrack);
        // Queued: the change may delete the row whose menu asked for it.
        connect(row, &TrackRow::duplicateRequested, this, &TrackListPanel::duplicateTrack, Qt::QueuedConnection);
        connect(row, &TrackRow::removeRequested, this, &TrackListPanel::removeTrack, Qt::QueuedConnection);
        connect(row, &TrackRow::moveRequested, this, &TrackListPanel::moveTrack, Qt::QueuedConnection);
        connect(row, &TrackRow::dragMoved, this, &TrackListPanel::showDropMarker);
        connect(row, &TrackRow::dragReleased, this, &TrackListPanel::dropRow);
        m_rows->insertWidget(m_rows->count() - 1, row);
        m_rowWidgets.push_back(row);
    }
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        m_rowWidgets[i]->showTrack(tracks[i]);
        m_rowWidgets[i]->setActive(static_cast<int>(i) == m_activeTrack);
    }
}

} // namespace tutti
// end of tracklistpanel.cpp
