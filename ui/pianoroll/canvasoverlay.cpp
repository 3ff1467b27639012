// SPDX-License-Identifier: GPL-3.0-or-later
// canvasoverlay.cpp — following the canvas's size and the viewport's changes.
#include "canvasoverlay.h"

#include "pianorollviewport.h"

#include <QEvent>

namespace tutti {

CanvasOverlay::CanvasOverlay(QWidget *canvas, PianoRollViewport *viewport)
    : QWidget(canvas)
    , m_viewport(viewport)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(canvas->rect());
    canvas->installEventFilter(this);
    connect(viewport, &PianoRollViewport::changed, this, qOverload<>(&QWidget::update));
}

bool CanvasOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

} // namespace tutti
// end of canvasoverlay.cpp
