// SPDX-License-Identifier: GPL-3.0-or-later
// recordcommand.h — a recorded take (or any whole-track rewrite of notes and pedal) as one
// undoable edit.
//
// Usage:
//   Track after = recorder.applyTo(document.score().tracks[i], MidiRecorder::Mode::Overdub);
//   document.undoStack()->push(new RecordTakeCommand(&document, i, after));
//   // redo: the track's notes and controller changes become after's; undo: exactly as before.
//
// Only notes and controls change; the track's name, instrument and mixer settings stay.
#pragma once

#include "edit/scoredocument.h"

#include <QUndoCommand>

namespace tutti {

class RecordTakeCommand final : public QUndoCommand
{
public:
    RecordTakeCommand(ScoreDocument *document, int trackIndex, const Track &after,
                      const QString &text = QStringLiteral("Record"));

    void undo() override;
    void redo() override;

private:
    void apply(const std::vector<Note> &notes, const std::vector<ControlChange> &controls);

    ScoreDocument *m_document;
    int m_trackIndex;
    std::vector<Note> m_notesBefore;
    std::vector<ControlChange> m_controlsBefore;
    std::vector<Note> m_notesAfter;
    std::vector<ControlChange> m_controlsAfter;
};

} // namespace tutti
// end of recordcommand.h
