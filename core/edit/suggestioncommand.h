// SPDX-License-Identifier: GPL-3.0-or-later
// suggestioncommand.h — accepting a model suggestion as one undoable edit.
//
// Usage:
//   document.undoStack()->push(new ApplySuggestionCommand(&document, candidate));
//   // redo: the score becomes applySuggestion(score, candidate), new tracks included;
//   // undo: the score before it, exactly.
//
// The command keeps both whole scores: a suggestion touches notes on several tracks and may
// append tracks, and swapping two snapshots makes undo exact whatever applySuggestion did.
#pragma once

#include "edit/scoredocument.h"
#include "generation/suggestion.h"

#include <QUndoCommand>

namespace tutti {

class ApplySuggestionCommand final : public QUndoCommand
{
public:
    // `suggestion`'s existing-track parts must name tracks of the document's score
    // (fitsScore()); the result is computed here, from the score as it is now.
    ApplySuggestionCommand(ScoreDocument *document, const Suggestion &suggestion,
                           const QString &text = QStringLiteral("Accept Suggestion"));

    // Whether every part names an existing track (or a new one) and every replaced track exists.
    static bool fitsScore(const Suggestion &suggestion, const Score &score);

    int addedTracks() const;

    void undo() override;
    void redo() override;

private:
    ScoreDocument *m_document;
    Score m_before;
    Score m_after;
};

} // namespace tutti
// end of suggestioncommand.h
