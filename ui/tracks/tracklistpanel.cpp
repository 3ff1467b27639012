// tracklistpanel.cpp — keeps one TrackRow per track, updated in place so a slider being
// dragged is never rebuilt under the mouse.
#include "tracklistpanel.h"

#include "edit/scoredocument.h"
#include "edit/tracklistcommand.h"
#include "trackrow.h"

#include <QPushButton>
#include <QScrollArea>
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
