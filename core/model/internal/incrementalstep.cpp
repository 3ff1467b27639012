// incrementalstep.cpp — the single-event decoding step: LayerNorm, BLAS products, attention.
#include "model/internal/incrementalstep.h"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tutti {
namespace {

const float *floats(const torch::Tensor &tensor)
{
    return tensor.data_ptr<float>();
}

// out (rows) = weight (rows, columns) · in (columns) + bias (rows): torch::linear on a vector.
void affine(const torch::Tensor &weight, const torch::Tensor &bias, const float *in, float *out)
{
    const int rows = static_cast<int>(weight.size(0));
    const int columns = static_cast<int>(weight.size(1));
    std::copy_n(floats(bias), rows, out);
    cblas_sgemv(CblasRowMajor, CblasNoTrans, rows, columns, 1.0f, floats(weight), columns, in, 1, 1.0f, out, 1);
}

// out (D) = LayerNorm(in (D)) with torch's defaults: biased variance, epsilon 1e-5.
void layerNorm(const float *in, const torch::Tensor &weight, const torch::Tensor &bias, float *out, int width)
{
    double mean = 0.0;
    for (int i = 0; i < width; ++i)
        mean += in[i];
    mean /= width;
    double variance = 0.0;
    for (int i = 0; i < width; ++i)
        variance += (in[i] - mean) * (in[i] - mean);
    variance /= width;
    const float scale = static_cast<float>(1.0 / std::sqrt(variance + 1e-5));
    const float *gain = floats(weight);
    const float *shift = floats(bias);
    for (int i = 0; i < width; ++i)
        out[i] = (in[i] - static_cast<float>(mean)) * scale * gain[i] + shift[i];
}

void addInto(float *x, const float *y, int width)
{
    for (int i = 0; i < width; ++i)
        x[i] += y[i];
}

} // namespace

IncrementalStep::IncrementalStep(const Network &network)
    : m_network(network)
{
    const ModelConfig &config = network.config();
    const std::size_t width = static_cast<std::size_t>(config.width);
    m_x.resize(width);
    m_normed.resize(width);
    m_qkv.resize(3 * width);
    m_mixed.resize(width);
    m_projected.resize(width);
    m_hidden.resize(4 * width);
    m_weights.resize(static_cast<std::size_t>(config.context));
}

void IncrementalStep::attend(int layerIndex, int position, KvCache &cache)
{
    const ModelConfig &config = m_network.config();
    const int d = config.width;
    const int w = config.headWidth();
    const int keyCount = position + 1;
    const float queryScale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(w)));
    float *keys = cache.keys[layerIndex].data_ptr<float>();     // (1, H, context, W)
    float *values = cache.values[layerIndex].data_ptr<float>(); // (1, H, context, W)

    for (int head = 0; head < config.heads; ++head) {
        float *query = m_qkv.data() + head * w;                                    // (W)
        float *headKeys = keys + static_cast<std::ptrdiff_t>(head) * config.context * w;     // (context, W)
        float *headValues = values + static_cast<std::ptrdiff_t>(head) * config.context * w; // (context, W)
        std::copy_n(m_qkv.data() + d + head * w, w, headKeys + static_cast<std::ptrdiff_t>(position) * w);
        std::copy_n(m_qkv.data() + 2 * d + head * w, w, headValues + static_cast<std::ptrdiff_t>(position) * w);
        for (int i = 0; i < w; ++i)
            query[i] *= queryScale;

        // weights (keyCount) = softmax(keys (keyCount, W) · query (W))
        float *weights = m_weights.data();
        cblas_sgemv(CblasRowMajor, CblasNoTrans, keyCount, w, 1.0f, headKeys, w, query, 1, 0.0f, weights, 1);
        const float best = *std::max_element(weights, weights + keyCount);
        float total = 0.0f;
        for (int key = 0; key < keyCount; ++key) {
            weights[key] = std::exp(weights[key] - best);
            total += weights[key];
        }
        const float normaliser = 1.0f / total;
        for (int key = 0; key < keyCount; ++key)
            weights[key] *= normaliser;

        // mixed (W) of this head = values (keyCount, W)^T · weights (keyCount)
        cblas_sgemv(CblasRowMajor, CblasTrans, keyCount, w, 1.0f, headValues, w, weights, 1, 0.0f,
                    m_mixed.data() + head * w, 1);
    }
}

void IncrementalStep::run(const std::array<std::int64_t, fieldCount> &codes, int position, KvCache &cache,
                          EventLogits &logits)
{
    const ModelConfig &config = m_network.config();
    const int d = config.width;
    TORCH_CHECK(position >= 0 && position < config.context, "IncrementalStep: position outside the context");

    // x (D) = positions[position] + the six field embeddings of the event
    std::copy_n(floats(m_network.m_positions) + static_cast<std::ptrdiff_t>(position) * d, d, m_x.data());
    for (int field = 0; field < fieldCount; ++field) {
        TORCH_CHECK(codes[field] >= 0 && codes[field] < config.vocabularySizes[field], "IncrementalStep: code out of range");
        addInto(m_x.data(), floats(m_network.m_embeddings[field]) + codes[field] * d, d);
    }

    for (int i = 0; i < config.layers; ++i) {
        const Network::Layer &layer = m_network.m_layers[i];
        layerNorm(m_x.data(), layer.norm1Weight, layer.norm1Bias, m_normed.data(), d);
        affine(layer.qkvWeight, layer.qkvBias, m_normed.data(), m_qkv.data());           // (3D)
        attend(i, position, cache);                                                       // (D) into m_mixed
        affine(layer.outWeight, layer.outBias, m_mixed.data(), m_projected.data());       // (D)
        addInto(m_x.data(), m_projected.data(), d);

        layerNorm(m_x.data(), layer.norm2Weight, layer.norm2Bias, m_normed.data(), d);
        affine(layer.inWeight, layer.inBias, m_normed.data(), m_hidden.data());           // (4D)
        for (float &unit : m_hidden)                                                      // exact (erf) GELU
            unit = 0.5f * unit * (1.0f + std::erf(unit / std::numbers::sqrt2_v<float>));
        affine(layer.feedOutWeight, layer.feedOutBias, m_hidden.data(), m_projected.data()); // (D)
        addInto(m_x.data(), m_projected.data(), d);
    }
    layerNorm(m_x.data(), m_network.m_normWeight, m_network.m_normBias, m_normed.data(), d);

    for (int field = 0; field < fieldCount; ++field) {
        std::vector<float> &row = logits.fields[field];                                   // (V)
        TORCH_CHECK(static_cast<std::int64_t>(row.size()) == m_network.m_headWeights[field].size(0),
                    "IncrementalStep: logits not sized for the model");
        affine(m_network.m_headWeights[field], m_network.m_headBiases[field], m_normed.data(), row.data());
    }
}

} // namespace tutti
// end of incrementalstep.cpp
