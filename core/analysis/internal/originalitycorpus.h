// SPDX-License-Identifier: GPL-3.0-or-later
// originalitycorpus.h — the melodic lines an OriginalityIndex holds, as plain arrays.
//
// Usage (inside core/analysis only):
//   OriginalityCorpus corpus;                          // filled by the builder or the file reader
//   const OriginalityLine &line = corpus.lines[0];
//   int pitch = corpus.pitches[line.first];            // notes of a line are contiguous
//   QString error = validate(corpus);                  // empty when every invariant holds
//
// One line is one voice of one part of one piece: a note per onset on the grid of twelve
// steps per quarter note (see melodiclines.h). Lines are stored back to back so that one
// global note index addresses any note of the corpus.
#pragma once

#include "score/score.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace tutti {

inline constexpr int originalityStepsPerQuarter = 12;
// Onsets past this step (about 5.6 million quarter notes) are not indexed; it keeps every
// bar computation of the corpus inside int.
inline constexpr std::int64_t originalityMaxStep = std::int64_t(1) << 26;

struct OriginalityPiece
{
    QString key;    // as findCorpusPieces names it
    QString title;  // the score's own title, often empty
    std::vector<TimeSignatureChange> metre; // ticks are steps; sorted, numerator 1..255, denominator 1..64
};

struct OriginalityLine
{
    std::uint32_t piece = 0;  // index into OriginalityCorpus::pieces
    QString part;             // the track's name in the piece, often empty
    std::uint32_t track = 0;  // the track's index in the piece
    std::uint32_t first = 0;  // global index of the line's first note
    std::uint32_t count = 0;  // notes in the line
};

struct OriginalityCorpus
{
    std::vector<OriginalityPiece> pieces;
    std::vector<OriginalityLine> lines;   // in order: line i's notes follow line i - 1's
    std::vector<std::uint8_t> pitches;    // per note, MIDI 0..127
    std::vector<std::uint32_t> onsets;    // per note, steps; strictly increasing within a line
};

// Empty when the corpus is consistent: lines contiguous and covering every note, pieces in
// range, pitches and onsets valid, metres sorted and in range. Otherwise the first problem.
QString validate(const OriginalityCorpus &corpus);

} // namespace tutti
// end of originalitycorpus.h
