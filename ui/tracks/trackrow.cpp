// trackrow.cpp — a track's controls, each change an undoable command.
#include "trackrow.h"

#include "edit/scoredocument.h"
#include "edit/trackcommands.h"
#include "score/generalmidi.h"

#include <QDial>
#include <QGridLayout>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QSlider>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace tutti {

TrackRow::TrackRow(ScoreDocument *document, int trackIndex, QWidget *parent)
    : QFrame(parent)
    , m_document(document)
    , m_trackIndex(trackIndex)
    , m_swatch(new QLabel(this))
    , m_name(new QLabel(this))
    , m_instrument(new QLabel(this))
    , m_mute(new QToolButton(this))
    , m_solo(new QToolButton(this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_pan(new QDial(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_swatch->setFixedSize(8, 34);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    QFont small = m_instrument->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_instrument->setFont(small);
    m_mute->setText(u"M"_s);
    m_mute->setToolTip(u"Mute"_s);
    m_mute->setCheckable(true);
    m_solo->setText(u"S"_s);
    m_solo->setToolTip(u"Solo"_s);
    m_solo->setCheckable(true);
    m_volume->setRange(0, 127);
    m_volume->setToolTip(u"Volume"_s);
    m_volume->setMaximumWidth(90);
    m_pan->setRange(0, 127);
    m_pan->setFixedSize(30, 30);
    m_pan->setToolTip(u"Pan, left to right (64 is the centre)"_s);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_swatch, 0, 0, 2, 1);
    layout->addWidget(m_name, 0, 1);
    layout->addWidget(m_instrument, 1, 1);
    layout->addWidget(m_mute, 0, 2);
    layout->addWidget(m_solo, 0, 3);
    layout->addWidget(m_volume, 1, 2, 1, 2);
    layout->addWidget(m_pan, 0, 4, 2, 1);
    layout->setColumnStretch(1, 1);

    connect(m_mute, &QToolButton::toggled, this,
            [this](bool on) { edit(on ? u"Mute Track"_s : u"Unmute Track"_s, [on](Track &t) { t.muted = on; }); });
    connect(m_solo, &QToolButton::toggled, this,
            [this](bool on) { edit(on ? u"Solo Track"_s : u"Unsolo Track"_s, [on](Track &t) { t.soloed = on; }); });
    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { edit(u"Track Volume"_s, [value](Track &t) { t.volume = value; }); });
    connect(m_pan, &QDial::valueChanged, this,
            [this](int value) { edit(u"Track Pan"_s, [value](Track &t) { t.pan = value; }); });
}

void TrackRow::showTrack(const Track &track)
{
    const QSignalBlocker blockMute(m_mute);
    const QSignalBlocker blockSolo(m_solo);
    const QSignalBlocker blockVolume(m_volume);
    const QSignalBlocker blockPan(m_pan);
    m_swatch->setStyleSheet(u"background: #%1; border-radius: 2px;"_s.arg(track.colour, 6, 16, QLatin1Char('0')));
    m_name->setText(track.name.isEmpty() ? u"Track %1"_s.arg(m_trackIndex + 1) : track.name);
    m_instrument->setText(track.isDrum ? u"Drums"_s : generalMidiProgramName(track.program));
    m_mute->setChecked(track.muted);
    m_solo->setChecked(track.soloed);
    m_volume->setValue(track.volume);
    m_pan->setValue(track.pan);
}

void TrackRow::setActive(bool active)
{
    setBackgroundRole(active ? QPalette::Highlight : QPalette::Window);
    m_name->setForegroundRole(active ? QPalette::HighlightedText : QPalette::WindowText);
    m_instrument->setForegroundRole(active ? QPalette::HighlightedText : QPalette::WindowText);
}

void TrackRow::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT clicked(m_trackIndex);
    QFrame::mousePressEvent(event);
}

QMenu *TrackRow::menu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const Track &track = m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex));
    QMenu *instruments = menu->addMenu(u"&Instrument"_s);
    instruments->setEnabled(!track.isDrum); // a drum track's program picks a kit, not a GM sound
    constexpr int programsPerFamily = 8;
    for (int first = 0; first < 128; first += programsPerFamily) {
        QMenu *family = instruments->addMenu(generalMidiFamilyName(first));
        for (int program = first; program < first + programsPerFamily; ++program) {
            QAction *action = family->addAction(generalMidiProgramName(program), this, [this, program] {
                edit(u"Change Instrument"_s, [program](Track &t) { t.program = program; });
            });
            action->setCheckable(true);
            action->setChecked(program == track.program);
        }
    }
    menu->addSeparator();
    const int index = m_trackIndex;
    const int count = static_cast<int>(m_document->score().tracks.size());
    menu->addAction(u"D&uplicate Track"_s, this, [this, index] { Q_EMIT duplicateRequested(index); });
    menu->addAction(u"Move &Up"_s, this, [this, index] { Q_EMIT moveRequested(index, index - 1); })
        ->setEnabled(index > 0);
    menu->addAction(u"Move &Down"_s, this, [this, index] { Q_EMIT moveRequested(index, index + 1); })
        ->setEnabled(index + 1 < count);
    menu->addAction(u"&Remove Track"_s, this, [this, index] { Q_EMIT removeRequested(index); })
        ->setEnabled(count > 1);
    return menu;
}

void TrackRow::contextMenuEvent(QContextMenuEvent *event)
{
    Q_EMIT clicked(m_trackIndex);
    QMenu *contextMenu = menu(this);
    contextMenu->setAttribute(Qt::WA_DeleteOnClose);
    contextMenu->popup(event->globalPos());
}

void TrackRow::edit(const QString &what, const std::function<void(Track &)> &change)
{
    Track track = m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex));
    change(track);
    m_document->undoStack()->push(new ChangeTrackCommand(m_document, m_trackIndex, track, what));
}

} // namespace tutti
// end of trackrow.cpp
