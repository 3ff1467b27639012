// SPDX-License-Identifier: GPL-3.0-or-later
// originalityindexdata.cpp — symbols and the bucketed n-gram table, built in two linear passes.
#include "originalityindexdata.h"

#include "melodiclines.h"

#include <algorithm>
#include <bit>

namespace tutti {

std::uint64_t ngramHash(std::span<const std::uint16_t, ngramSymbols> symbols)
{
    std::uint64_t hash = 0x9E3779B97F4A7C15ull;
    for (std::uint16_t symbol : symbols) {
        hash = (hash ^ symbol) * 0xFF51AFD7ED558CCDull;
        hash ^= hash >> 29;
    }
    // Final mix so that the top bits, which pick the bucket, depend on every symbol.
    hash *= 0xC4CEB9FE1A85EC53ull;
    return hash ^ (hash >> 32);
}

std::shared_ptr<const OriginalityIndex::Data> makeOriginalityIndexData(OriginalityCorpus corpus)
{
    auto data = std::make_shared<OriginalityIndex::Data>();
    data->corpus = std::move(corpus);
    const OriginalityCorpus &c = data->corpus;

    data->symbols.assign(c.pitches.size() + 1, lineStartSymbol);
    std::size_t ngrams = 0;
    for (const OriginalityLine &line : c.lines) {
        for (std::uint32_t i = line.first + 1; i < line.first + line.count; ++i)
            data->symbols[i] = intervalSymbol(c.pitches[i - 1], c.onsets[i - 1], c.pitches[i], c.onsets[i]);
        ngrams += line.count > ngramSymbols ? line.count - ngramSymbols : 0;
    }

    // About one bucket per n-gram: a bucket then holds one distinct n-gram on average, and a
    // common one (repeated notes, a scale) holds all its occurrences.
    data->bucketBits = std::clamp(static_cast<int>(std::bit_width(ngrams)), 1, 30);
    const int shift = 64 - data->bucketBits;
    data->buckets.assign((std::size_t(1) << data->bucketBits) + 1, 0);
    data->starts.resize(ngrams);
    const auto bucketOf = [&](std::uint32_t note) {
        const std::span<const std::uint16_t, ngramSymbols> symbols(data->symbols.data() + note + 1, ngramSymbols);
        return static_cast<std::size_t>(ngramHash(symbols) >> shift);
    };
    const auto forEachStart = [&](auto &&visit) {
        for (const OriginalityLine &line : c.lines) {
            for (std::uint32_t note = line.first; note + ngramSymbols < line.first + line.count; ++note)
                visit(note);
        }
    };
    forEachStart([&](std::uint32_t note) { ++data->buckets[bucketOf(note) + 1]; });
    for (std::size_t b = 1; b < data->buckets.size(); ++b)
        data->buckets[b] += data->buckets[b - 1];
    std::vector<std::uint32_t> fill(data->buckets.begin(), data->buckets.end() - 1);
    forEachStart([&](std::uint32_t note) { data->starts[fill[bucketOf(note)]++] = note; });
    return data;
}

} // namespace tutti
// end of originalityindexdata.cpp
