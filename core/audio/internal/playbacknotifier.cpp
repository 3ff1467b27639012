// SPDX-License-Identifier: GPL-3.0-or-later
// playbacknotifier.cpp — polls the engine's atomics on the GUI thread.
#include "audio/playbacknotifier.h"

#include "audio/playbackengine.h"

namespace tutti::audio {

PlaybackNotifier::PlaybackNotifier(PlaybackEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1000 / updatesPerSecond);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackNotifier::poll);
    m_timer.start();
}

void PlaybackNotifier::poll()
{
    const bool playing = m_engine->isPlaying();
    if (playing != m_lastPlaying) {
        m_lastPlaying = playing;
        Q_EMIT playingChanged(playing);
    }
    const Tick tick = m_engine->positionTick();
    if (tick != m_lastTick) {
        m_lastTick = tick;
        Q_EMIT positionChanged(tick, m_engine->positionSeconds());
    }
}

} // namespace tutti::audio
// end of playbacknotifier.cpp
