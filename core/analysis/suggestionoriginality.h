// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionoriginality.h — does a suggestion copy the training corpus? Only what the model wrote is judged.
//
// Usage:
//   tutti::OriginalityReport report = tutti::checkSuggestion(index, document.score(), suggestion);
//   if (const tutti::OriginalityMatch *copy = report.copied())
//       flag(tutti::copiedPieceName(*copy), copy->notes);
//
// The check runs on a score holding just the suggestion's notes, one track per part, on the
// score's own tempo, metre and resolution (so the bars it names are the score's). The user's
// notes are left out on purpose: an infill inside an opened training piece must not be
// blamed for the piece around it. A match's `track` is the index of the suggestion's part.
#pragma once

#include "analysis/originalityindex.h"
#include "generation/suggestion.h"

#include <QString>

namespace tutti {

OriginalityReport checkSuggestion(const OriginalityIndex &index, const Score &score, const Suggestion &suggestion);

// The copied piece in a few words for a table cell: its title, else the last two parts of
// its key ("<work>/sqNNN").
QString copiedPieceName(const OriginalityMatch &match);

} // namespace tutti
// end of suggestionoriginality.h
