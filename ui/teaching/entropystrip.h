// SPDX-License-Identifier: GPL-3.0-or-later
// entropystrip.h — a lane under the piano roll: how unsure the model was at each note it wrote.
//
// Usage:
//   auto *strip = new EntropyStrip(pianoRoll->viewport());
//   pianoRoll->addLane(strip);
//   strip->setNotes({{onsetTick, entropyBits}, ...});
//   strip->setCurrent(4);                          // the step the teaching view shows
//   connect(strip, &EntropyStrip::noteClicked, view, &View::showStep);
//
// Each generated note is a bar at its onset, as tall as its entropy (summed over the fields
// drawn, in bits) against the tallest, coloured on the same viridis scale: short dark bars
// where the model was sure, tall yellow ones where it guessed. Notes after the current one
// are faded. Shares the piano roll's viewport, so it scrolls and zooms with the notes.
#pragma once

#include "score/score.h"

#include <QWidget>

#include <vector>

namespace tutti {

class PianoRollViewport;

class EntropyStrip final : public QWidget
{
    Q_OBJECT

public:
    struct Mark
    {
        Tick tick = 0;
        double entropy = 0.0; // bits
    };

    explicit EntropyStrip(PianoRollViewport *viewport, QWidget *parent = nullptr);

    void setNotes(std::vector<Mark> marks);
    void setCurrent(int index);
    int current() const { return m_current; }
    const std::vector<Mark> &marks() const { return m_marks; }
    int markAt(double x) const; // nearest mark within a few pixels, or -1

Q_SIGNALS:
    void noteClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    PianoRollViewport *m_viewport;
    std::vector<Mark> m_marks;
    double m_maximum = 1.0;
    int m_current = -1;
};

} // namespace tutti
// end of entropystrip.h
