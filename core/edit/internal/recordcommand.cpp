// SPDX-License-Identifier: GPL-3.0-or-later
// recordcommand.cpp — swapping a track's notes and controller changes.
#include "edit/recordcommand.h"

namespace tutti {

RecordTakeCommand::RecordTakeCommand(ScoreDocument *document, int trackIndex, const Track &after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_trackIndex(trackIndex)
    , m_notesAfter(after.notes)
    , m_controlsAfter(after.controls)
{
    const auto &tracks = document->score().tracks;
    if (trackIndex >= 0 && std::size_t(trackIndex) < tracks.size()) {
        m_notesBefore = tracks[std::size_t(trackIndex)].notes;
        m_controlsBefore = tracks[std::size_t(trackIndex)].controls;
    } else {
        setObsolete(true);
    }
}

void RecordTakeCommand::undo()
{
    apply(m_notesBefore, m_controlsBefore);
}

void RecordTakeCommand::redo()
{
    apply(m_notesAfter, m_controlsAfter);
}

void RecordTakeCommand::apply(const std::vector<Note> &notes, const std::vector<ControlChange> &controls)
{
    auto &tracks = m_document->mutableScore().tracks;
    if (m_trackIndex < 0 || std::size_t(m_trackIndex) >= tracks.size())
        return;
    tracks[std::size_t(m_trackIndex)].notes = notes;
    tracks[std::size_t(m_trackIndex)].controls = controls;
    m_document->notifyChanged();
}

} // namespace tutti
// end of recordcommand.cpp
