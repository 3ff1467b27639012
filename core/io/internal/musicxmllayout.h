// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmllayout.h — a Score laid out for MusicXML: measures, tuplet windows, staves, voices.
//
// Usage (inside core/io only):
//   tutti::MusicXmlLayout layout(score);
//   if (!layout.error().isEmpty()) return failure(layout.error());
//   for (const tutti::LaidPart &part : layout.parts()) write(part, layout.measures());
//   if (layout.movedNotes() > 0) warn(...);        // notes the grid could not spell exactly
//
// Times become divisions: divisions() per quarter, 3 * 2^m with m from 3 (32nd notes and
// the 12-per-quarter triplet grid) up to 8 (1024th notes), as fine as the score's resolution
// allows. Each measure is cut into quarter-long windows; a window whose notes start or end
// off the binary grid becomes a triplet window (3 in the time of 2). Note starts and ends
// are moved to the nearest point of their window's grid; a note that moves is counted.
// Overlapping notes of one part go to separate voices (notes that start and end together
// share a chord); keyboard parts spread over both clefs get two staves.
#pragma once

#include "score/score.h"

#include <QString>

#include <vector>

namespace tutti {

struct LaidMeasure
{
    qint64 start = 0;          // divisions from the start of the score
    qint64 end = 0;
    int numerator = 4;         // the time signature in force
    int denominator = 4;
    bool newTime = false;      // the first measure, or the signature changes here
    bool newKey = false;       // the first measure, or the key changes here
    int sharps = 0;
    bool minor = false;
    std::vector<std::pair<qint64, int>> tempos; // offset in divisions, microseconds per quarter
    std::size_t firstWindow = 0;  // index of its first window in LaidPart::triplet
    qint64 compoundBeat = 0;   // a dotted beat (6/8, 9/8, 12/8 ...) in divisions; 0 otherwise
};

struct LaidNote
{
    qint64 start = 0; // divisions, on the grid of its window
    qint64 end = 0;
    int pitch = 60;
    int velocity = 80;
    int staff = 1;    // 1-based
    int voice = 1;    // MusicXML voice number, unique within the part
};

enum class LaidClef
{
    Treble,
    Bass,
    Alto,
    Percussion,
};

struct LaidPart
{
    const Track *track = nullptr;
    std::vector<LaidNote> notes;  // sorted by start, then pitch
    int staves = 1;
    LaidClef clefs[2] = {LaidClef::Treble, LaidClef::Bass};
    std::vector<bool> triplet;    // per window, see LaidMeasure::firstWindow
};

class MusicXmlLayout
{
public:
    explicit MusicXmlLayout(const Score &score);

    QString error() const { return m_error; } // empty unless the score is too long to write
    qint64 divisions() const { return m_divisions; }
    const std::vector<LaidMeasure> &measures() const { return m_measures; }
    const std::vector<LaidPart> &parts() const { return m_parts; }
    int movedNotes() const { return m_movedNotes; }

    // Start and end of the window holding `at` in measure `measure` (at in [start, end)).
    std::pair<qint64, qint64> window(const LaidMeasure &measure, qint64 at) const;
    std::size_t windowIndex(const LaidMeasure &measure, qint64 at) const;

    static constexpr int maxMeasures = 100'000;

private:
    qint64 toDivisions(Tick tick) const;
    bool layMeasures(const Score &score, qint64 end);
    std::size_t measureAt(qint64 at) const;
    bool tripletAllowed(qint64 windowLength) const;
    LaidPart layPart(const Track &track);
    qint64 snap(const LaidPart &part, qint64 at) const;
    void chooseStaves(LaidPart &part) const;
    static void assignVoices(LaidPart &part);

    int m_ticksPerQuarter;
    qint64 m_divisions = 24;
    std::vector<LaidMeasure> m_measures;
    std::size_t m_windowCount = 0;
    std::vector<LaidPart> m_parts;
    int m_movedNotes = 0;
    QString m_error;
};

} // namespace tutti
// end of musicxmllayout.h
