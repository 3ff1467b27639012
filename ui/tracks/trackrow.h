// SPDX-License-Identifier: GPL-3.0-or-later
// trackrow.h — one track's row in the track list. Its context menu (menu()) renames the track,
// picks its colour and its General MIDI instrument by family, and asks the panel to
// duplicate, remove or move the track. Double-clicking the name edits it in place (Enter
// keeps, Escape cancels); clicking the colour swatch opens the colour menu. Dragging the row
// (by its name or any bare part) reports where it goes, so the panel can reorder the tracks.
#pragma once

#include "score/score.h"

#include <QFrame>
#include <QPoint>

class QDial;
class QLabel;
class QLineEdit;
class QMenu;
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
    QMenu *menu(QWidget *parent);       // the context menu, owned by parent
    QMenu *colourMenu(QWidget *parent); // palette and "Custom Colour...", owned by parent
    void startRename();                 // the name becomes an edit field
    QLineEdit *nameEditor() const { return m_nameEdit; }

Q_SIGNALS:
    void clicked(int trackIndex);
    void duplicateRequested(int trackIndex);
    void removeRequested(int trackIndex);
    void moveRequested(int from, int to);
    void dragMoved(int trackIndex, QPoint globalPos);   // the row is being dragged
    void dragReleased(int trackIndex, QPoint globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void edit(const QString &what, const std::function<void(Track &)> &change, bool mergeConsecutive = false);
    void finishRename(bool keep);
    void chooseCustomColour();

    ScoreDocument *m_document;
    int m_trackIndex;
    QLabel *m_swatch;
    QLabel *m_name;
    QLineEdit *m_nameEdit;
    QLabel *m_instrument;
    QToolButton *m_mute;
    QToolButton *m_solo;
    QSlider *m_volume;
    QDial *m_pan;
    QPoint m_pressPos;  // global; where a drag started
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace tutti
// end of trackrow.h
