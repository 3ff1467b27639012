// SPDX-License-Identifier: GPL-3.0-or-later
// originalityindexdata.h — what an OriginalityIndex shares: the corpus and its n-gram table.
//
// Usage (inside core/analysis only):
//   OriginalityIndex index(makeOriginalityIndexData(std::move(corpus)));  // corpus already validated
//
// symbols[i] is the step from note i - 1 to note i of the same line (intervalSymbol), or
// lineStartSymbol at a line's first note; one more lineStartSymbol closes the array, so a
// match extended note by note always stops inside it. An n-gram is the minimumMatchNotes - 1
// symbols after a note; the table lists, for each hash bucket, the global indices of the
// notes that start an n-gram hashing there (buckets[b] .. buckets[b + 1] in starts).
#pragma once

#include "analysis/originalityindex.h"
#include "originalitycorpus.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace tutti {

struct OriginalityIndex::Data
{
    OriginalityCorpus corpus;
    std::vector<std::uint16_t> symbols; // (notes + 1)
    int bucketBits = 0;
    std::vector<std::uint32_t> buckets; // (2^bucketBits + 1) offsets into starts
    std::vector<std::uint32_t> starts;  // (n-grams) global note indices, grouped by bucket
};

inline constexpr int ngramSymbols = minimumMatchNotes - 1;

// Hash of ngramSymbols symbols; the table's bucket is its top bucketBits bits.
std::uint64_t ngramHash(std::span<const std::uint16_t, ngramSymbols> symbols);

std::shared_ptr<const OriginalityIndex::Data> makeOriginalityIndexData(OriginalityCorpus corpus);

} // namespace tutti
// end of originalityindexdata.h
