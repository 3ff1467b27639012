// SPDX-License-Identifier: GPL-3.0-or-later
// trackchecklist.h — ticking the tracks a selection is regenerated on (Infill).
//
// Usage:
//   auto *tracks = new TrackChecklist(this);
//   tracks->setScore(document.score());    // after every score change; ticks are kept
//   tracks->setActiveTrack(2);             // ticked alone until the user ticks others
//   std::vector<int> chosen = tracks->checkedTracks();
//
// One row per track, in the track's colour; drum tracks are listed but cannot be ticked
// (the model writes no drums). The list also holds per-track musical controls: "Own
// controls..." in a row's context menu (or a double-click) gives that track a density,
// polyphony, grid, leap and ranges of its own instead of the dock's; its row says so.
//   tracks->setDefaultControls(form->controls());    // what a new override starts from
//   std::map<int, tutti::NoteControls> own = tracks->trackControls();
// With ticking off (Continue) the rows only hold the overrides.
#pragma once

#include "generation/notecontrols.h"
#include "score/score.h"

#include <QListWidget>

#include <map>
#include <optional>
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
    void setTicking(bool ticking);

    void setDefaultControls(const NoteControls &controls);
    std::map<int, NoteControls> trackControls() const { return m_controls; }
    void setTrackControls(int track, const std::optional<NoteControls> &controls); // nullopt: the dock's
    void editTrackControls(int track); // the dialog "Own controls..." opens

Q_SIGNALS:
    void changed();

private:
    void updateRow(int row);

    std::vector<QString> m_names;
    std::map<int, NoteControls> m_controls;
    NoteControls m_defaultControls;
    bool m_ticking = true;
    std::vector<int> m_checkedWhileHidden; // the ticks, while ticking is off
    bool m_touched = false; // the user ticked something: the active track no longer decides
    int m_activeTrack = 0;
};

} // namespace tutti
// end of trackchecklist.h
