// SPDX-License-Identifier: GPL-3.0-or-later
// bf16matrix.cpp — rounding to bfloat16, and K rows times a bfloat16 matrix in AVX2.
#include "model/internal/bf16matrix.h"

#include "model/internal/simd.h"

#include <immintrin.h>

#include <cstring>

namespace tutti {
namespace {

std::uint16_t toBf16(float value)
{
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    bits += 0x7FFFu + ((bits >> 16) & 1u); // round to nearest, ties to even (weights are finite)
    return static_cast<std::uint16_t>(bits >> 16);
}

float fromBf16(std::uint16_t value)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(value) << 16;
    float result = 0.0f;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

// In every kernel below, `weights` and `bias` start at the first row to compute, `rows` rows
// are computed, and input i's row of results starts at out + i * stride.

// Any CPU: the same sums in the same float32 arithmetic, one weight at a time.
void affinePlain(const std::uint16_t *weights, int rows, int columns, const float *bias, const float *in, float *out,
                 std::ptrdiff_t stride, int k)
{
    for (int i = 0; i < k; ++i) {
        for (int row = 0; row < rows; ++row) {
            float sum = 0.0f;
            for (int column = 0; column < columns; ++column)
                sum += fromBf16(weights[static_cast<std::ptrdiff_t>(row) * columns + column]) * in[i * columns + column];
            out[i * stride + row] = bias[row] + sum;
        }
    }
}

__attribute__((target("avx2,fma"))) inline __m256 widen8(const std::uint16_t *values)
{
    const __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i *>(values));
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(half), 16));
}

// out[row] = bias[row] + weights[row] · x for one input row: blocks of four weight rows read
// straight from bfloat16 into registers, each weight once.
__attribute__((target("avx2,fma"))) void oneInput(const std::uint16_t *weights, int rows, int columns,
                                                  const float *bias, const float *x, float *out)
{
    const int vectorColumns = columns & ~7;
    int row = 0;
    for (; row + 4 <= rows; row += 4) {
        const std::uint16_t *block = weights + static_cast<std::ptrdiff_t>(row) * columns;
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        for (int c = 0; c < vectorColumns; c += 8) {
            const __m256 xv = _mm256_loadu_ps(x + c);
            a0 = _mm256_fmadd_ps(widen8(block + c), xv, a0);
            a1 = _mm256_fmadd_ps(widen8(block + columns + c), xv, a1);
            a2 = _mm256_fmadd_ps(widen8(block + 2 * columns + c), xv, a2);
            a3 = _mm256_fmadd_ps(widen8(block + 3 * columns + c), xv, a3);
        }
        alignas(16) float sums[4];
        _mm_store_ps(sums, simd::totals(a0, a1, a2, a3));
        for (int r = 0; r < 4; ++r) {
            for (int c = vectorColumns; c < columns; ++c)
                sums[r] += fromBf16(block[r * columns + c]) * x[c];
            out[row + r] = bias[row + r] + sums[r];
        }
    }
    for (; row < rows; ++row) { // the last rows of a matrix whose rows are not a multiple of four
        const std::uint16_t *line = weights + static_cast<std::ptrdiff_t>(row) * columns;
        __m256 a = _mm256_setzero_ps();
        for (int c = 0; c < vectorColumns; c += 8)
            a = _mm256_fmadd_ps(widen8(line + c), _mm256_loadu_ps(x + c), a);
        float sum = simd::total(a);
        for (int c = vectorColumns; c < columns; ++c)
            sum += fromBf16(line[c]) * x[c];
        out[row] = bias[row] + sum;
    }
}

