// SPDX-License-Identifier: GPL-3.0-or-later
// notecommands.h — the one undoable command behind every note edit: per track, the notes
// it removes and the notes it adds.
//
// Usage:
//   Note moved = old;
//   moved.pitch += 1;
//   document.undoStack()->push(new EditNotesCommand(&document, {{track, {old}, {moved}}}, u"Move Notes"_s));
//
// Notes are identified by value: redo removes one equal note for each removed note and
// inserts the added ones, keeping each track sorted (the order of Score::normalize()); undo
// does the reverse, so redo and undo restore the exact notes. Equal notes may coexist while
// editing; Score::normalize() merges them when the score is saved.
#pragma once

#include "edit/scoredocument.h"

#include <QUndoCommand>

#include <vector>

namespace tutti {

struct TrackNoteChange
{
    int track = 0;
    std::vector<Note> removed; // each must be in the track when the command is done
    std::vector<Note> added;
};

class EditNotesCommand final : public QUndoCommand
{
public:
    EditNotesCommand(ScoreDocument *document, std::vector<TrackNoteChange> changes, const QString &text);

    void undo() override;
    void redo() override;

    const std::vector<TrackNoteChange> &changes() const { return m_changes; }
    // The change to one track, or nullptr when the command leaves that track alone.
    const TrackNoteChange *changeFor(int track) const;

private:
    void apply(bool forward);

    ScoreDocument *m_document;
    std::vector<TrackNoteChange> m_changes; // removed and added each sorted
};

} // namespace tutti
// end of notecommands.h
