// SPDX-License-Identifier: GPL-3.0-or-later
// originalitycorpus.cpp — the invariants every index obeys, whoever made it.
#include "originalitycorpus.h"

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

bool isPowerOfTwo(int value)
{
    return value > 0 && (value & (value - 1)) == 0;
}

QString metreProblem(const OriginalityPiece &piece)
{
    Tick previous = 0;
    for (const TimeSignatureChange &change : piece.metre) {
        if (change.tick < previous || change.tick > originalityMaxStep)
            return u"time signatures out of order"_s;
        if (change.numerator < 1 || change.numerator > 255 || !isPowerOfTwo(change.denominator)
            || change.denominator > 64)
            return u"time signature %1/%2 out of range"_s.arg(change.numerator).arg(change.denominator);
        previous = change.tick;
    }
    return {};
}

} // namespace

QString validate(const OriginalityCorpus &corpus)
{
    if (corpus.pitches.size() != corpus.onsets.size())
        return u"pitch and onset counts differ"_s;
    for (std::size_t i = 0; i < corpus.pieces.size(); ++i) {
        const QString problem = metreProblem(corpus.pieces[i]);
        if (!problem.isEmpty())
            return u"piece %1: %2"_s.arg(i).arg(problem);
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < corpus.lines.size(); ++i) {
        const OriginalityLine &line = corpus.lines[i];
        if (line.piece >= corpus.pieces.size())
            return u"line %1 names piece %2 of %3"_s.arg(i).arg(line.piece).arg(corpus.pieces.size());
        if (i > 0 && line.piece < corpus.lines[i - 1].piece)
            return u"line %1 out of piece order"_s.arg(i);
        if (line.first != next || line.count == 0 || line.count > corpus.pitches.size() - next)
            return u"line %1 does not follow the previous line's notes"_s.arg(i);
        for (std::uint32_t j = 0; j < line.count; ++j) {
            const std::size_t note = line.first + j;
            if (corpus.pitches[note] > 127 || corpus.onsets[note] > originalityMaxStep)
                return u"line %1, note %2: pitch or onset out of range"_s.arg(i).arg(j);
            if (j > 0 && corpus.onsets[note] <= corpus.onsets[note - 1])
                return u"line %1, note %2: onsets not increasing"_s.arg(i).arg(j);
        }
        next += line.count;
    }
    if (next != corpus.pitches.size())
        return u"%1 notes belong to no line"_s.arg(corpus.pitches.size() - next);
    return {};
}

} // namespace tutti
// end of originalitycorpus.cpp
