// trackchecklist.h — ticking the tracks a selection is regenerated on (Infill).
//
// Usage:
//   auto *tracks = new TrackChecklist(this);
//   tracks->setScore(document.score());    // after every score change; ticks are kept
//   tracks->setActiveTrack(2);             // ticked alone until the user ticks others
//   std::vector<int> chosen = tracks->checkedTracks();
//
// One row per track, in the track's colour; drum tracks are listed but cannot be ticked
// (the model writes no drums).
#pragma once

#include "score/score.h"

#include <QListWidget>

#include <vector>

namespace tutti {

class TrackChecklist final : public QListWidget
{
    Q_OBJECT

public:
    explicit TrackChecklist(QWidget *parent = nullptr);

    void setScore(const Score &score);
    void setActiveTrack(int track);
    std::vector<int> checkedTracks() const;
    void setCheckedTracks(const std::vector<int> &tracks);

Q_SIGNALS:
    void changed();

private:
    bool m_touched = false; // the user ticked something: the active track no longer decides
    int m_activeTrack = 0;
};

} // namespace tutti
// end of trackchecklist.h
