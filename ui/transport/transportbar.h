// SPDX-License-Identifier: GPL-3.0-or-later
// transportbar.h — play/pause, stop, loop, and where the playhead is (bar:beat and time)
// with the tempo there. The actions are the main window's, so menus and keys share them.
#pragma once

#include "score/score.h"

#include <QToolBar>

class QLabel;

namespace tutti {

class ScoreDocument;

class TransportBar final : public QToolBar
{
    Q_OBJECT

public:
    TransportBar(ScoreDocument *document, QAction *playPause, QAction *stop, QAction *loop,
                 QWidget *parent = nullptr);

    void showPosition(Tick tick, double seconds);

private:
    ScoreDocument *m_document;
    QLabel *m_position;
    QLabel *m_tempo;
};

} // namespace tutti
// end of transportbar.h
