// SPDX-License-Identifier: GPL-3.0-or-later
// audioanalysis.cpp — threshold onsets, peak and RMS levels.
#include "audio/audioanalysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tutti::audio {

namespace {

double toDbfs(double amplitude)
{
    return amplitude > 0 ? 20.0 * std::log10(amplitude) : -std::numeric_limits<double>::infinity();
}

} // namespace

std::vector<double> detectOnsets(const std::vector<float> &interleaved, int sampleRate, float threshold,
                                 double minGapSeconds)
{
    std::vector<double> onsets;
    const long frames = static_cast<long>(interleaved.size() / 2);
    const long minGap = static_cast<long>(minGapSeconds * sampleRate);
    long quiet = minGap; // the start of the signal counts as silence before it
    for (long frame = 0; frame < frames; ++frame) {
        const float mono = 0.5f * (interleaved[2 * frame] + interleaved[2 * frame + 1]);
        if (std::abs(mono) > threshold) {
            if (quiet >= minGap)
                onsets.push_back(static_cast<double>(frame) / sampleRate);
            quiet = 0;
        } else {
            ++quiet;
        }
    }
    return onsets;
}

double peakDbfs(const std::vector<float> &interleaved)
{
    float peak = 0;
    for (float sample : interleaved)
        peak = std::max(peak, std::abs(sample));
    return toDbfs(peak);
}

double rmsDbfs(const std::vector<float> &interleaved, long firstFrame, long lastFrame)
{
    const long frames = static_cast<long>(interleaved.size() / 2);
    firstFrame = std::clamp(firstFrame, 0L, frames);
    lastFrame = std::clamp(lastFrame, firstFrame, frames);
    if (lastFrame == firstFrame)
        return toDbfs(0);
    double sum = 0;
    for (long i = 2 * firstFrame; i < 2 * lastFrame; ++i)
        sum += static_cast<double>(interleaved[i]) * interleaved[i];
    return toDbfs(std::sqrt(sum / static_cast<double>(2 * (lastFrame - firstFrame))));
}

Score timingProbeScore(int hits)
{
    Score score;
    Track &kit = score.addTrack(QStringLiteral("Side stick"), 0);
    kit.isDrum = true;
    kit.channel = 9;
    // Strokes 0.4 to 0.6 beats apart plus an odd number of ticks, so that they fall at
    // every offset within FluidSynth's 64-frame blocks.
    Tick tick = 0;
    for (int i = 0; i < hits; ++i) {
        kit.notes.push_back({tick, 60, 37, 120});
        tick += 480 * 2 / 5 + (i * 37) % 97;
        if (i == hits / 2)
            score.tempos = {{0, 500000}, {tick, 618557}};
    }
    score.normalize();
    return score;
}

} // namespace tutti::audio
// end of audioanalysis.cpp
