// SPDX-License-Identifier: GPL-3.0-or-later
// incrementalstep.h — one event per sequence through the network on plain floats, for decoding (internal).
//
// Usage (inside core/model only):
//   tutti::IncrementalStep step(network, 4);              // scratch for up to 4 rows, allocated once
//   step.run(codes, positions, caches, logits);           // K events -> K EventLogits
//
// At T = 1 each LibTorch op costs more in dispatch and allocation than in arithmetic, and
// a 4-layer step takes about a hundred of them. This step reads the network's weights as
// raw float arrays, calls BLAS products and writes only into buffers it owns and into the
// KV caches. K rows (the candidates of one request) share every weight matrix read: one
// matrix-matrix product of (K, D) inputs instead of K matrix-vector products, so a batch of
// four costs little more memory traffic than one. Each row has its own position and cache.
// It computes what Network::forward computes for one event with the same cache
// (tests/testmodel.cpp holds them within 1e-4 with float32 weights), so a prompt can go
// through Network::forward in one pass and the events after it through this step. With
// DecodingWeights::BFloat16 (transformermodel.h) the step keeps its own bfloat16 copy of the
// matrices (bf16matrix.h), made once when it is constructed: half the bytes read per event.
// With more than one LibTorch thread (torch::set_num_threads; the app uses every core) a step
// is one OpenMP parallel region: its threads share each bfloat16 product by blocks of rows
// and the attention by row and head (attentionkernels.h), and wait for each other between
// the parts. Each output is computed whole by one thread, so the result does not depend on
// the number of threads.
#pragma once

#include "generation/logitsource.h"
#include "model/internal/bf16matrix.h"
#include "model/internal/network.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace tutti {

using EventCodes = std::array<std::int64_t, fieldCount>;

class IncrementalStep
{
public:
    // `network` must outlive the step; its weights must stay contiguous float32.
    IncrementalStep(const Network &network, int maxRows);

    // Row k's event codes[k] at positions[k]: writes its keys and values into *caches[k] at
    // that position and the logits that predict its next event into logits[k] (sized).
    // All four spans have the same length, 1..maxRows.
    void run(std::span<const EventCodes> codes, std::span<const int> positions, std::span<KvCache *const> caches,
             std::span<EventLogits> logits);

private:
    // Every row's new key and value into its cache, and m_mixed (K, D) from m_qkv (K, 3D).
    void attend(int layerIndex, std::span<const int> positions, std::span<KvCache *const> caches);

    // out (K, rows) = in (K, columns) · weight^T + bias, from the bfloat16 copy when there is
    // one, then GELU if asked.
    void affine(const torch::Tensor &weight, const torch::Tensor &bias, const Bf16Matrix *packed, const float *in,
                float *out, int k, bool gelu = false);
    // m_x += residual (K, D) when given, then m_normed = LayerNorm(m_x), row by row.
    void normRows(const torch::Tensor &weight, const torch::Tensor &bias, const float *residual, int k);
    // One field's (K, V) logits in m_logits.
    float *fieldLogits(int field, int k);

    const Network &m_network;
    int m_maxRows;
    std::vector<Bf16Matrix> m_layerMatrices; // bfloat16 only: per layer qkv, out, in, feedOut
    std::vector<Bf16Matrix> m_headMatrices;  // bfloat16 only: per field (V, D)
    std::vector<float> m_x;         // (K, D) the residual streams
    std::vector<float> m_normed;    // (K, D) their LayerNorm
    std::vector<float> m_qkv;       // (K, 3D) = (K, 3, H, W): query, key, value of every head
    std::vector<float> m_mixed;     // (K, D) = (K, H, W): every head's attention output
    std::vector<float> m_projected; // (K, D) a sublayer's output before the residual sum
    std::vector<float> m_hidden;    // (K, 4D) the feed-forward layer's hidden units
    std::vector<float> m_scores;    // (K, H, context) each head's attention over its row's keys so far
    int m_largestVocabulary = 0;
    std::vector<float> m_logits;    // (6, K, V) every field's logits, V its vocabulary (room for the largest)
};

} // namespace tutti
// end of incrementalstep.h
