// trackchecklist.cpp — rows rebuilt from the score, ticks kept by index.
#include "trackchecklist.h"

#include <QPixmap>

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
}

void TrackChecklist::setScore(const Score &score)
{
    const std::vector<int> checked = checkedTracks();
    const QSignalBlocker blocker(this);
    clear();
    for (std::size_t i = 0; i < score.tracks.size(); ++i) {
        const Track &track = score.tracks[i];
        const QString name = track.name.isEmpty() ? u"Track %1"_s.arg(i + 1) : track.name;
        auto *item = new QListWidgetItem(swatch(track.colour), name, this);
        if (track.isDrum) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(u"The model writes no drums"_s);
        } else {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
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
        if (item(row)->checkState() == Qt::Checked)
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
