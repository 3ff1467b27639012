// SPDX-License-Identifier: GPL-3.0-or-later
// originalityindex.cpp — n-gram look-up, note-by-note extension and the report.
#include "analysis/originalityindex.h"

#include "melodiclines.h"
#include "originalityindexdata.h"
#include "score/timemap.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

// Training bars are computed on a grid 16 times finer than the steps, where every beat of
// a time signature (down to 1/64) is a whole number of ticks.
constexpr int barGridPerStep = 16;

// The best passage found so far for one checked track.
struct Hit
{
    int notes = 0;
    std::uint32_t corpusNote = 0; // global index of the training passage's first note
    Tick start = 0;
    Tick lastStart = 0; // onset of the last matching note
    Tick end = 0;
    int transposition = 0;
    std::vector<std::uint16_t> steps; // the passage's symbols, note to note (notes - 1)
};

std::vector<std::uint16_t> lineSymbols(const std::vector<LineNote> &line)
{
    std::vector<std::uint16_t> symbols(line.size(), lineStartSymbol);
    for (std::size_t i = 1; i < line.size(); ++i)
        symbols[i] = intervalSymbol(line[i - 1].pitch, line[i - 1].step, line[i].pitch, line[i].step);
    return symbols;
}

bool sameLine(const std::vector<LineNote> &a, const std::vector<LineNote> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const LineNote &x, const LineNote &y) {
        return x.step == y.step && x.pitch == y.pitch;
    });
}

// Looks up every n-gram of the line and keeps the longest passage in `best` (the earliest
// in the line, then in the corpus, among equals).
void searchLine(const OriginalityIndex::Data &data, const std::vector<LineNote> &line, Hit &best)
{
    const int n = static_cast<int>(line.size());
    const std::vector<std::uint16_t> query = lineSymbols(line);
    const std::uint16_t *symbols = data.symbols.data();
    const int shift = 64 - data.bucketBits;
    for (int i = 0; i + minimumMatchNotes <= n; ++i) {
        if (n - i <= best.notes)
            break; // no passage starting here can be longer
        const std::span<const std::uint16_t, ngramSymbols> gram(query.data() + i + 1, ngramSymbols);
        const std::size_t bucket = static_cast<std::size_t>(ngramHash(gram) >> shift);
        for (std::uint32_t k = data.buckets[bucket]; k < data.buckets[bucket + 1]; ++k) {
            const std::uint32_t note = data.starts[k];
            if (!std::equal(gram.begin(), gram.end(), symbols + note + 1))
                continue;
            // The same passage, one note longer, was already found from query note i - 1.
            if (i > 0 && symbols[note] == query[i])
                continue;
            int steps = ngramSymbols;
            while (i + steps + 1 < n && symbols[note + steps + 1] == query[i + steps + 1])
                ++steps; // the closing line-start symbol stops this at the end of the training line
            if (steps + 1 > best.notes) {
                best = {steps + 1, note, line[i].start, line[i + steps].start, line[i + steps].end,
                        line[i].pitch - data.corpus.pitches[note],
                        std::vector<std::uint16_t>(query.begin() + i + 1, query.begin() + i + 1 + steps)};
            }
        }
    }
}

const OriginalityLine &lineOfNote(const OriginalityCorpus &corpus, std::uint32_t note)
{
    const auto after = std::upper_bound(corpus.lines.begin(), corpus.lines.end(), note,
                                        [](std::uint32_t n, const OriginalityLine &line) { return n < line.first; });
    return *std::prev(after);
}

// How many training pieces hold the passage somewhere, each counted once.
int piecesHolding(const OriginalityIndex::Data &data, const std::vector<std::uint16_t> &steps)
{
    const std::span<const std::uint16_t, ngramSymbols> gram(steps.data(), ngramSymbols);
    const std::size_t bucket = static_cast<std::size_t>(ngramHash(gram) >> (64 - data.bucketBits));
    std::vector<std::uint32_t> pieces;
    for (std::uint32_t k = data.buckets[bucket]; k < data.buckets[bucket + 1]; ++k) {
        const std::uint32_t note = data.starts[k];
        // Within the array, the line-start symbol after a line fails the comparison there.
        if (note + 1 + steps.size() <= data.symbols.size()
            && std::equal(steps.begin(), steps.end(), data.symbols.begin() + note + 1))
            pieces.push_back(lineOfNote(data.corpus, note).piece);
    }
    std::sort(pieces.begin(), pieces.end());
    return static_cast<int>(std::unique(pieces.begin(), pieces.end()) - pieces.begin());
}

int trainingBar(const TimeMap &map, std::uint32_t step)
{
    return map.barAt(static_cast<Tick>(step) * barGridPerStep);
}

