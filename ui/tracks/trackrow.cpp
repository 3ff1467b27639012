// SPDX-License-Identifier: GPL-3.0-or-later
// trackrow.cpp — a track's controls, each change an undoable command.
#include "trackrow.h"

#include "edit/scoredocument.h"
#include "edit/trackcommands.h"
#include "score/generalmidi.h"

#include <QApplication>
#include <QColorDialog>
#include <QContextMenuEvent>
#include <QDial>
#include <QFocusEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

// Names of defaultTrackColour(0..11), in that order.
const char *const paletteNames[] = {"Blue", "Orange", "Red", "Teal", "Green", "Yellow",
                                    "Purple", "Pink", "Brown", "Sea Green", "Rose", "Sky Blue"};

QIcon swatchIcon(std::uint32_t colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.setBrush(QColor::fromRgb(colour));
    painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

} // namespace

TrackRow::TrackRow(ScoreDocument *document, int trackIndex, QWidget *parent)
    : QFrame(parent)
    , m_document(document)
    , m_trackIndex(trackIndex)
    , m_swatch(new QLabel(this))
    , m_name(new QLabel(this))
    , m_nameEdit(new QLineEdit(this))
    , m_instrument(new QLabel(this))
    , m_mute(new QToolButton(this))
    , m_solo(new QToolButton(this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_pan(new QDial(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_swatch->setFixedSize(10, 34);
    m_swatch->setCursor(Qt::PointingHandCursor);
    m_swatch->setToolTip(u"Track colour"_s);
    m_swatch->installEventFilter(this);
    m_name->setToolTip(u"Double-click to rename; drag to reorder"_s);
    m_nameEdit->hide();
    m_nameEdit->setObjectName(u"trackNameEditor"_s);
    m_nameEdit->installEventFilter(this);
    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] { finishRename(true); });
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
    layout->addWidget(m_nameEdit, 0, 1);
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
            [this](int value) { edit(u"Track Volume"_s, [value](Track &t) { t.volume = value; }, true); });
    connect(m_pan, &QDial::valueChanged, this,
            [this](int value) { edit(u"Track Pan"_s, [value](Track &t) { t.pan = value; }, true); });
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
    m_pressed = event->button() == Qt::LeftButton;
    m_dragging = false;
    m_pressPos = event->globalPosition().toPoint();
    event->accept();
}

void TrackRow::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton))
        return;
    const QPoint global = event->globalPosition().toPoint();
    if (!m_dragging && (global - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    if (!m_dragging)
        setCursor(Qt::ClosedHandCursor);
    m_dragging = true;
    Q_EMIT dragMoved(m_trackIndex, global);
}

void TrackRow::mouseReleaseEvent(QMouseEvent *event)
{
    const bool dropped = m_dragging && event->button() == Qt::LeftButton;
    m_pressed = m_dragging = false;
    unsetCursor();
    if (dropped)
        Q_EMIT dragReleased(m_trackIndex, event->globalPosition().toPoint());
}

void TrackRow::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The name and the bare row rename; the controls keep their own double-clicks.
    QWidget *under = childAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && (under == nullptr || under == m_name || under == m_instrument))
        startRename();
}

bool TrackRow::eventFilter(QObject *watched, QEvent *event)
{
    // Enter and Escape belong to the field while it is open, not to a window shortcut (the
    // main window's Stop is Enter): without this, Enter stopped playback and left it open.
    if (watched == m_nameEdit && event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    if (watched == m_nameEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        finishRename(false);
        return true;
    }
    // Clicking elsewhere keeps the name, even unchanged (editingFinished would not come then);
    // switching windows or opening a popup leaves the field open.
    if (watched == m_nameEdit && event->type() == QEvent::FocusOut) {
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason)
            finishRename(true);
    }
    if (watched == m_swatch && event->type() == QEvent::MouseButtonPress) {
        Q_EMIT clicked(m_trackIndex);
        QMenu *colours = colourMenu(this);
        colours->setAttribute(Qt::WA_DeleteOnClose);
        colours->popup(m_swatch->mapToGlobal(QPoint(m_swatch->width(), 0)));
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void TrackRow::startRename()
{
    m_nameEdit->setText(m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex)).name);
    m_name->hide();
    m_nameEdit->show();
    m_nameEdit->setFocus(Qt::OtherFocusReason);
    m_nameEdit->selectAll();
}

void TrackRow::finishRename(bool keep)
{
    // editingFinished also comes when the hidden field loses focus: only the first end counts.
    if (m_nameEdit->isHidden())
        return;
    m_nameEdit->hide();
    m_name->show();
    const QString name = m_nameEdit->text().trimmed();
    if (keep && !name.isEmpty() && name != m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex)).name)
        edit(u"Rename Track"_s, [name](Track &t) { t.name = name; });
}

QMenu *TrackRow::colourMenu(QWidget *parent)
{
    auto *menu = new QMenu(u"Co&lour"_s, parent);
    const std::uint32_t current = m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex)).colour;
    for (int i = 0; i < static_cast<int>(std::size(paletteNames)); ++i) {
        const std::uint32_t colour = defaultTrackColour(i);
        QAction *action = menu->addAction(swatchIcon(colour), QLatin1StringView(paletteNames[i]), this, [this, colour] {
            edit(u"Track Colour"_s, [colour](Track &t) { t.colour = colour; });
        });
        action->setCheckable(true);
        action->setChecked(colour == current);
    }
    menu->addSeparator();
    // Queued: the dialog opens once the menu has closed.
    menu->addAction(u"&Custom Colour..."_s, this,
                    [this] { QTimer::singleShot(0, this, &TrackRow::chooseCustomColour); });
    return menu;
}

void TrackRow::chooseCustomColour()
{
    const Track &track = m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex));
    const QColor chosen = QColorDialog::getColor(QColor::fromRgb(track.colour), this,
                                                 u"Colour of %1"_s.arg(track.name));
    if (!chosen.isValid())
        return;
    const std::uint32_t colour = chosen.rgb() & 0xffffffu;
    edit(u"Track Colour"_s, [colour](Track &t) { t.colour = colour; });
}

QMenu *TrackRow::menu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const Track &track = m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex));
    // Queued: the field takes the focus once the menu has closed.
    menu->addAction(u"Re&name..."_s, this, [this] { QTimer::singleShot(0, this, &TrackRow::startRename); });
    menu->addMenu(colourMenu(menu));
    menu->addSeparator();
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

void TrackRow::edit(const QString &what, const std::function<void(Track &)> &change, bool mergeConsecutive)
{
    Track track = m_document->score().tracks.at(static_cast<std::size_t>(m_trackIndex));
    change(track);
    m_document->undoStack()->push(new ChangeTrackCommand(m_document, m_trackIndex, track, what, mergeConsecutive));
}

} // namespace tutti
// end of trackrow.cpp
