// SPDX-License-Identifier: GPL-3.0-or-later
// keyboardwidget.h — the piano keyboard at the left of the piano roll; clicking a key
// sounds it (keyPressed/keyReleased) through the active track's instrument. The key of the
// row under the mouse in the note area is lit (setHoverPitch); every C is named, and every
// white key once the rows are tall enough to read.
#pragma once

#include <QWidget>

namespace tutti {

class PianoRollViewport;

class KeyboardWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit KeyboardWidget(PianoRollViewport *viewport, QWidget *parent = nullptr);

    void setHoverPitch(int pitch); // -1: none

Q_SIGNALS:
    void keyPressed(int pitch);
    void keyReleased(int pitch);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    PianoRollViewport *m_viewport;
    int m_sounding = -1;
    int m_hover = -1;
};

} // namespace tutti
// end of keyboardwidget.h