OriginalityMatch describeHit(const OriginalityIndex::Data &data, const Hit &hit, const Score &score, int track,
                             const TimeMap &scoreMap)
{
    const OriginalityCorpus &corpus = data.corpus;
    const OriginalityLine &line = lineOfNote(corpus, hit.corpusNote);
    const OriginalityPiece &piece = corpus.pieces[line.piece];
    Score metre;
    metre.ticksPerQuarter = originalityStepsPerQuarter * barGridPerStep;
    for (TimeSignatureChange change : piece.metre) {
        change.tick *= barGridPerStep;
        metre.timeSignatures.push_back(change);
    }
    const TimeMap trainingMap(metre);

    OriginalityMatch match;
    match.pieceKey = piece.key;
    match.pieceTitle = piece.title;
    match.trainingPart = line.part.isEmpty() ? u"part %1"_s.arg(line.track + 1) : line.part;
    match.trainingFirstBar = trainingBar(trainingMap, corpus.onsets[hit.corpusNote]);
    match.trainingLastBar = trainingBar(trainingMap, corpus.onsets[hit.corpusNote + hit.notes - 1]);
    match.track = track;
    match.part = score.tracks[static_cast<std::size_t>(track)].name;
    match.start = hit.start;
    match.end = hit.end;
    match.firstBar = scoreMap.barAt(hit.start);
    match.lastBar = scoreMap.barAt(hit.lastStart);
    match.notes = hit.notes;
    match.transposition = hit.transposition;
    match.corpusPieces = piecesHolding(data, hit.steps);
    std::vector<std::uint16_t> steps = hit.steps;
    std::sort(steps.begin(), steps.end());
    match.distinctSteps = static_cast<int>(std::unique(steps.begin(), steps.end()) - steps.begin());
    return match;
}

QString barRange(int first, int last)
{
    return first == last ? u"bar %1"_s.arg(first) : u"bars %1-%2"_s.arg(first).arg(last);
}

} // namespace

OriginalityIndex::OriginalityIndex() = default;

