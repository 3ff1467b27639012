// tracklistpanel.cpp — keeps one TrackRow per track, updated in place so a slider being
// dragged is never rebuilt under the mouse.
#include "tracklistpanel.h"

#include "edit/scoredocument.h"
#include "trackrow.h"

#include <QScrollArea>
#include <QVBoxLayout>

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

void TrackListPanel::refresh()
{
    const auto &tracks = m_document->score().tracks;
    while (m_rowWidgets.size() > tracks.size()) {
        delete m_rowWidgets.back();
        m_rowWidgets.pop_back();
    }
    while (m_rowWidgets.size() < tracks.size()) {
        auto *row = new TrackRow(m_document, static_cast<int>(m_rowWidgets.size()));
        connect(row, &TrackRow::clicked, this, &TrackListPanel::setActiveTrack);
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
