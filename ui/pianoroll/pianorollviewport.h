// SPDX-License-Identifier: GPL-3.0-or-later
// pianorollviewport.h — what part of the score the piano roll shows, shared by its widgets.
//
// Time runs left to right (ticks), pitch bottom to top. The keyboard, ruler, note canvas
// and velocity lane all map through one viewport, so they scroll and zoom together.
#pragma once

#include "score/score.h"

#include <QObject>

namespace tutti {

class PianoRollViewport final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    double pixelsPerTick() const { return m_pixelsPerTick; }
    double keyHeight() const { return m_keyHeight; }
    Tick firstTick() const { return m_firstTick; }
    int topPitch() const { return m_topPitch; } // the highest pitch fully or partly in view

    double xForTick(Tick tick) const { return (tick - m_firstTick) * m_pixelsPerTick; }
    Tick tickAtX(double x) const { return m_firstTick + static_cast<Tick>(x / m_pixelsPerTick); }
    double yForPitch(int pitch) const { return (m_topPitch - pitch) * m_keyHeight; } // top edge of the row
    int pitchAtY(double y) const;

    void setFirstTick(Tick tick);
    void setTopPitch(int pitch);
    void setPixelsPerTick(double pixelsPerTick); // clamped to a sensible range
    void setKeyHeight(double keyHeight);
    // Zooms time around the tick at pixel x, keeping that tick under the cursor.
    void zoomTime(double factor, double anchorX);

Q_SIGNALS:
    void changed();

private:
    double m_pixelsPerTick = 0.1;
    double m_keyHeight = 10;
    Tick m_firstTick = 0;
    int m_topPitch = 96;
};

} // namespace tutti
// end of pianorollviewport.h