OriginalityIndex::OriginalityIndex(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
{
}

bool OriginalityIndex::isEmpty() const
{
    return !m_data || m_data->corpus.lines.empty();
}

int OriginalityIndex::pieceCount() const
{
    return m_data ? static_cast<int>(m_data->corpus.pieces.size()) : 0;
}

int OriginalityIndex::lineCount() const
{
    return m_data ? static_cast<int>(m_data->corpus.lines.size()) : 0;
}

std::size_t OriginalityIndex::noteCount() const
{
    return m_data ? m_data->corpus.pitches.size() : 0;
}

OriginalityReport OriginalityIndex::check(const Score &score) const
{
    return check(score, 0, std::numeric_limits<Tick>::max());
}

OriginalityReport OriginalityIndex::check(const Score &score, Tick from, Tick to) const
{
    OriginalityReport report;
    std::vector<std::pair<int, Hit>> hits; // (track, best passage)
    for (std::size_t track = 0; track < score.tracks.size(); ++track) {
        const Track &part = score.tracks[track];
        const std::vector<LineNote> top = melodicLine(part, score.ticksPerQuarter, from, to, Voice::Top);
        const std::vector<LineNote> bottom = melodicLine(part, score.ticksPerQuarter, from, to, Voice::Bottom);
        const bool chords = !sameLine(top, bottom);
        report.checkedNotes += static_cast<int>(top.size() + (chords ? bottom.size() : 0));
        if (isEmpty())
            continue;
        Hit best;
        searchLine(*m_data, top, best);
        if (chords)
            searchLine(*m_data, bottom, best);
        if (best.notes > 0)
            hits.emplace_back(static_cast<int>(track), best);
    }
    if (hits.empty())
        return report;
    const TimeMap scoreMap(score);
    for (const auto &[track, hit] : hits)
        report.matches.push_back(describeHit(*m_data, hit, score, track, scoreMap));
    std::stable_sort(report.matches.begin(), report.matches.end(),
                     [](const OriginalityMatch &a, const OriginalityMatch &b) { return a.notes > b.notes; });
    return report;
}

std::bitset<128> OriginalityIndex::copyingPitches(std::span<const LinePoint> line, std::int64_t step,
                                                    int thresholdNotes) const
{
    std::bitset<128> ruledOut;
    // The n-gram holds the passage's first symbols, so the passage is at least one longer.
    const int notes = std::max(thresholdNotes, ngramSymbols + 2);
    const int k = notes - 1; // symbols of a threshold passage; the last is the new note's
    const int m = static_cast<int>(line.size());
    if (isEmpty() || m < k || step <= line.back().step)
        return ruledOut;
    const Data &data = *m_data;
    const auto symbolAt = [&](int j) { // from line[j - 1] to line[j]
        return intervalSymbol(line[j - 1].pitch, line[j - 1].step, line[j].pitch, line[j].step);
    };
    const int first = m - k; // the threshold passage's first note
    std::array<std::uint16_t, ngramSymbols> gram{};
    for (int j = 0; j < ngramSymbols; ++j)
        gram[j] = symbolAt(first + j + 1);
    const int gap = static_cast<int>(std::min<std::int64_t>(step - line.back().step, 255));
    const std::size_t bucket = static_cast<std::size_t>(ngramHash(gram) >> (64 - data.bucketBits));
    struct Occurrence
    {
        int pitch;
        int notes;
        std::uint32_t note;
    };
    std::vector<Occurrence> found;
    const std::uint16_t *symbols = data.symbols.data();
    for (std::uint32_t b = data.buckets[bucket]; b < data.buckets[bucket + 1]; ++b) {
        const std::uint32_t c = data.starts[b];
        if (c + k >= data.symbols.size() || !std::equal(gram.begin(), gram.end(), symbols + c + 1))
            continue;
        bool same = true;
        for (int j = ngramSymbols + 1; j < k && same; ++j)
            same = symbols[c + j] == symbolAt(first + j);
        const std::uint16_t next = symbols[c + k];
        if (!same || next == lineStartSymbol || (next & 0xFF) != gap)
            continue;
        const int pitch = line.back().pitch + (next >> 8) - 128;
        if (pitch < 0 || pitch > 127)
            continue;
        int extra = 0; // the match reaches further back than the threshold passage
        while (first - extra - 1 >= 0 && c > static_cast<std::uint32_t>(extra)
               && symbols[c - extra] == symbolAt(first - extra))
            ++extra;
        found.push_back({pitch, notes + extra, c});
    }
    for (const Occurrence &candidate : found) {
        if (ruledOut.test(static_cast<std::size_t>(candidate.pitch)))
            continue;
        int longest = 0;
        for (const Occurrence &o : found) {
            if (o.pitch == candidate.pitch)
                longest = std::max(longest, o.notes);
        }
        // copied()'s rules, for the longest passage ending at the new note.
        std::vector<std::uint32_t> pieces;
        for (const Occurrence &o : found) {
            if (o.pitch != candidate.pitch || o.notes != longest)
                continue;
            const std::uint32_t piece = lineOfNote(data.corpus, o.note).piece;
            if (std::find(pieces.begin(), pieces.end(), piece) == pieces.end())
                pieces.push_back(piece);
            if (static_cast<int>(pieces.size()) >= commonplacePieces)
                break;
        }
        if (static_cast<int>(pieces.size()) >= commonplacePieces)
            continue;
        std::vector<std::uint16_t> steps;
        for (int j = m - longest + 2; j < m; ++j)
            steps.push_back(symbolAt(j));
        steps.push_back(intervalSymbol(line.back().pitch, line.back().step, candidate.pitch, step));
        std::sort(steps.begin(), steps.end());
        if (std::unique(steps.begin(), steps.end()) - steps.begin() >= figureDistinctSteps)
            ruledOut.set(static_cast<std::size_t>(candidate.pitch));
    }
    return ruledOut;
}

QString OriginalityMatch::describe() const
{
    const QString checkedPart = part.isEmpty() ? u"track %1"_s.arg(track + 1) : part;
    const QString piece = pieceTitle.isEmpty() ? pieceKey : pieceKey + u" (\u201C"_s + pieceTitle + u"\u201D)"_s;
    QString text = u"%1 notes of %2 (%3) match %4 of %5, %6"_s.arg(notes)
                       .arg(checkedPart, barRange(firstBar, lastBar), trainingPart, piece,
                            barRange(trainingFirstBar, trainingLastBar));
    if (transposition != 0)
        text += u", transposed %1 semitone%2 %3"_s.arg(std::abs(transposition))
                    .arg(std::abs(transposition) == 1 ? u""_s : u"s"_s, transposition > 0 ? u"up"_s : u"down"_s);
    if (distinctSteps < figureDistinctSteps)
        text += u" (a figure: %1 kind%2 of step)"_s.arg(distinctSteps).arg(distinctSteps == 1 ? u""_s : u"s"_s);
    if (corpusPieces >= commonplacePieces)
        text += u" (a commonplace: %1 training pieces hold it)"_s.arg(corpusPieces);
    else if (corpusPieces > 1)
        text += u" (%1 training pieces hold it)"_s.arg(corpusPieces);
    return text;
}

} // namespace tutti
// end of originalityindex.cpp
