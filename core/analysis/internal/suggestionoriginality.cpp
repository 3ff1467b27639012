// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionoriginality.cpp — a score of the suggestion's notes alone, checked over its span.
#include "analysis/suggestionoriginality.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace tutti {

OriginalityReport checkSuggestion(const OriginalityIndex &index, const Score &score, const Suggestion &suggestion)
{
    Score written;
    written.ticksPerQuarter = score.ticksPerQuarter;
    written.tempos = score.tempos;
    written.timeSignatures = score.timeSignatures;
    written.keySignatures = score.keySignatures;
    for (const SuggestedPart &part : suggestion.parts) {
        const bool existing = part.track >= 0 && part.track < static_cast<int>(score.tracks.size());
        Track track = existing ? score.tracks[static_cast<std::size_t>(part.track)] : part.newTrack;
        track.notes = part.notes;
        written.tracks.push_back(std::move(track));
    }
    written.normalize();
    return index.check(written, suggestion.firstTick, suggestion.endTick);
}

QString copiedPieceName(const OriginalityMatch &match)
{
    if (!match.pieceTitle.trimmed().isEmpty())
        return match.pieceTitle.trimmed();
    const QStringList parts = match.pieceKey.split(u'/', Qt::SkipEmptyParts);
    return parts.size() <= 2 ? match.pieceKey : parts.sliced(parts.size() - 2).join(u'/');
}

} // namespace tutti
// end of suggestionoriginality.cpp
