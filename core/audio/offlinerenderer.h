// SPDX-License-Identifier: GPL-3.0-or-later
// offlinerenderer.h — a Score to audio, faster than real time, with the release tail.
//
// Usage:
//   tutti::audio::RenderOptions options;             // default SoundFont, 44.1 kHz
//   auto result = tutti::audio::renderToWav(score, u"out.wav"_s, options,
//                                           [](double done) { return !cancelled; });
//   if (!result.error.isEmpty()) report(result.error);
//
// Mute and solo apply as in playback, and so does the output limiter (peaklimiter.h), which
// delays everything by 64 frames (1.45 ms at 44.1 kHz). The file is 16-bit PCM stereo WAV, written under a
// temporary name and renamed when complete, so a cancelled or failed render leaves no file.
#pragma once

#include "score/score.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace tutti::audio {

struct RenderOptions
{
    QString soundFont;         // empty: defaultSoundFont()
    int sampleRate = 44100;
    double gain = -1;          // < 0: the synthesizer's default gain
    double maxTailSeconds = 10; // stop the release tail here even if it still rings
};

struct RenderResult
{
    QString error;             // empty on success
    bool cancelled = false;
    std::int64_t frames = 0;
    double peak = 0;           // largest absolute sample, 1.0 = full scale
    double loadSeconds = 0;    // of the time taken, how much went to loading the SoundFont
    double peakDbfs() const;
};

// Called now and then with the fraction done (0..1); return false to cancel.
using RenderProgress = std::function<bool(double fraction)>;
// Receives each rendered stretch; return false to stop with an error.
using RenderSink = std::function<bool(const float *left, const float *right, int frames)>;

RenderResult render(const Score &score, const RenderOptions &options, const RenderSink &sink,
                    const RenderProgress &progress = {});
RenderResult renderToWav(const Score &score, const QString &wavPath, const RenderOptions &options,
                         const RenderProgress &progress = {});
// Interleaved stereo (L R L R ...), for analysis and tests.
RenderResult renderToBuffer(const Score &score, const RenderOptions &options, std::vector<float> &interleaved);

} // namespace tutti::audio
// end of offlinerenderer.h
