// SPDX-License-Identifier: GPL-3.0-or-later
// network.cpp — embeddings, causal attention blocks and heads.
#include "model/internal/network.h"

#include <cmath>
#include <limits>

namespace tutti {

KvCache::KvCache(const ModelConfig &config)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat32);
    for (int layer = 0; layer < config.layers; ++layer) {
        keys.push_back(torch::zeros({1, config.heads, config.context, config.headWidth()}, options));   // (1, H, context, W)
        values.push_back(torch::zeros({1, config.heads, config.context, config.headWidth()}, options)); // (1, H, context, W)
    }
}

Network::Network(const ModelConfig &config)
    : m_config(config)
{
    torch::NoGradGuard noGrad;
    const double outputScale = 0.02 / std::sqrt(2.0 * config.layers); // GPT-2: residual writes shrink with depth
    for (const ParameterShape &parameter : parameterShapes(config)) {
        const std::string &name = parameter.name;
        torch::Tensor tensor;
        if (parameter.shape.size() == 1)
            tensor = name.ends_with("norm1.weight") || name.ends_with("norm2.weight") || name == "norm.weight"
                ? torch::ones(parameter.shape) : torch::zeros(parameter.shape);
        else if (name.ends_with("attention.out.weight") || name.ends_with("feedforward.out.weight"))
            tensor = torch::randn(parameter.shape) * outputScale;
        else
            tensor = torch::randn(parameter.shape) * 0.02;
        m_parameters.push_back(tensor.contiguous().set_requires_grad(true));
    }

    std::size_t next = 0;
    for (torch::Tensor &embedding : m_embeddings)
        embedding = m_parameters[next++];
    m_positions = m_parameters[next++];
    for (int i = 0; i < config.layers; ++i) {
        Layer layer;
        for (torch::Tensor *tensor : {&layer.norm1Weight, &layer.norm1Bias, &layer.qkvWeight, &layer.qkvBias,
                                      &layer.outWeight, &layer.outBias, &layer.norm2Weight, &layer.norm2Bias,
                                      &layer.inWeight, &layer.inBias, &layer.feedOutWeight, &layer.feedOutBias})
            *tensor = m_parameters[next++];
        m_layers.push_back(layer);
    }
    m_normWeight = m_parameters[next++];
    m_normBias = m_parameters[next++];
    for (int field = 0; field < fieldCount; ++field) {
        m_headWeights[field] = m_parameters[next++];
        m_headBiases[field] = m_parameters[next++];
    }
    m_futureMask = torch::ones({config.context, config.context}, torch::kBool).triu(1); // (context, context)
}

torch::Tensor Network::attend(const Layer &layer, const torch::Tensor &x, int layerIndex, const ForwardOptions &options) const
{
    const int64_t b = x.size(0);
    const int64_t t = x.size(1);
    const int64_t h = m_config.heads;
    const int64_t w = m_config.headWidth();
    const int64_t d = m_config.width;

    const torch::Tensor qkv = torch::linear(x, layer.qkvWeight, layer.qkvBias)        // (B, T, 3D)
                                  .view({b, t, 3, h, w})                              // (B, T, 3, H, W)
                                  .permute({2, 0, 3, 1, 4});                          // (3, B, H, T, W)
    const torch::Tensor q = qkv[0] * (1.0 / std::sqrt(static_cast<double>(w)));       // (B, H, T, W), pre-scaled
    torch::Tensor k = qkv[1];                                                         // (B, H, T, W)
    torch::Tensor v = qkv[2];                                                         // (B, H, T, W)
    const int64_t end = options.start + t;
    if (options.cache) {
        options.cache->keys[layerIndex].narrow(2, options.start, t).copy_(k);         // (1, H, T, W) into the cache
        options.cache->values[layerIndex].narrow(2, options.start, t).copy_(v);
        k = options.cache->keys[layerIndex].narrow(2, 0, end);                        // (1, H, start + T, W)
        v = options.cache->values[layerIndex].narrow(2, 0, end);                      // (1, H, start + T, W)
    }

    // The (T, T) score and weight matrices dominate training memory, so the mask is applied
    // in place and the weights get no dropout of their own (residual dropout remains).
    torch::Tensor scores = torch::matmul(q, k.transpose(-2, -1));                     // (B, H, T, start + T)
    if (t > 1)
        scores.masked_fill_(m_futureMask.narrow(0, options.start, t).narrow(1, 0, end), // (T, start + T)
                            -std::numeric_limits<float>::infinity());
    const torch::Tensor weights = torch::softmax(scores, -1, torch::kFloat32);       // (B, H, T, start + T), fp32 under bf16 autocast too
    if (options.attention)
        options.attention->push_back(weights.detach());
    const torch::Tensor mixed = torch::matmul(weights, v)                             // (B, H, T, W)
                                    .transpose(1, 2)                                  // (B, T, H, W)
                                    .reshape({b, t, d});                              // (B, T, D)
    return torch::linear(mixed, layer.outWeight, layer.outBias);                      // (B, T, D)
}

FieldTensors Network::forward(const torch::Tensor &codes, const ForwardOptions &options) const
{
    const int64_t t = codes.size(1);
    const int64_t d = m_config.width;
    TORCH_CHECK(options.start >= 0 && options.start + t <= m_config.context, "sequence longer than the model's context");

    torch::Tensor x = m_positions.narrow(0, options.start, t);                        // (T, D)
    for (int field = 0; field < fieldCount; ++field)
        x = x + torch::embedding(m_embeddings[field], codes.select(2, field));        // (B, T, D)
    x = torch::dropout(x, m_config.dropout, options.training);                        // (B, T, D)

    for (int i = 0; i < m_config.layers; ++i) {
        const Layer &layer = m_layers[i];
        const torch::Tensor normed = torch::layer_norm(x, {d}, layer.norm1Weight, layer.norm1Bias); // (B, T, D)
        x = x + torch::dropout(attend(layer, normed, i, options), m_config.dropout, options.training); // (B, T, D)
        const torch::Tensor hidden = torch::gelu(torch::linear(torch::layer_norm(x, {d}, layer.norm2Weight, layer.norm2Bias),
                                                               layer.inWeight, layer.inBias));         // (B, T, 4D)
        x = x + torch::dropout(torch::linear(hidden, layer.feedOutWeight, layer.feedOutBias),
                               m_config.dropout, options.training);                                  // (B, T, D)
    }
    x = torch::layer_norm(x, {d}, m_normWeight, m_normBias);                          // (B, T, D)

    FieldTensors logits;
    for (int field = 0; field < fieldCount; ++field)
        logits[field] = torch::linear(x, m_headWeights[field], m_headBiases[field]);  // (B, T, V)
    return logits;
}

} // namespace tutti
// end of network.cpp
