// SPDX-License-Identifier: GPL-3.0-or-later
// trackchecklist.cpp — rows rebuilt from the score, ticks kept by index.
#include "trackchecklist.h"

#include "notecontrolsform.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

QIcon swatch(std::uint32_t rgb)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(QColor::fromRgb(rgb));
    return QIcon(pixmap);
}

} // namespace

TrackChecklist::TrackChecklist(QWidget *parent)
    : QListWidget(parent)
{
    setMinimumHeight(70);
    setMaximumHeight(150); // six tracks; more scroll
    // Only the user's ticks arrive here: setScore() and setActiveTrack() block signals.
    connect(this, &QListWidget::itemChanged, this, [this] {
        m_touched = true;
        Q_EMIT changed();
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const int row = indexAt(at).row();
        if (row < 0 || !(item(row)->flags() & Qt::ItemIsEnabled))
            return;
        QMenu menu(this);
        menu.addAction(u"Own controls for %1..."_s.arg(m_names[static_cast<std::size_t>(row)]), this,
                       [this, row] { editTrackControls(row); });
        if (m_controls.contains(row))
            menu.addAction(u"Use the dock's controls"_s, this, [this, row] { setTrackControls(row, std::nullopt); });
        menu.exec(viewport()->mapToGlobal(at));
    });
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *it) {
        if (it->flags() & Qt::ItemIsEnabled)
            editTrackControls(row(it));
    });
}

void TrackChecklist::setTicking(bool ticking)
{
    if (ticking == m_ticking)
        return;
    const std::vector<int> checked = m_checkedWhileHidden;
    if (!ticking)
        m_checkedWhileHidden = checkedTracks();
    m_ticking = ticking;
    const QSignalBlocker blocker(this);
    for (int row = 0; row < count(); ++row)
        updateRow(row);
    if (ticking)
        setCheckedTracks(m_touched ? checked : std::vector<int>{m_activeTrack});
}

void TrackChecklist::setDefaultControls(const NoteControls &controls)
{
    m_defaultControls = controls;
}

void TrackChecklist::setTrackControls(int track, const std::optional<NoteControls> &controls)
{
    if (controls)
        m_controls[track] = *controls;
    else
        m_controls.erase(track);
    if (track >= 0 && track < count()) {
        const QSignalBlocker blocker(this);
        updateRow(track);
    }
    Q_EMIT changed();
}

void TrackChecklist::editTrackControls(int track)
{
    if (track < 0 || track >= count())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(u"Controls for %1"_s.arg(m_names[static_cast<std::size_t>(track)]));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(u"These replace the dock's controls for this track."_s, &dialog));
    auto *form = new NoteControlsForm(&dialog);
    const auto own = m_controls.find(track);
    form->setControls(own != m_controls.end() ? own->second : m_defaultControls);
    layout->addWidget(form);
    auto *problem = new QLabel(&dialog);
    problem->setWordWrap(true);
    layout->addWidget(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    const auto check = [form, problem, buttons] {
        problem->setText(form->problem());
        buttons->button(QDialogButtonBox::Ok)->setEnabled(form->problem().isEmpty());
    };
    connect(form, &NoteControlsForm::changed, &dialog, check);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    check();
    if (dialog.exec() == QDialog::Accepted)
        setTrackControls(track, form->controls());
}

void TrackChecklist::updateRow(int row)
{
    QListWidgetItem *it = item(row);
    if (!(it->flags() & Qt::ItemIsEnabled))
        return;
    const auto own = m_controls.find(row);
    it->setText(own == m_controls.end() ? m_names[static_cast<std::size_t>(row)]
                                        : m_names[static_cast<std::size_t>(row)] + u" — own controls"_s);
    it->setToolTip(own == m_controls.end()
                       ? u"Right-click for controls of this track's own"_s
                       : u"Own controls: density %1, polyphony %2, grid %3, largest leap %4"_s.arg(densityText(own->second))
                             .arg(own->second.polyphony > 0 ? QString::number(own->second.polyphony) : u"any"_s)
                             .arg(gridName(own->second.grid))
                             .arg(own->second.maxLeap >= 0 ? QString::number(own->second.maxLeap) : u"any"_s));
    if (m_ticking) {
        it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        if (it->data(Qt::CheckStateRole).isNull())
            it->setCheckState(Qt::Unchecked);
    } else {
        it->setFlags(Qt::ItemIsEnabled);
        it->setData(Qt::CheckStateRole, QVariant());
    }
}

void TrackChecklist::setScore(const Score &score)
{
    const std::vector<int> checked = checkedTracks();
    const QSignalBlocker blocker(this);
    clear();
    m_names.clear();
    std::erase_if(m_controls, [&](const auto &own) {
        return own.first >= static_cast<int>(score.tracks.size()) || score.tracks[static_cast<std::size_t>(own.first)].isDrum;
    });
    for (std::size_t i = 0; i < score.tracks.size(); ++i) {
        const Track &track = score.tracks[i];
        m_names.push_back(track.name.isEmpty() ? u"Track %1"_s.arg(i + 1) : track.name);
        auto *item = new QListWidgetItem(swatch(track.colour), m_names.back(), this);
        if (track.isDrum) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(u"The model writes no drums"_s);
        } else {
            updateRow(static_cast<int>(i));
        }
    }
    if (m_touched)
        setCheckedTracks(checked);
    else
        setCheckedTracks({m_activeTrack});
}

void TrackChecklist::setActiveTrack(int track)
{
    m_activeTrack = track;
    if (!m_touched) {
        const QSignalBlocker blocker(this);
        setCheckedTracks({track});
    }
    Q_EMIT changed();
}

std::vector<int> TrackChecklist::checkedTracks() const
{
    std::vector<int> tracks;
    for (int row = 0; row < count(); ++row) {
        if (m_ticking && item(row)->checkState() == Qt::Checked)
            tracks.push_back(row);
    }
    return tracks;
}

void TrackChecklist::setCheckedTracks(const std::vector<int> &tracks)
{
    for (int row = 0; row < count(); ++row) {
        QListWidgetItem *it = item(row);
        if (!(it->flags() & Qt::ItemIsUserCheckable))
            continue;
        const bool wanted = std::find(tracks.begin(), tracks.end(), row) != tracks.end();
        it->setCheckState(wanted ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace tutti
// end of trackchecklist.cpp
