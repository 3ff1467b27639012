// SPDX-License-Identifier: GPL-3.0-or-later
// suggestioncommand.cpp — swapping the score before and after an accepted suggestion.
#include "edit/suggestioncommand.h"

#include <algorithm>

namespace tutti {

ApplySuggestionCommand::ApplySuggestionCommand(ScoreDocument *document, const Suggestion &suggestion,
                                               const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(document->score())
    , m_after(applySuggestion(document->score(), suggestion))
{
}

bool ApplySuggestionCommand::fitsScore(const Suggestion &suggestion, const Score &score)
{
    const int tracks = static_cast<int>(score.tracks.size());
    const auto exists = [tracks](int track) { return track >= 0 && track < tracks; };
    return std::all_of(suggestion.parts.begin(), suggestion.parts.end(),
                       [&](const SuggestedPart &part) { return part.track == -1 || exists(part.track); })
        && std::all_of(suggestion.replacedTracks.begin(), suggestion.replacedTracks.end(), exists);
}

int ApplySuggestionCommand::addedTracks() const
{
    return static_cast<int>(m_after.tracks.size() - m_before.tracks.size());
}

void ApplySuggestionCommand::undo()
{
    m_document->replaceScore(m_before);
}

void ApplySuggestionCommand::redo()
{
    m_document->replaceScore(m_after);
}

} // namespace tutti
// end of suggestioncommand.cpp
