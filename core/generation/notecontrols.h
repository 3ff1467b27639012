// SPDX-License-Identifier: GPL-3.0-or-later
// notecontrols.h — the composer's steering: density, polyphony, rhythm grid, motion, ranges.
//
// Usage:
//   tutti::NoteControls controls;                       // everything as the model likes
//   controls.density = tutti::DensityChoice::Notes;  controls.notesPerBar = 6;
//   controls.polyphony = 1;                             // a single line
//   QString error = tutti::parseGrid(u"1/8t"_s, controls.grid);
//   error = tutti::parsePitchRange(u"C4-G5"_s, controls.lowestPitch, controls.highestPitch);
//   request.controls = controls;                        // suggestion.h: every written track
//   request.trackControls[2] = cello;                   // or one track its own
//   // after suggest(): what each part asked for and what it got
//   for (const QString &line : suggestion.controls.lines()) print(line);
//
// The sampler enforces these while it draws (internal/controlmask.h), so no retraining is
// needed: onsets off the grid, pitches out of range or too far from the line's last note,
// a note that would sound with `polyphony` others of its track, and a note past the bar's
// density quota are forbidden; a bar is not left before its quota is met. Velocity is not
// something the model writes: the notes get velocities spread over the range by metre.
#pragma once

#include "score/score.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tutti {

enum class RhythmGrid
{
    Any,               // every twelfth of a beat the representation has
    Quarter,           // 1/4
    Eighth,            // 1/8
    Sixteenth,         // 1/16
    EighthTriplet,     // 1/8t
    SixteenthTriplet,  // 1/16t
};

enum class DensityChoice
{
    Any,
    Notes,   // NoteControls::notesPerBar
    Low,     // half the context's notes per bar, per track
    Medium,  // as many as the context has
    High,    // twice as many
};

struct NoteControls
{
    DensityChoice density = DensityChoice::Any;
    double notesPerBar = 0.0;   // with DensityChoice::Notes (0 < n <= 48); after resolving, every choice
    int polyphony = 0;          // most notes sounding at once in a track; 0: any
    RhythmGrid grid = RhythmGrid::Any;
    int maxLeap = -1;           // semitones between a track's successive onsets (top notes); -1: any
    double stepPreference = 0.0; // -1 (prefer leaps) .. 1 (prefer steps); 0: as the model likes
    int lowestPitch = 0;        // in addition to the instrument's own range
    int highestPitch = 127;
    int lowestVelocity = 0;     // 0: the track's own velocity; else 1..127 with highestVelocity
    int highestVelocity = 0;

    bool hasPitchRange() const { return lowestPitch > 0 || highestPitch < 127; }
    bool hasVelocityRange() const { return lowestVelocity > 0; }
    friend bool operator==(const NoteControls &, const NoteControls &) = default;
};

// Twelfths of a beat between grid onsets (Any: 1).
int gridStep(RhythmGrid grid);
QStringList gridNames();                 // "any", "1/4", "1/8", "1/16", "1/8t", "1/16t", in RhythmGrid order
QString gridName(RhythmGrid grid);
QString parseGrid(const QString &text, RhythmGrid &grid); // empty on success

QString pitchText(int pitch);            // "C4" for 60, sharps for the black keys
// "C4-G5", "c#3-a4", "60-72"; empty on success.
QString parsePitchRange(const QString &text, int &lowest, int &highest);
// "40-90" (1..127); empty on success.
QString parseVelocityRange(const QString &text, int &lowest, int &highest);
// A number of notes per bar, or low / medium / high; empty on success.
QString parseDensity(const QString &text, DensityChoice &choice, double &notesPerBar);
QString densityText(const NoteControls &controls); // "6 notes/bar", "high", "any"

// What one written part asked for (density resolved to a number) and what it got.
struct PartControlReport
{
    QString part;              // the track's name
    NoteControls asked;
    bool densityAsked = false; // asked.notesPerBar is a request, not the model's choice
    int notes = 0;
    double notesPerBar = 0.0;
    int polyphony = 0;         // most notes sounding at once
    int lowestPitch = 0;
    int highestPitch = 0;
    int largestLeap = 0;       // between successive onsets' top notes
    double onGrid = 1.0;       // share of onsets on asked.grid (1 when the grid is Any)
    int lowestVelocity = 0;
    int highestVelocity = 0;

    // "Violin: density 6.0/bar (asked 6), polyphony 1 (asked 1), range C4-G5 (asked C4-G5), ..."
    QString describe() const;
};

struct ControlReport
{
    std::vector<PartControlReport> parts;
    QStringList lines() const;
};

// Measures notes the way the controls mean them: notes per bar over `bars` bars, the most
// sounding at once, the lowest and highest pitch, the largest leap between successive
// onsets' top notes, the share of onsets on the grid (beats at ticks multiple of
// ticksPerQuarter).
PartControlReport measureNotes(const std::vector<Note> &notes, int ticksPerQuarter, double bars, const NoteControls &asked);

} // namespace tutti
// end of notecontrols.h
