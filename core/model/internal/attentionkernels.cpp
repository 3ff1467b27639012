// SPDX-License-Identifier: GPL-3.0-or-later
// attentionkernels.cpp — scores, softmax and the weighted sum of values for one head, in AVX2 or plain loops.
#include "model/internal/attentionkernels.h"

#include "model/internal/simd.h"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace tutti {
namespace {

// scores[j] = keys[j] · query * scale
void scoresPlain(const float *query, const float *keys, int keyCount, int width, float scale, float *scores)
{
    for (int j = 0; j < keyCount; ++j) {
        const float *key = keys + static_cast<std::ptrdiff_t>(j) * width;
        float sum = 0.0f;
        for (int c = 0; c < width; ++c)
            sum += key[c] * query[c];
        scores[j] = sum * scale;
    }
}

// out = sum over j of weights[j] * values[j]
void weightedSumPlain(const float *values, int keyCount, int width, const float *weights, float *out)
{
    std::fill_n(out, width, 0.0f);
    for (int j = 0; j < keyCount; ++j) {
        const float *value = values + static_cast<std::ptrdiff_t>(j) * width;
        for (int c = 0; c < width; ++c)
            out[c] += weights[j] * value[c];
    }
}

// The width a multiple of 8: four keys at a time, their four sums gathered by horizontal adds.
__attribute__((target("avx2,fma"))) void scoresAvx2(const float *query, const float *keys, int keyCount, int width,
                                                    float scale, float *scores)
{
    int j = 0;
    for (; j + 4 <= keyCount; j += 4) {
        const float *k0 = keys + static_cast<std::ptrdiff_t>(j) * width;
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        for (int c = 0; c < width; c += 8) {
            const __m256 q = _mm256_loadu_ps(query + c);
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(k0 + c), q, a0);
            a1 = _mm256_fmadd_ps(_mm256_loadu_ps(k0 + width + c), q, a1);
            a2 = _mm256_fmadd_ps(_mm256_loadu_ps(k0 + 2 * width + c), q, a2);
            a3 = _mm256_fmadd_ps(_mm256_loadu_ps(k0 + 3 * width + c), q, a3);
        }
        _mm_storeu_ps(scores + j, _mm_mul_ps(simd::totals(a0, a1, a2, a3), _mm_set1_ps(scale)));
    }
    for (; j < keyCount; ++j) {
        const float *key = keys + static_cast<std::ptrdiff_t>(j) * width;
        __m256 a = _mm256_setzero_ps();
        for (int c = 0; c < width; c += 8)
            a = _mm256_fmadd_ps(_mm256_loadu_ps(key + c), _mm256_loadu_ps(query + c), a);
        scores[j] = simd::total(a) * scale;
    }
}

// The width a multiple of 8: 32 columns at a time held in four registers over all keys.
__attribute__((target("avx2,fma"))) void weightedSumAvx2(const float *values, int keyCount, int width,
                                                         const float *weights, float *out)
{
    int c = 0;
    for (; c + 32 <= width; c += 32) {
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        for (int j = 0; j < keyCount; ++j) {
            const float *value = values + static_cast<std::ptrdiff_t>(j) * width + c;
            const __m256 weight = _mm256_set1_ps(weights[j]);
            a0 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value), a0);
            a1 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 8), a1);
            a2 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 16), a2);
            a3 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 24), a3);
        }
        _mm256_storeu_ps(out + c, a0);
        _mm256_storeu_ps(out + c + 8, a1);
        _mm256_storeu_ps(out + c + 16, a2);
        _mm256_storeu_ps(out + c + 24, a3);
    }
    for (; c < width; c += 8) {
        __m256 a = _mm256_setzero_ps();
        for (int j = 0; j < keyCount; ++j)
            a = _mm256_fmadd_ps(_mm256_set1_ps(weights[j]),
                                _mm256_loadu_ps(values + static_cast<std::ptrdiff_t>(j) * width + c), a);
        _mm256_storeu_ps(out + c, a);
    }
}

} // namespace

void attendOneHead(const float *query, const float *keys, const float *values, int keyCount, int width, float *scores,
                   float *out)
{
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(width)));
    const bool vectors = simd::avx2AndFma() && width % 8 == 0;
    if (vectors)
        scoresAvx2(query, keys, keyCount, width, scale, scores);
    else
        scoresPlain(query, keys, keyCount, width, scale, scores);

    const float best = *std::max_element(scores, scores + keyCount);
    float sum = 0.0f;
    for (int j = 0; j < keyCount; ++j) {
        scores[j] = std::exp(scores[j] - best);
        sum += scores[j];
    }
    const float normaliser = 1.0f / sum;
    for (int j = 0; j < keyCount; ++j)
        scores[j] *= normaliser;

    if (vectors)
        weightedSumAvx2(values, keyCount, width, scores, out);
    else
        weightedSumPlain(values, keyCount, width, scores, out);
}

} // namespace tutti

// end of attentionkernels.cpp
