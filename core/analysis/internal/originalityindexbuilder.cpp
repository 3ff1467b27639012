// SPDX-License-Identifier: GPL-3.0-or-later
// originalityindexbuilder.cpp — scores to lines of pitches and onsets, appended piece by piece.
#include "analysis/originalityindexbuilder.h"

#include "melodiclines.h"
#include "originalitycorpus.h"
#include "originalityindexdata.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

bool isPowerOfTwo(int value)
{
    return value > 0 && (value & (value - 1)) == 0;
}

// The score's time signatures on the step grid, leaving out any the format cannot hold.
std::vector<TimeSignatureChange> metreInSteps(const Score &score)
{
    std::vector<TimeSignatureChange> metre;
    for (const TimeSignatureChange &change : score.timeSignatures) {
        const Tick step = stepOfTick(std::max<Tick>(0, change.tick), score.ticksPerQuarter);
        if (step <= originalityMaxStep && change.numerator >= 1 && change.numerator <= 255
            && isPowerOfTwo(change.denominator) && change.denominator <= 64)
            metre.push_back({step, change.numerator, change.denominator});
    }
    std::stable_sort(metre.begin(), metre.end(),
                     [](const TimeSignatureChange &a, const TimeSignatureChange &b) { return a.tick < b.tick; });
    return metre;
}

} // namespace

OriginalityIndexBuilder::OriginalityIndexBuilder()
    : m_corpus(std::make_unique<OriginalityCorpus>())
{
}

OriginalityIndexBuilder::~OriginalityIndexBuilder() = default;
OriginalityIndexBuilder::OriginalityIndexBuilder(OriginalityIndexBuilder &&) noexcept = default;
OriginalityIndexBuilder &OriginalityIndexBuilder::operator=(OriginalityIndexBuilder &&) noexcept = default;

bool OriginalityIndexBuilder::addPiece(const QString &key, const Score &score)
{
    if (!m_corpus)
        m_corpus = std::make_unique<OriginalityCorpus>();
    OriginalityCorpus &corpus = *m_corpus;
    const auto piece = static_cast<std::uint32_t>(corpus.pieces.size());
    const std::size_t linesBefore = corpus.lines.size();
    for (std::size_t track = 0; track < score.tracks.size(); ++track) {
        std::vector<LineNote> line = melodicLine(score.tracks[track], score.ticksPerQuarter, 0,
                                                 std::numeric_limits<Tick>::max(), Voice::Top);
        std::erase_if(line, [](const LineNote &note) { return note.step > originalityMaxStep; });
        if (line.size() < static_cast<std::size_t>(minimumMatchNotes)
            || line.size() > std::numeric_limits<std::uint32_t>::max() - corpus.pitches.size())
            continue;
        const QString &name = score.tracks[track].name;
        corpus.lines.push_back({piece, name, static_cast<std::uint32_t>(track),
                                static_cast<std::uint32_t>(corpus.pitches.size()),
                                static_cast<std::uint32_t>(line.size())});
        for (const LineNote &note : line) {
            corpus.pitches.push_back(static_cast<std::uint8_t>(note.pitch));
            corpus.onsets.push_back(static_cast<std::uint32_t>(note.step));
        }
    }
    if (corpus.lines.size() == linesBefore)
        return false;
    corpus.pieces.push_back({key, score.title, metreInSteps(score)});
    return true;
}

QStringList OriginalityIndexBuilder::addCorpus(const std::vector<CorpusPiece> &pieces,
                                               const std::function<void(int done, int total)> &progress)
{
    QStringList skipped;
    const int total = static_cast<int>(pieces.size());
    for (int i = 0; i < total; ++i) {
        const ScoreReadResult result = readCorpusPiece(pieces[i]);
        if (!result.ok())
            skipped.append(pieces[i].key + u": "_s + result.error);
        else if (!addPiece(pieces[i].key, result.score))
            skipped.append(pieces[i].key + u": no part with %1 or more notes"_s.arg(minimumMatchNotes));
        if (progress)
            progress(i + 1, total);
    }
    return skipped;
}

bool OriginalityIndexBuilder::addIndex(const OriginalityIndex &index)
{
    if (!m_corpus)
        m_corpus = std::make_unique<OriginalityCorpus>();
    if (!index.m_data)
        return true;
    const OriginalityCorpus &from = index.m_data->corpus;
    OriginalityCorpus &corpus = *m_corpus;
    if (from.pitches.size() > std::numeric_limits<std::uint32_t>::max() - corpus.pitches.size()
        || from.pieces.size() > std::numeric_limits<std::uint32_t>::max() - corpus.pieces.size())
        return false;
    const auto pieceOffset = static_cast<std::uint32_t>(corpus.pieces.size());
    const auto noteOffset = static_cast<std::uint32_t>(corpus.pitches.size());
    corpus.pieces.insert(corpus.pieces.end(), from.pieces.begin(), from.pieces.end());
    for (OriginalityLine line : from.lines) {
        line.piece += pieceOffset;
        line.first += noteOffset;
        corpus.lines.push_back(std::move(line));
    }
    corpus.pitches.insert(corpus.pitches.end(), from.pitches.begin(), from.pitches.end());
    corpus.onsets.insert(corpus.onsets.end(), from.onsets.begin(), from.onsets.end());
    return true;
}

int OriginalityIndexBuilder::pieceCount() const
{
    return m_corpus ? static_cast<int>(m_corpus->pieces.size()) : 0;
}

OriginalityIndex OriginalityIndexBuilder::build() &&
{
    if (!m_corpus)
        return {};
    OriginalityCorpus corpus = std::move(*m_corpus);
    m_corpus.reset();
    return OriginalityIndex(makeOriginalityIndexData(std::move(corpus)));
}

} // namespace tutti
// end of originalityindexbuilder.cpp
