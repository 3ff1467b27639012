// trackcommands.h — undoable changes to a track's settings (not its notes).
//
// Usage:
//   Track changed = document.score().tracks[i];
//   changed.muted = true;
//   document.undoStack()->push(new ChangeTrackCommand(&document, i, changed, u"Mute"_s));
#pragma once

#include "edit/scoredocument.h"

#include <QUndoCommand>

namespace tutti {

class ChangeTrackCommand final : public QUndoCommand
{
public:
    // `after` holds the new settings; its notes are ignored (the track keeps its own).
    ChangeTrackCommand(ScoreDocument *document, int trackIndex, const Track &after, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override; // slider drags become one step

private:
    void apply(const Track &settings);

    ScoreDocument *m_document;
    int m_trackIndex;
    Track m_before; // settings only: notes left empty
    Track m_after;
};

} // namespace tutti
// end of trackcommands.h
