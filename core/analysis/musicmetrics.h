// SPDX-License-Identifier: GPL-3.0-or-later
// musicmetrics.h — the objective metrics MMT reports: pitch-class entropy, scale and groove consistency.
//
// Usage:
//   tutti::MusicMetrics m = tutti::musicMetrics(score);     // first 64 beats
//   qInfo() << m.pitchClassEntropy << m.scaleConsistency << m.grooveConsistency;
//   std::vector<double> entropies = ...;                      // one per piece
//   tutti::MetricSummary s = tutti::summarize(entropies);     // s.mean ± s.confidence95
//
// Definitions follow MusPy as the MMT paper uses them, on a grid of 12 steps per quarter
// note with onsets rounded to the nearest step, and on the notes whose onset falls inside
// the first `beats` quarter notes. Drum tracks count for groove only (their pitches are
// sounds, not pitch classes). Scale consistency and groove consistency are fractions in
// [0, 1]; a metric a score cannot define (no pitched notes, fewer than two bars) is NaN.
#pragma once

#include "score/score.h"

#include <span>

namespace tutti {

struct MusicMetrics
{
    double pitchClassEntropy = 0.0; // bits, 0 .. log2(12), of the 12-bin pitch-class histogram
    double scaleConsistency = 0.0;  // best share of notes inside one of the 24 major / natural-minor scales
    double grooveConsistency = 0.0; // 1 - mean Hamming distance of successive bars' onset vectors / steps per bar
};

inline constexpr int metricStepsPerBeat = 12;
inline constexpr int metricBeats = 64;

// Bars are as long as the time signature at tick 0 says (48 steps in 4/4, MMT's fixed
// choice); every bar from the first to the one holding the last onset counts, empty or not.
MusicMetrics musicMetrics(const Score &score, int beats = metricBeats);

struct MetricSummary
{
    int count = 0;             // values that were not NaN
    double mean = 0.0;         // NaN when count is 0
    double confidence95 = 0.0; // half-width, 1.96 standard errors (sample deviation); 0 for one value
};

// Mean and 95 % confidence interval of the non-NaN values.
MetricSummary summarize(std::span<const double> values);

} // namespace tutti
// end of musicmetrics.h
