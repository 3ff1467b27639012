// SPDX-License-Identifier: GPL-3.0-or-later
// noteselection.cpp — selection bookkeeping across edits, undo and redo.
#include "edit/noteselection.h"

#include "edit/notecommands.h"
#include "edit/scoredocument.h"

#include <algorithm>

namespace tutti {

NoteSelection::NoteSelection(ScoreDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_undoIndex(document->undoStack()->index())
{
    connect(document, &ScoreDocument::documentReset, this, [this] {
        m_undoIndex = m_document->undoStack()->index();
        clear();
    });
    connect(document, &ScoreDocument::scoreChanged, this, &NoteSelection::dropMissingNotes);
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &NoteSelection::followUndoStack);
}

void NoteSelection::setTrack(int track)
{
    if (track == m_track)
        return;
    m_track = track;
    clear();
}

bool NoteSelection::contains(const Note &note) const
{
    return std::binary_search(m_notes.begin(), m_notes.end(), note);
}

void NoteSelection::select(std::vector<Note> notes)
{
    std::sort(notes.begin(), notes.end());
    notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
    if (notes == m_notes)
        return;
    m_notes = std::move(notes);
    Q_EMIT changed();
}

void NoteSelection::add(const std::vector<Note> &notes)
{
    std::vector<Note> all = m_notes;
    all.insert(all.end(), notes.begin(), notes.end());
    select(std::move(all));
}

void NoteSelection::toggle(const Note &note)
{
    std::vector<Note> notes = m_notes;
    const auto it = std::lower_bound(notes.begin(), notes.end(), note);
    if (it != notes.end() && *it == note)
        notes.erase(it);
    else
        notes.insert(it, note);
    select(std::move(notes));
}

void NoteSelection::clear()
{
    select({});
}

void NoteSelection::followUndoStack(int index)
{
    // One step forward is a push or a redo of command(previous index); one step back is an
    // undo of command(new index). Jumps further than one step keep what still exists.
    const int previous = m_undoIndex;
    m_undoIndex = index;
    const QUndoStack *stack = m_document->undoStack();
    const bool forward = index == previous + 1;
    if (!forward && index != previous - 1)
        return;
    const auto *command = dynamic_cast<const EditNotesCommand *>(stack->command(forward ? previous : index));
    if (command == nullptr)
        return;
    if (const TrackNoteChange *change = command->changeFor(m_track))
        select(forward ? change->added : change->removed);
}

void NoteSelection::dropMissingNotes()
{
    const std::vector<Track> &tracks = m_document->score().tracks;
    if (m_track < 0 || static_cast<std::size_t>(m_track) >= tracks.size()) {
        clear();
        return;
    }
    const std::vector<Note> &notes = tracks[static_cast<std::size_t>(m_track)].notes;
    std::vector<Note> kept;
    kept.reserve(m_notes.size());
    for (const Note &note : m_notes)
        if (std::binary_search(notes.begin(), notes.end(), note))
            kept.push_back(note);
    select(std::move(kept));
}

} // namespace tutti
// end of noteselection.cpp
