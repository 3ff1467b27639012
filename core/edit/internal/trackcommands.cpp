// SPDX-License-Identifier: GPL-3.0-or-later
// trackcommands.cpp — track settings edits.
#include "edit/trackcommands.h"

namespace tutti {

namespace {

Track settingsOf(const Track &track)
{
    Track settings = track;
    settings.notes.clear();
    return settings;
}

} // namespace

ChangeTrackCommand::ChangeTrackCommand(ScoreDocument *document, int trackIndex, const Track &after,
                                       const QString &text, bool mergeConsecutive)
    : QUndoCommand(text)
    , m_document(document)
    , m_trackIndex(trackIndex)
    , m_before(settingsOf(document->score().tracks.at(static_cast<std::size_t>(trackIndex))))
    , m_after(settingsOf(after))
    , m_mergeConsecutive(mergeConsecutive)
{
}

void ChangeTrackCommand::undo()
{
    apply(m_before);
}

void ChangeTrackCommand::redo()
{
    apply(m_after);
}

bool ChangeTrackCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeTrackCommand *>(other);
    if (next->m_trackIndex != m_trackIndex || next->text() != text())
        return false;
    m_after = next->m_after;
    return true;
}

void ChangeTrackCommand::apply(const Track &settings)
{
    Track &track = m_document->mutableScore().tracks.at(static_cast<std::size_t>(m_trackIndex));
    std::vector<Note> notes = std::move(track.notes);
    track = settings;
    track.notes = std::move(notes);
    m_document->notifyChanged();
}

} // namespace tutti
// end of trackcommands.cpp
