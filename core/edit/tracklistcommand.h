// SPDX-License-Identifier: GPL-3.0-or-later
// tracklistcommand.h — undoable changes to the list of tracks: add, duplicate, remove, move.
//
// Usage:
//   auto *command = TrackListCommand::duplicate(&document, 2);   // "Duplicate Track"
//   document.undoStack()->push(command);
//   int copy = command->resultTrack();                           // 3: where the copy went
//
// Every change is one primitive: take the track at one index out (or none) and put a track
// in at another index (or none). Undo does the reverse, so notes and settings come back
// exactly. The caller keeps indices valid (0..trackCount-1, or trackCount to append).
#pragma once

#include "edit/scoredocument.h"

#include <QUndoCommand>

#include <optional>

namespace tutti {

class TrackListCommand final : public QUndoCommand
{
public:
    // A new empty track appended, named "Track N", with the next colour and a free channel.
    static TrackListCommand *add(ScoreDocument *document, int program = 0);
    // A copy of the track (notes and settings) right after it, named "<name> copy".
    static TrackListCommand *duplicate(ScoreDocument *document, int index);
    static TrackListCommand *remove(ScoreDocument *document, int index);
    static TrackListCommand *move(ScoreDocument *document, int from, int to); // to: final index

    // The index of the added, copied or moved track after redo; -1 after a removal.
    int resultTrack() const { return m_insertAt; }

    void undo() override;
    void redo() override;

private:
    TrackListCommand(ScoreDocument *document, int removeAt, int insertAt, const QString &text);
    void transfer(int from, int to);

    ScoreDocument *m_document;
    int m_removeAt; // -1: none
    int m_insertAt; // -1: none
    Track m_held;   // the track outside the score between the two steps
};

} // namespace tutti
// end of tracklistcommand.h
