// SPDX-License-Identifier: GPL-3.0-or-later
// network.h — the decoder-only transformer as explicit tensors (LibTorch; internal).
//
// Usage (inside core/model only):
//   tutti::Network net(config);                      // random weights (torch's seed)
//   auto logits = net.forward(codes, {.training = true});   // codes (B, T, 6) int64
//   tutti::KvCache cache(config);                    // for incremental decoding
//   auto next = net.forward(step, {.cache = &cache, .start = 17});
//
// Shape letters: B batch, T events in the call, L layers, H heads, D width, V a field's
// vocabulary; W = D / H is a head's width. x_t = sum of six field embeddings + position t;
// then L pre-LayerNorm blocks (causal self-attention, GELU 4D feed-forward), a final
// LayerNorm and six untied linear heads.
//
// Under CPU autocast to bfloat16 (training, see trainer.h) the linear layers and attention
// products run in bf16; the residual stream stays fp32 (fp32 + bf16 promotes), so LayerNorm
// sees fp32, and softmax computes in fp32 explicitly. Without autocast everything is fp32.
#pragma once

#include "model/modelconfig.h"

#include <torch/torch.h>

#include <array>
#include <vector>

namespace tutti {

using FieldTensors = std::array<torch::Tensor, fieldCount>;

// Keys and values of every layer for positions 0..context-1 of one sequence, allocated once.
struct KvCache
{
    explicit KvCache(const ModelConfig &config);
    std::vector<torch::Tensor> keys;   // L of (1, H, context, W)
    std::vector<torch::Tensor> values; // L of (1, H, context, W)
};

struct ForwardOptions
{
    bool training = false;                      // dropout on
    KvCache *cache = nullptr;                   // B must be 1; keys/values written at start..
    int start = 0;                              // position of the first event in the call
    std::vector<torch::Tensor> *attention = nullptr; // receives L of (B, H, T, start + T)
};

class Network
{
public:
    explicit Network(const ModelConfig &config);

    const ModelConfig &config() const { return m_config; }
    // In parameterShapes() order, each requiring grad.
    std::vector<torch::Tensor> &parameters() { return m_parameters; }
    const std::vector<torch::Tensor> &parameters() const { return m_parameters; }

    // codes (B, T, 6) int64 with start + T <= context; returns six (B, T, V) logits.
    FieldTensors forward(const torch::Tensor &codes, const ForwardOptions &options = {}) const;

private:
    friend class IncrementalStep; // reads the weights as raw floats

    struct Layer
    {
        torch::Tensor norm1Weight, norm1Bias;
        torch::Tensor qkvWeight, qkvBias;
        torch::Tensor outWeight, outBias;
        torch::Tensor norm2Weight, norm2Bias;
        torch::Tensor inWeight, inBias;
        torch::Tensor feedOutWeight, feedOutBias;
    };

    torch::Tensor attend(const Layer &layer, const torch::Tensor &x, int layerIndex, const ForwardOptions &options) const;

    ModelConfig m_config;
    std::vector<torch::Tensor> m_parameters;
    FieldTensors m_embeddings;       // V x D each
    torch::Tensor m_positions;       // (context, D)
    std::vector<Layer> m_layers;
    torch::Tensor m_normWeight, m_normBias;
    FieldTensors m_headWeights;      // (V, D) each
    FieldTensors m_headBiases;       // (V) each
    torch::Tensor m_futureMask;      // (context, context) bool, true above the diagonal
};

} // namespace tutti
// end of network.h
