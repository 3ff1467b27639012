// SPDX-License-Identifier: GPL-3.0-or-later
// bf16matrix.h — a weight matrix kept as bfloat16 for the decoding step (internal).
//
// Usage (inside core/model only):
//   tutti::Bf16Matrix qkv(weight.data_ptr<float>(), 768, 256);   // rounded once
//   qkv.affine(bias, in, out, k);                                   // out (K, 768) = in (K, 256) W^T + b
//
// Decoding one event reads every weight of the model once per step, and on a CPU whose
// cache the model does not fit (or shares with other work) the step waits on memory more
// than it computes. bfloat16 is the upper half of a float32: half the bytes to read, and
// turned back into float32 by a shift. The products and sums stay in float32. A weight
// rounded to bfloat16 keeps 8 significant bits, so logits move by about 1e-2 (measured in
// tests/testmodelbf16weights.cpp). The AVX2 and FMA kernel (one input: four weight rows at
// a time; four inputs: each pair of weight rows widened once for all four) runs where the CPU has them;
// elsewhere a plain loop gives the same results, slowly (decodingWeights() then picks fp32).
#pragma once

#include <cstdint>
#include <vector>

namespace tutti {

class Bf16Matrix
{
public:
    // `weights` (rows, columns) row-major float32, rounded to the nearest bfloat16 (ties to even).
    Bf16Matrix(const float *weights, int rows, int columns);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    float at(int row, int column) const; // the stored weight, as float32

    // out (K, rows) = in (K, columns) · weights^T + bias (rows); allocates nothing.
    void affine(const float *bias, const float *in, float *out, int k) const;
    // The same for the output columns [firstRow, endRow) only, the rest of out untouched:
    // threads that share one product each take a range of rows.
    void affine(const float *bias, const float *in, float *out, int k, int firstRow, int endRow) const;

    // Whether this CPU runs the vector kernel (AVX2 and FMA).
    static bool fastOnThisCpu();

private:
    int m_rows = 0;
    int m_columns = 0;
    std::vector<std::uint16_t> m_values; // (rows, columns): the upper 16 bits of each float32
};

} // namespace tutti

// end of bf16matrix.h
