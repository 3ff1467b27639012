// trackrow.h — one track's row in the track list.
#pragma once

#include "score/score.h"

#include <QFrame>

class QLabel;
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

Q_SIGNALS:
    void clicked(int trackIndex);

protected:
    void mousePressEvent(QMouseEvent *event) override;

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
};

} // namespace tutti
// end of trackrow.h
