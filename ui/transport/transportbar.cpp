// SPDX-License-Identifier: GPL-3.0-or-later
// transportbar.cpp — transport buttons and the position read-out.
#include "transportbar.h"

#include "edit/scoredocument.h"
#include "score/timemap.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace tutti {

TransportBar::TransportBar(ScoreDocument *document, QAction *playPause, QAction *stop, QAction *loop,
                           QWidget *parent)
    : QToolBar(u"Transport"_s, parent)
    , m_document(document)
    , m_position(new QLabel(this))
    , m_tempo(new QLabel(this))
{
    setObjectName(u"transportBar"_s);
    addAction(playPause);
    addAction(stop);
    addAction(loop);
    addSeparator();
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::TypeWriter);
    mono.setPointSizeF(mono.pointSizeF() * 1.2);
    m_position->setFont(mono);
    m_position->setMinimumWidth(230);
    m_position->setToolTip(u"Bar:beat:tick and minutes:seconds"_s);
    addWidget(m_position);
    addSeparator();
    addWidget(m_tempo);
    connect(document, &ScoreDocument::scoreChanged, this, [this] { showPosition(0, 0); });
    showPosition(0, 0);
}

void TransportBar::showPosition(Tick tick, double seconds)
{
    const TimeMap map(m_document->score());
    const BarBeatTick where = map.barBeatTick(tick);
    const int minutes = static_cast<int>(seconds / 60);
    m_position->setText(u" %1:%2:%3   %4:%5 "_s.arg(where.bar, 3)
                            .arg(where.beat)
                            .arg(where.tick, 3, 10, QLatin1Char('0'))
                            .arg(minutes)
                            .arg(seconds - minutes * 60, 4, 'f', 1, QLatin1Char('0')));
    const TimeSignatureChange metre = map.timeSignatureAt(tick);
    m_tempo->setText(u"  ♩ = %1   %2/%3  "_s.arg(map.bpmAt(tick), 0, 'f', 1).arg(metre.numerator).arg(metre.denominator));
}

} // namespace tutti
// end of transportbar.cpp
