// SPDX-License-Identifier: GPL-3.0-or-later
// notecommands.cpp — applying note changes as sorted multiset differences and merges.
#include "edit/notecommands.h"

#include <algorithm>
#include <iterator>

namespace tutti {

EditNotesCommand::EditNotesCommand(ScoreDocument *document, std::vector<TrackNoteChange> changes, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_changes(std::move(changes))
{
    for (TrackNoteChange &change : m_changes) {
        std::sort(change.removed.begin(), change.removed.end());
        std::sort(change.added.begin(), change.added.end());
    }
}

void EditNotesCommand::undo()
{
    apply(false);
}

void EditNotesCommand::redo()
{
    apply(true);
}

const TrackNoteChange *EditNotesCommand::changeFor(int track) const
{
    const auto it = std::find_if(m_changes.begin(), m_changes.end(),
                                 [track](const TrackNoteChange &change) { return change.track == track; });
    return it == m_changes.end() ? nullptr : &*it;
}

void EditNotesCommand::apply(bool forward)
{
    Score &score = m_document->mutableScore();
    for (const TrackNoteChange &change : m_changes) {
        std::vector<Note> &notes = score.tracks.at(static_cast<std::size_t>(change.track)).notes;
        if (!std::is_sorted(notes.begin(), notes.end()))
            std::sort(notes.begin(), notes.end());
        const std::vector<Note> &out = forward ? change.removed : change.added;
        const std::vector<Note> &in = forward ? change.added : change.removed;
        // Both are multiset operations: each removed note takes away exactly one equal note.
        std::vector<Note> kept;
        kept.reserve(notes.size());
        std::set_difference(notes.begin(), notes.end(), out.begin(), out.end(), std::back_inserter(kept));
        notes.clear();
        std::merge(kept.begin(), kept.end(), in.begin(), in.end(), std::back_inserter(notes));
    }
    m_document->notifyChanged();
}

} // namespace tutti
// end of notecommands.cpp
