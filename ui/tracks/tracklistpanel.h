// tracklistpanel.h — one row per track: colour, name, instrument, mute, solo, volume.
// Clicking a row makes its track the active one; changes go through the undo stack. Tracks are
// added with the button above the rows and duplicated, removed or moved from a row's menu.
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
    void addTrack();
    void duplicateTrack(int track);
    void removeTrack(int track);
    void moveTrack(int from, int to);

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
