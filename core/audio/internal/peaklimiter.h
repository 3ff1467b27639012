// SPDX-License-Identifier: GPL-3.0-or-later
// peaklimiter.h — keeps the stereo output under a ceiling without clipping.
//
// SoundFonts differ in level by 5 dB or more, and a tutti chord can add up past full
// scale. The limiter looks one 64-frame block ahead (so it adds 64 frames, 1.45 ms at
// 44.1 kHz, of latency), lowers the gain smoothly before a peak arrives, and lets it
// recover over about 300 ms. It allocates nothing: safe in the audio callback.
#pragma once

#include "synthesizer.h"

#include <array>

namespace tutti::audio {

class PeakLimiter
{
public:
    static constexpr float ceiling = 0.871f; // -1.2 dBFS

    explicit PeakLimiter(int sampleRate);

    // Takes one block in place and gives back the previous block, limited.
    void process(float *left, float *right);

private:
    float m_gain = 1.0f;
    float m_recovery;            // per-block factor pulling the gain back towards 1
    float m_delayedPeak = 0.0f;  // peak of the held block
    std::array<float, Synthesizer::blockFrames> m_heldLeft{};
    std::array<float, Synthesizer::blockFrames> m_heldRight{};
};

} // namespace tutti::audio
// end of peaklimiter.h
