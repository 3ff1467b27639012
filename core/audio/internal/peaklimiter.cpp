// SPDX-License-Identifier: GPL-3.0-or-later
// peaklimiter.cpp — one-block look-ahead gain riding.
#include "peaklimiter.h"

#include <algorithm>
#include <cmath>

namespace tutti::audio {

namespace {

float blockPeak(const float *left, const float *right)
{
    float peak = 0.0f;
    for (int i = 0; i < Synthesizer::blockFrames; ++i)
        peak = std::max({peak, std::abs(left[i]), std::abs(right[i])});
    return peak;
}

} // namespace

PeakLimiter::PeakLimiter(int sampleRate)
    : m_recovery(std::exp(-static_cast<float>(Synthesizer::blockFrames) / (0.3f * static_cast<float>(sampleRate))))
{
}

void PeakLimiter::process(float *left, float *right)
{
    const float incomingPeak = blockPeak(left, right);
    // The gain at the end of the held block must already suit the block after it, and
    // every gain on the way must suit the held block itself.
    float target = 1.0f - (1.0f - m_gain) * m_recovery;
    if (incomingPeak > 0.0f)
        target = std::min(target, ceiling / incomingPeak);
    if (m_delayedPeak > 0.0f)
        target = std::min(target, ceiling / m_delayedPeak);

    const float step = (target - m_gain) / Synthesizer::blockFrames;
    for (int i = 0; i < Synthesizer::blockFrames; ++i) {
        const float gain = m_gain + step * static_cast<float>(i + 1);
        std::swap(left[i], m_heldLeft[i]);
        std::swap(right[i], m_heldRight[i]);
        left[i] *= gain;
        right[i] *= gain;
    }
    m_gain = target;
    m_delayedPeak = incomingPeak;
}

} // namespace tutti::audio
// end of peaklimiter.cpp
