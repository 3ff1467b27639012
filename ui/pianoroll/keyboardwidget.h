// keyboardwidget.h — the piano keyboard at the left of the piano roll; clicking a key
// sounds it (keyPressed/keyReleased) through the active track's instrument.
#pragma once

#include <QWidget>

namespace tutti {

class PianoRollViewport;

class KeyboardWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit KeyboardWidget(PianoRollViewport *viewport, QWidget *parent = nullptr);

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
};

} // namespace tutti
// end of keyboardwidget.h
