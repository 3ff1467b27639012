// SPDX-License-Identifier: GPL-3.0-or-later
// simd.h — what the decoding step's AVX2 kernels share: the CPU check and horizontal sums (internal).
#pragma once

#include <immintrin.h>

namespace tutti::simd {

// Whether this CPU runs the AVX2 and FMA kernels; elsewhere they fall back to plain loops.
inline bool avx2AndFma()
{
    static const bool fast = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return fast;
}

// The sum of the eight lanes of a.
__attribute__((target("avx2,fma"))) inline float total(__m256 a)
{
    const __m128 half = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    const __m128 pair = _mm_add_ps(half, _mm_movehl_ps(half, half));
    return _mm_cvtss_f32(_mm_add_ss(pair, _mm_shuffle_ps(pair, pair, 1)));
}

// The sums of four accumulators' lanes: (sum a0, sum a1, sum a2, sum a3).
__attribute__((target("avx2,fma"))) inline __m128 totals(__m256 a0, __m256 a1, __m256 a2, __m256 a3)
{
    const __m256 pairs = _mm256_hadd_ps(_mm256_hadd_ps(a0, a1), _mm256_hadd_ps(a2, a3));
    return _mm_add_ps(_mm256_castps256_ps128(pairs), _mm256_extractf128_ps(pairs, 1));
}

} // namespace tutti::simd

// end of simd.h
