// SPDX-License-Identifier: GPL-3.0-or-later
// pianorollviewport.cpp — clamped scroll and zoom state.
#include "pianorollviewport.h"

#include <algorithm>
#include <cmath>

namespace tutti {

int PianoRollViewport::pitchAtY(double y) const
{
    return std::clamp(m_topPitch - static_cast<int>(std::floor(y / m_keyHeight)), 0, 127);
}

void PianoRollViewport::setFirstTick(Tick tick)
{
    tick = std::max<Tick>(0, tick);
    if (tick == m_firstTick)
        return;
    m_firstTick = tick;
    Q_EMIT changed();
}

void PianoRollViewport::setTopPitch(int pitch)
{
    pitch = std::clamp(pitch, 0, 127);
    if (pitch == m_topPitch)
        return;
    m_topPitch = pitch;
    Q_EMIT changed();
}

void PianoRollViewport::setPixelsPerTick(double pixelsPerTick)
{
    pixelsPerTick = std::clamp(pixelsPerTick, 0.002, 4.0);
    if (pixelsPerTick == m_pixelsPerTick)
        return;
    m_pixelsPerTick = pixelsPerTick;
    Q_EMIT changed();
}

void PianoRollViewport::setKeyHeight(double keyHeight)
{
    keyHeight = std::clamp(keyHeight, 3.0, 40.0);
    if (keyHeight == m_keyHeight)
        return;
    m_keyHeight = keyHeight;
    Q_EMIT changed();
}

void PianoRollViewport::zoomTime(double factor, double anchorX)
{
    const Tick anchor = tickAtX(anchorX);
    QSignalBlocker blocker(this);
    setPixelsPerTick(m_pixelsPerTick * factor);
    setFirstTick(anchor - static_cast<Tick>(anchorX / m_pixelsPerTick));
    blocker.unblock();
    Q_EMIT changed();
}

} // namespace tutti
// end of pianorollviewport.cpp
