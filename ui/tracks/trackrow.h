// trackrow.h — one track's row in the track list. Its context menu (menu()) picks the General
// MIDI instrument by family and asks the panel to duplicate, remove or move the track.
#pragma once

#include "score/score.h"

#include <QFrame>

class QLabel;
class QMenu;
class QDial;
class QSlider;
class QToolButton;

namespace tutti {

class ScoreDocument;

class TrackRow final : public QFrame
{
    Q_OBJECT

public:
    TrackRow(ScoreDocument *document, int trackIndex, QWidget *parent = nullptr);

    void showTrack(const Track &track); // refreshes without emitting edits
    void setActive(bool active);
    QMenu *menu(QWidget *parent); // the context menu, owned by parent

Q_SIGNALS:
    void clicked(int trackIndex);
    void duplicateRequested(int trackIndex);
    void removeRequested(int trackIndex);
    void moveRequested(int from, int to);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void edit(const QString &what, const std::function<void(Track &)> &change);

    ScoreDocument *m_document;
    int m_trackIndex;
    QLabel *m_swatch;
    QLabel *m_name;
    QLabel *m_instrument;
    QToolButton *m_mute;
    QToolButton *m_solo;
    QSlider *m_volume;
    QDial *m_pan;
};

} // namespace tutti
// end of trackrow.h
