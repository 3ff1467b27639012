// SPDX-License-Identifier: GPL-3.0-or-later
// mapcommands.h — undoable changes to the tempo and time-signature maps.
//
// Usage:
//   const Score &score = document.score();
//   auto tempos = mapWith(score.tempos, TempoChange{1920, TempoChange::microsecondsFromBpm(90)});
//   auto metres = mapWithout(score.timeSignatures, 3840);
//   document.undoStack()->push(new ChangeMapsCommand(&document, tempos, metres, u"Edit Tempo"_s));
//
// The command replaces both maps whole (they are short); redo and undo restore them exactly.
// The new maps are normalized as Score::normalize() does: a change to the value already in
// force is dropped (a saved score must reopen equal).
// mapWith/mapWithout keep a map sorted by tick with at most one entry per tick.
#pragma once

#include "edit/scoredocument.h"

#include <QUndoCommand>

#include <algorithm>
#include <vector>

namespace tutti {

class ChangeMapsCommand final : public QUndoCommand
{
public:
    ChangeMapsCommand(ScoreDocument *document, std::vector<TempoChange> tempos,
                      std::vector<TimeSignatureChange> timeSignatures, const QString &text);

    void undo() override;
    void redo() override;

private:
    void apply(const std::vector<TempoChange> &tempos, const std::vector<TimeSignatureChange> &timeSignatures);

    ScoreDocument *m_document;
    std::vector<TempoChange> m_tempos[2];                    // before, after
    std::vector<TimeSignatureChange> m_timeSignatures[2];    // before, after
};

// The map with `change` in place of any entry at its tick, or added in tick order.
template<typename Change>
std::vector<Change> mapWith(std::vector<Change> map, const Change &change)
{
    const auto at = std::lower_bound(map.begin(), map.end(), change.tick,
                                     [](const Change &entry, Tick tick) { return entry.tick < tick; });
    if (at != map.end() && at->tick == change.tick)
        *at = change;
    else
        map.insert(at, change);
    return map;
}

// The map without its entry at tick (unchanged when there is none).
template<typename Change>
std::vector<Change> mapWithout(std::vector<Change> map, Tick tick)
{
    std::erase_if(map, [tick](const Change &entry) { return entry.tick == tick; });
    return map;
}

} // namespace tutti
// end of mapcommands.h
