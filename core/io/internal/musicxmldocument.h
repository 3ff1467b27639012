// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmldocument.h — a partwise MusicXML score as written, before it becomes a Score.
//
// Usage (inside core/io only):
//   tutti::MusicXmlReader reader(bytes, fileName);
//   if (!reader.read()) return ScoreReadResult::failure(reader.error());
//   tutti::WrittenScore written = reader.takeScore();   // parts -> measures -> notes
//   std::vector<int> order = tutti::playbackOrder(written.parts.front().marks(), &warnings);
//
// Every time is in the document's working ticks (WrittenScore::ticksPerQuarter), measured
// from the start of its measure. Measures are kept in written order; playing repeats out
// is a separate step (musicxmlplayorder.h), so one written measure may be heard twice.
#pragma once

#include "score/score.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace tutti {

struct WrittenNote
{
    Tick onset = 0;      // from the start of the measure
    Tick length = 0;     // > 0
    int pitch = 60;      // sounding MIDI pitch (transposition applied)
    int velocity = 0;    // 0 until resolved from the part's dynamics
    int voice = 1;
    bool tieStart = false;
    bool tieStop = false;
    int tremoloMarks = 0;  // strokes of a tremolo (0: none)
    int flags = 0;         // flags or beams of the written note value (eighth 1, 16th 2 ...)
    enum class Tremolo
    {
        None,
        Single,     // one note repeated
        FirstOfTwo, // alternates with the next note, which is SecondOfTwo
        SecondOfTwo,
    } tremolo = Tremolo::None;
};

struct TimedValue
{
    Tick offset = 0; // from the start of the measure
    int value = 0;
};

// Repeat barlines, volta endings and jumps (D.C., D.S., Fine, Coda) of one measure.
struct RepeatMarks
{
    bool sectionStart = false; // a new movement begins here (a D.C. goes back to it)
    bool forward = false;     // |: at the start
    int backwardTimes = 0;    // :| at the end: how often the section is played; 0 when absent
    QList<int> ending;        // volta numbers this measure belongs to; empty outside endings
    bool endingStarts = false;
    bool endingEnds = false;  // stop or discontinue at the end of this measure
    QString segno;            // label of a segno at this measure
    QString coda;             // label of a coda that starts at this measure
    QString toCoda;           // jump to that coda after this measure (on the pass after a jump)
    QString dalSegno;         // jump back to that segno after this measure
    bool daCapo = false;      // jump back to the start after this measure
    bool fine = false;        // stop after this measure (on the pass after a jump)
};

struct WrittenMeasure
{
    Tick length = 0;                  // furthest point any voice reached
    std::vector<WrittenNote> notes;
    std::vector<TimedValue> tempos;   // microseconds per quarter
    std::vector<TimedValue> dynamics; // MIDI velocity from here on
    int timeNumerator = 0;            // 0: no time signature starts here
    int timeDenominator = 0;
    bool hasKey = false;
    int keySharps = 0;
    bool keyMinor = false;
    RepeatMarks marks;
};

struct WrittenPart
{
    QString id;
    QString name;           // <part-name>
    QString instrumentName; // first <instrument-name>
    int program = -1;       // 0-based General MIDI program; -1 when the file names none
    int channel = -1;       // 0-based MIDI channel; -1 when the file names none
    bool drum = false;
    std::vector<WrittenMeasure> measures;

    std::vector<RepeatMarks> marks() const;
};

struct WrittenScore
{
    QString title;
    int ticksPerQuarter = Score::defaultTicksPerQuarter;
    std::vector<WrittenPart> parts;
    QStringList warnings;

    // Multiplies every stored time by `factor` (the working resolution grew).
    void scaleTicks(Tick factor);
};

} // namespace tutti
// end of musicxmldocument.h
