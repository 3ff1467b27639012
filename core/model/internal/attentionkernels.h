// SPDX-License-Identifier: GPL-3.0-or-later
// attentionkernels.h — one head's attention for one new event over its cached keys and values (internal).
//
// Usage (inside core/model only):
//   tutti::attendOneHead(query, keys, values, keyCount, width, scores, out);
//
// In decoding, each head of each layer reads every key and value cached so far for one query.
// At a few hundred events that is more memory than the weights, in rows of a head's width
// (32 floats): too short for a BLAS call to pay for itself. These loops read each key and
// value row once with AVX2 and FMA where the CPU has them, and in plain float32 elsewhere.
#pragma once

namespace tutti {

// out (W) = softmax(keys (N, W) · query (W) * scale) · values (N, W), with N = keyCount and
// scale = 1/sqrt(W); `scores` (N) is scratch. Rows of keys and values are W floats apart.
void attendOneHead(const float *query, const float *keys, const float *values, int keyCount, int width, float *scores,
                   float *out);

} // namespace tutti

// end of attentionkernels.h
