// SPDX-License-Identifier: GPL-3.0-or-later
// indexcopyguard.cpp — a CopyGuard that asks OriginalityIndex::copyingPitches and checkSuggestion.
#include "analysis/indexcopyguard.h"

#include "analysis/suggestionoriginality.h"

namespace tutti {
namespace {

class IndexCopyGuard final : public CopyGuard
{
public:
    IndexCopyGuard(const OriginalityIndex &index, int thresholdNotes)
        : m_index(index), m_thresholdNotes(thresholdNotes)
    {
    }

    std::bitset<128> copyingPitches(std::span<const LinePoint> line, std::int64_t step) const override
    {
        return m_index.copyingPitches(line, step, m_thresholdNotes);
    }

    bool copies(const Score &score, const Suggestion &candidate) const override
    {
        return checkSuggestion(m_index, score, candidate).copies(m_thresholdNotes);
    }

private:
    OriginalityIndex m_index;
    int m_thresholdNotes;
};

} // namespace

std::shared_ptr<const CopyGuard> makeIndexCopyGuard(const OriginalityIndex &index, int thresholdNotes)
{
    if (index.isEmpty())
        return nullptr;
    return std::make_shared<IndexCopyGuard>(index, thresholdNotes);
}

} // namespace tutti
// end of indexcopyguard.cpp
