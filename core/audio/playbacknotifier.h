// SPDX-License-Identifier: GPL-3.0-or-later
// playbacknotifier.h — relays the playhead of a PlaybackEngine to the GUI as signals.
//
// Usage:
//   tutti::audio::PlaybackNotifier notifier(&engine);
//   connect(&notifier, &PlaybackNotifier::positionChanged, view, &View::setPlayhead);
//
// The engine is not a QObject and never calls into the GUI; this polls its atomic position
// 60 times a second (above the 30 updates a second a smooth playhead needs). Timing of the
// music itself never depends on this timer.
#pragma once

#include "score/score.h"

#include <QObject>
#include <QTimer>

namespace tutti::audio {

class PlaybackEngine;

class PlaybackNotifier final : public QObject
{
    Q_OBJECT

public:
    static constexpr int updatesPerSecond = 60;

    explicit PlaybackNotifier(PlaybackEngine *engine, QObject *parent = nullptr);

Q_SIGNALS:
    void positionChanged(tutti::Tick tick, double seconds);
    void playingChanged(bool playing);

private:
    void poll();

    PlaybackEngine *m_engine;
    QTimer m_timer;
    Tick m_lastTick = -1;
    bool m_lastPlaying = false;
};

} // namespace tutti::audio
// end of playbacknotifier.h