// Four input rows at once: each pair of weight rows is widened once per eight columns and
// multiplies all four inputs (eight accumulators), so a weight is read once per four inputs
// and every load feeds more than one product.
__attribute__((target("avx2,fma"))) void fourInputs(const std::uint16_t *weights, int rows, int columns,
                                                    const float *bias, const float *in, float *out, std::ptrdiff_t stride)
{
    const int vectorColumns = columns & ~7;
    const float *x0 = in;
    const float *x1 = in + columns;
    const float *x2 = in + 2 * static_cast<std::ptrdiff_t>(columns);
    const float *x3 = in + 3 * static_cast<std::ptrdiff_t>(columns);
    const auto store = [&](int row, const float *sums) { // sums[j]: input j's product with the row
        for (int j = 0; j < 4; ++j)
            out[j * stride + row] = bias[row] + sums[j];
    };
    int row = 0;
    for (; row + 2 <= rows; row += 2) {
        const std::uint16_t *w0 = weights + static_cast<std::ptrdiff_t>(row) * columns;
        const std::uint16_t *w1 = w0 + columns;
        __m256 a00 = _mm256_setzero_ps(), a01 = a00, a02 = a00, a03 = a00;
        __m256 a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        for (int c = 0; c < vectorColumns; c += 8) {
            const __m256 v0 = widen8(w0 + c);
            const __m256 v1 = widen8(w1 + c);
            const __m256 y0 = _mm256_loadu_ps(x0 + c), y1 = _mm256_loadu_ps(x1 + c);
            const __m256 y2 = _mm256_loadu_ps(x2 + c), y3 = _mm256_loadu_ps(x3 + c);
            a00 = _mm256_fmadd_ps(v0, y0, a00);
            a01 = _mm256_fmadd_ps(v0, y1, a01);
            a02 = _mm256_fmadd_ps(v0, y2, a02);
            a03 = _mm256_fmadd_ps(v0, y3, a03);
            a10 = _mm256_fmadd_ps(v1, y0, a10);
            a11 = _mm256_fmadd_ps(v1, y1, a11);
            a12 = _mm256_fmadd_ps(v1, y2, a12);
            a13 = _mm256_fmadd_ps(v1, y3, a13);
        }
        alignas(16) float first[4];
        alignas(16) float second[4];
        _mm_store_ps(first, simd::totals(a00, a01, a02, a03));
        _mm_store_ps(second, simd::totals(a10, a11, a12, a13));
        for (int c = vectorColumns; c < columns; ++c) {
            const float u = fromBf16(w0[c]);
            const float v = fromBf16(w1[c]);
            first[0] += u * x0[c], first[1] += u * x1[c], first[2] += u * x2[c], first[3] += u * x3[c];
            second[0] += v * x0[c], second[1] += v * x1[c], second[2] += v * x2[c], second[3] += v * x3[c];
        }
        store(row, first);
        store(row + 1, second);
    }
    for (; row < rows; ++row) { // an odd last row
        for (int j = 0; j < 4; ++j)
            oneInput(weights + static_cast<std::ptrdiff_t>(row) * columns, 1, columns, bias + row,
                     in + static_cast<std::ptrdiff_t>(j) * columns, out + j * stride + row);
    }
}

// K input rows: four at a time, the rest one by one.
__attribute__((target("avx2,fma"))) void affineAvx2(const std::uint16_t *weights, int rows, int columns,
                                                    const float *bias, const float *in, float *out,
                                                    std::ptrdiff_t stride, int k)
{
    int i = 0;
    for (; i + 4 <= k; i += 4)
        fourInputs(weights, rows, columns, bias, in + static_cast<std::ptrdiff_t>(i) * columns, out + i * stride, stride);
    for (; i < k; ++i)
        oneInput(weights, rows, columns, bias, in + static_cast<std::ptrdiff_t>(i) * columns, out + i * stride);
}

} // namespace

Bf16Matrix::Bf16Matrix(const float *weights, int rows, int columns)
    : m_rows(rows)
    , m_columns(columns)
    , m_values(static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns))
{
    for (std::size_t i = 0; i < m_values.size(); ++i)
        m_values[i] = toBf16(weights[i]);
}

float Bf16Matrix::at(int row, int column) const
{
    return fromBf16(m_values[static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(column)]);
}

void Bf16Matrix::affine(const float *bias, const float *in, float *out, int k) const
{
    affine(bias, in, out, k, 0, m_rows);
}

void Bf16Matrix::affine(const float *bias, const float *in, float *out, int k, int firstRow, int endRow) const
{
    const std::uint16_t *weights = m_values.data() + static_cast<std::ptrdiff_t>(firstRow) * m_columns;
    const int rows = endRow - firstRow;
    if (fastOnThisCpu())
        affineAvx2(weights, rows, m_columns, bias + firstRow, in, out + firstRow, m_rows, k);
    else
        affinePlain(weights, rows, m_columns, bias + firstRow, in, out + firstRow, m_rows, k);
}

bool Bf16Matrix::fastOnThisCpu()
{
    return simd::avx2AndFma();
}

} // namespace tutti

// end of bf16matrix.cpp
