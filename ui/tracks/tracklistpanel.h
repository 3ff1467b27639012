// tracklistpanel.h — one row per track: colour, name, instrument, mute, solo, volume.
// Clicking a row makes its track the active one; changes go through the undo stack.
#pragma once

#include <QWidget>

#include <vector>

class QVBoxLayout;

namespace tutti {

class ScoreDocument;
class TrackRow;

class TrackListPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit TrackListPanel(ScoreDocument *document, QWidget *parent = nullptr);

    int activeTrack() const { return m_activeTrack; }
    void setActiveTrack(int track);

Q_SIGNALS:
    void activeTrackChanged(int track);

private:
    void refresh();

    ScoreDocument *m_document;
    QVBoxLayout *m_rows;
    std::vector<TrackRow *> m_rowWidgets;
    int m_activeTrack = 0;
};

} // namespace tutti
// end of tracklistpanel.h
