// SPDX-License-Identifier: GPL-3.0-or-later
// noteeditor.cpp — selection operations turned into EditNotesCommands.
#include "edit/noteeditor.h"

#include "edit/notecommands.h"
#include "edit/noteedits.h"
#include "edit/scoredocument.h"

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace tutti {

NoteEditor::NoteEditor(ScoreDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_selection(document)
    , m_gridIndex(defaultSnapGridIndex)
{
}

const std::vector<Note> &NoteEditor::activeNotes() const
{
    static const std::vector<Note> none;
    const std::vector<Track> &tracks = m_document->score().tracks;
    const int track = m_selection.track();
    if (track < 0 || static_cast<std::size_t>(track) >= tracks.size())
        return none;
    return tracks[static_cast<std::size_t>(track)].notes;
}

void NoteEditor::setActiveTrack(int track)
{
    m_selection.setTrack(track);
}

void NoteEditor::setGridIndex(int index)
{
    index = std::clamp(index, 0, static_cast<int>(snapGrids().size()) - 1);
    if (index == m_gridIndex)
        return;
    m_gridIndex = index;
    Q_EMIT gridIndexChanged(index);
}

Tick NoteEditor::gridStep() const
{
    return snapGrids()[static_cast<std::size_t>(m_gridIndex)].ticks(m_document->score().ticksPerQuarter);
}

BarGrid NoteEditor::grid() const
{
    return BarGrid(m_document->score(), gridStep());
}

bool NoteEditor::replaceNotes(const std::vector<Note> &before, const std::vector<Note> &after, const QString &text)
{
    const std::size_t track = static_cast<std::size_t>(activeTrack());
    if (activeTrack() < 0 || track >= m_document->score().tracks.size() || (before.empty() && after.empty()))
        return false;
    std::vector<Note> sortedBefore = before;
    std::vector<Note> sortedAfter = after;
    std::sort(sortedBefore.begin(), sortedBefore.end());
    std::sort(sortedAfter.begin(), sortedAfter.end());
    // A track never holds two equal notes (Score::normalize() merges them, so a saved score
    // would reopen different): a note landing exactly on an equal one merges into it.
    std::vector<Note> staying = m_document->score().tracks[track].notes;
    std::sort(staying.begin(), staying.end());
    std::vector<Note> others;
    std::set_difference(staying.begin(), staying.end(), sortedBefore.begin(), sortedBefore.end(),
                        std::back_inserter(others));
    sortedAfter.erase(std::unique(sortedAfter.begin(), sortedAfter.end()), sortedAfter.end());
    std::vector<Note> added;
    std::set_difference(sortedAfter.begin(), sortedAfter.end(), others.begin(), others.end(), std::back_inserter(added));
    if (sortedBefore == added)
        return false;
    m_document->undoStack()->push(new EditNotesCommand(m_document, {{activeTrack(), sortedBefore, added}}, text));
    return true;
}

bool NoteEditor::addNote(const Note &note)
{
    return replaceNotes({}, {note}, u"Draw Note"_s);
}

void NoteEditor::selectAll()
{
    m_selection.select(activeNotes());
}

bool NoteEditor::deleteSelection()
{
    return replaceNotes(m_selection.notes(), {}, u"Delete Notes"_s);
}

bool NoteEditor::moveSelection(Tick ticks, int semitones)
{
    const std::vector<Note> &notes = m_selection.notes();
    return replaceNotes(notes, movedNotes(notes, clampTimeShift(notes, ticks), clampTransposition(notes, semitones)),
                        u"Move Notes"_s);
}

bool NoteEditor::stepSelection(int direction)
{
    const std::vector<Note> &notes = m_selection.notes();
    if (notes.empty() || direction == 0)
        return false;
    const Tick first = firstStart(notes);
    const BarGrid bars = grid();
    const Tick target = direction > 0 ? bars.after(first) : bars.before(first);
    return replaceNotes(notes, movedNotes(notes, clampTimeShift(notes, target - first), 0), u"Move Notes"_s);
}

bool NoteEditor::transposeSelection(int semitones)
{
    const std::vector<Note> &notes = m_selection.notes();
    return replaceNotes(notes, movedNotes(notes, 0, clampTransposition(notes, semitones)), u"Transpose"_s);
}

bool NoteEditor::quantizeSelection()
{
    const std::vector<Note> &notes = m_selection.notes();
    return replaceNotes(notes, quantizedNotes(notes, grid()), u"Quantize"_s);
}

bool NoteEditor::duplicateSelection()
{
    const std::vector<Note> &notes = m_selection.notes();
    if (notes.empty())
        return false;
    const Tick span = std::max(gridStep(), snapCeil(lastEnd(notes) - firstStart(notes), gridStep()));
    return replaceNotes({}, movedNotes(notes, span, 0), u"Duplicate"_s);
}

bool NoteEditor::setVelocity(const std::vector<Note> &notes, int velocity)
{
    std::vector<Note> changed = notes;
    for (Note &note : changed)
        note.velocity = std::clamp(velocity, 1, 127);
    return replaceNotes(notes, changed, u"Change Velocity"_s);
}

void NoteEditor::copySelection()
{
    const std::vector<Note> &notes = m_selection.notes();
    if (notes.empty())
        return;
    setClipboard(notes);
    Q_EMIT copied();
}

bool NoteEditor::cutSelection()
{
    copySelection();
    return replaceNotes(m_selection.notes(), {}, u"Cut"_s);
}

void NoteEditor::setClipboard(std::vector<Note> notes)
{
    m_clipboard = notes.empty() ? std::move(notes) : movedNotes(notes, -firstStart(notes), 0);
}

bool NoteEditor::paste()
{
    Q_EMIT aboutToPaste();
    return replaceNotes({}, movedNotes(m_clipboard, m_playhead, 0), u"Paste"_s);
}

} // namespace tutti
// end of noteeditor.cpp
