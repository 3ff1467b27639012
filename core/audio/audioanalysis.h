// SPDX-License-Identifier: GPL-3.0-or-later
// audioanalysis.h — measurements of rendered audio: onsets, peak, silence.
//
// Usage:
//   std::vector<float> stereo;  renderToBuffer(score, options, stereo);
//   auto onsets = tutti::audio::detectOnsets(stereo, 44100);   // seconds of each attack
//   double peak = tutti::audio::peakDbfs(stereo);
//
// Used by the tests and `tutti bench render` to check sound by numbers rather than by ear.
#pragma once

#include "score/score.h"

#include <vector>

namespace tutti::audio {

// Attack times in seconds of an interleaved stereo signal: the first frame at which the
// mono sum rises above `threshold` after at least `minGapSeconds` below it. Meant for
// separated percussive notes.
std::vector<double> detectOnsets(const std::vector<float> &interleaved, int sampleRate, float threshold = 0.01f,
                                 double minGapSeconds = 0.05);

double peakDbfs(const std::vector<float> &interleaved);
// Root mean square in dBFS of frames [firstFrame, lastFrame).
double rmsDbfs(const std::vector<float> &interleaved, long firstFrame, long lastFrame);

// A timing probe: `hits` short side-stick strokes (drum kit, key 37) at uneven distances,
// with a tempo change from 120 to 97 BPM halfway, so that where each stroke sounds can be
// compared with where the tempo map puts it.
Score timingProbeScore(int hits = 40);

} // namespace tutti::audio
// end of audioanalysis.h
