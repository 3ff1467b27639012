// SPDX-License-Identifier: GPL-3.0-or-later
// musicmetrics.cpp — pitch-class histogram, scale fit and bar-to-bar onset agreement.
#include "analysis/musicmetrics.h"

#include "score/timemap.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace tutti {
namespace {

constexpr double notDefined = std::numeric_limits<double>::quiet_NaN();

// Pitch classes of a major scale and of a natural-minor scale, from their root.
constexpr std::array<int, 7> majorSteps = {0, 2, 4, 5, 7, 9, 11};
constexpr std::array<int, 7> minorSteps = {0, 2, 3, 5, 7, 8, 10};

// Onset on the 12-per-beat grid, rounded to the nearest step.
std::int64_t onsetStep(Tick start, int ticksPerQuarter)
{
    return (start * metricStepsPerBeat * 2 + ticksPerQuarter) / (2 * ticksPerQuarter);
}

double entropyBits(const std::array<int, 12> &histogram, int total)
{
    double bits = 0.0;
    for (int count : histogram) {
        if (count > 0) {
            const double share = static_cast<double>(count) / total;
            bits -= share * std::log2(share);
        }
    }
    return bits;
}

double bestScaleShare(const std::array<int, 12> &histogram, int total)
{
    int best = 0;
    for (int root = 0; root < 12; ++root) {
        for (const std::array<int, 7> &steps : {majorSteps, minorSteps}) {
            int inside = 0;
            for (int step : steps)
                inside += histogram[(root + step) % 12];
            best = std::max(best, inside);
        }
    }
    return static_cast<double>(best) / total;
}

double grooveOf(const std::vector<std::int64_t> &onsets, int stepsPerBar)
{
    if (onsets.empty())
        return notDefined;
    const std::int64_t bars = *std::max_element(onsets.begin(), onsets.end()) / stepsPerBar + 1;
    if (bars < 2)
        return notDefined;
    std::vector<char> hits(static_cast<std::size_t>(bars * stepsPerBar), 0); // (bars, stepsPerBar)
    for (std::int64_t onset : onsets)
        hits[static_cast<std::size_t>(onset)] = 1;
    std::int64_t differences = 0;
    for (std::int64_t bar = 1; bar < bars; ++bar) {
        for (int step = 0; step < stepsPerBar; ++step)
            differences += hits[bar * stepsPerBar + step] != hits[(bar - 1) * stepsPerBar + step];
    }
    return 1.0 - static_cast<double>(differences) / (static_cast<double>(stepsPerBar) * (bars - 1));
}

} // namespace

MusicMetrics musicMetrics(const Score &score, int beats)
{
    const std::int64_t endStep = static_cast<std::int64_t>(beats) * metricStepsPerBeat;
    std::array<int, 12> pitchClasses{};
    int pitched = 0;
    std::vector<std::int64_t> onsets;
    for (const Track &track : score.tracks) {
        for (const Note &note : track.notes) {
            const std::int64_t step = onsetStep(note.start, score.ticksPerQuarter);
            if (step < 0 || step >= endStep)
                continue;
            onsets.push_back(step);
            if (!track.isDrum) {
                ++pitchClasses[static_cast<std::size_t>(((note.pitch % 12) + 12) % 12)];
                ++pitched;
            }
        }
    }

    const TimeSignatureChange metre = TimeMap(score).timeSignatureAt(0);
    const int stepsPerBar = std::max(1, metre.numerator * 4 * metricStepsPerBeat / metre.denominator);

    MusicMetrics metrics;
    metrics.pitchClassEntropy = pitched > 0 ? entropyBits(pitchClasses, pitched) : notDefined;
    metrics.scaleConsistency = pitched > 0 ? bestScaleShare(pitchClasses, pitched) : notDefined;
    metrics.grooveConsistency = grooveOf(onsets, stepsPerBar);
    return metrics;
}

MetricSummary summarize(std::span<const double> values)
{
    MetricSummary summary;
    double sum = 0.0;
    for (double value : values) {
        if (!std::isnan(value)) {
            sum += value;
            ++summary.count;
        }
    }
    if (summary.count == 0) {
        summary.mean = notDefined;
        return summary;
    }
    summary.mean = sum / summary.count;
    if (summary.count > 1) {
        double squares = 0.0;
        for (double value : values) {
            if (!std::isnan(value))
                squares += (value - summary.mean) * (value - summary.mean);
        }
        const double deviation = std::sqrt(squares / (summary.count - 1));
        summary.confidence95 = 1.96 * deviation / std::sqrt(static_cast<double>(summary.count));
    }
    return summary;
}

} // namespace tutti
// end of musicmetrics.cpp
