// SPDX-License-Identifier: GPL-3.0-or-later
// tracklistpanel.h — one row per track: colour, name, instrument, mute, solo, volume.
// Clicking a row makes its track the active one; changes go through the undo stack. Tracks are
// added with the button above the rows, duplicated, removed or moved from a row's menu, and
// reordered by dragging a row: a line shows where it will land.
#pragma once

#include <QPoint>
#include <QWidget>

#include <vector>

class QFrame;
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
    int dropSlot(QPoint globalPos) const; // 0..rows: the gap the position is nearest to
    // Where a row dragged to globalPos would land (its final index), or -1 outside the list.
    int dropIndex(int from, QPoint globalPos) const;
    void showDropMarker(int from, QPoint globalPos);
    void dropRow(int from, QPoint globalPos);

    ScoreDocument *m_document;
    QVBoxLayout *m_rows;
    QFrame *m_dropMarker;
    std::vector<TrackRow *> m_rowWidgets;
    int m_activeTrack = 0;
};

} // namespace tutti
// end of tracklistpanel.h
