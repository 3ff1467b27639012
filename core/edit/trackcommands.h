// SPDX-License-Identifier: GPL-3.0-or-later
// trackcommands.h — undoable changes to a track's settings (not its notes).
//
// Usage:
//   Track changed = document.score().tracks[i];
//   changed.muted = true;
//   document.undoStack()->push(new ChangeTrackCommand(&document, i, changed, u"Mute"_s));
//   // a slider drag: consecutive "Track Volume" steps on one track undo as one
//   document.undoStack()->push(new ChangeTrackCommand(&document, i, louder, u"Track Volume"_s, true));
#pragma once

#include "edit/scoredocument.h"

#include <QUndoCommand>

namespace tutti {

class ChangeTrackCommand final : public QUndoCommand
{
public:
    // `after` holds the new settings; its notes are ignored (the track keeps its own). With
    // mergeConsecutive, the command absorbs the next one of the same text on the same track.
    ChangeTrackCommand(ScoreDocument *document, int trackIndex, const Track &after, const QString &text,
                       bool mergeConsecutive = false);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeConsecutive ? 1 : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const Track &settings);

    ScoreDocument *m_document;
    int m_trackIndex;
    Track m_before; // settings only: notes left empty
    Track m_after;
    bool m_mergeConsecutive;
};

} // namespace tutti
// end of trackcommands.h
