// SPDX-License-Identifier: GPL-3.0-or-later
// incrementalstep.cpp — the single-event decoding step: LayerNorm, BLAS products, attention.
#include "model/internal/incrementalstep.h"

#include "model/transformermodel.h"

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

// out (K, rows) = in (K, columns) · weight (rows, columns)^T + bias (rows): torch::linear
// on K vectors; one matrix-vector product when K is 1.
void affineFloat32(const torch::Tensor &weight, const torch::Tensor &bias, const float *in, float *out, int k)
{
    const int rows = static_cast<int>(weight.size(0));
    const int columns = static_cast<int>(weight.size(1));
    for (int row = 0; row < k; ++row)
        std::copy_n(floats(bias), rows, out + static_cast<std::ptrdiff_t>(row) * rows);
    if (k == 1)
        cblas_sgemv(CblasRowMajor, CblasNoTrans, rows, columns, 1.0f, floats(weight), columns, in, 1, 1.0f, out, 1);
    else
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, k, rows, columns, 1.0f, in, columns, floats(weight), columns,
                    1.0f, out, rows);
}

Bf16Matrix packed(const torch::Tensor &weight)
{
    return Bf16Matrix(floats(weight), static_cast<int>(weight.size(0)), static_cast<int>(weight.size(1)));
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

IncrementalStep::IncrementalStep(const Network &network, int maxRows)
    : m_network(network)
    , m_maxRows(maxRows)
{
    const ModelConfig &config = network.config();
    const std::size_t rows = static_cast<std::size_t>(maxRows);
    const std::size_t width = static_cast<std::size_t>(config.width);
    m_x.resize(rows * width);
    m_normed.resize(rows * width);
    m_qkv.resize(rows * 3 * width);
    m_mixed.resize(rows * width);
    m_projected.resize(rows * width);
    m_hidden.resize(rows * 4 * width);
    m_weights.resize(static_cast<std::size_t>(config.context));
    m_logits.resize(rows * static_cast<std::size_t>(*std::max_element(config.vocabularySizes.begin(), config.vocabularySizes.end())));
    if (decodingWeights() == DecodingWeights::BFloat16) {
        for (const Network::Layer &layer : network.m_layers) {
            m_layerMatrices.push_back(packed(layer.qkvWeight));
            m_layerMatrices.push_back(packed(layer.outWeight));
            m_layerMatrices.push_back(packed(layer.inWeight));
            m_layerMatrices.push_back(packed(layer.feedOutWeight));
        }
        for (const torch::Tensor &head : network.m_headWeights)
            m_headMatrices.push_back(packed(head));
    }
}

void IncrementalStep::affine(const torch::Tensor &weight, const torch::Tensor &bias, const Bf16Matrix *packedWeight,
                             const float *in, float *out, int k)
{
    if (packedWeight)
        packedWeight->affine(floats(bias), in, out, k);
    else
        affineFloat32(weight, bias, in, out, k);
}

void IncrementalStep::attend(int layerIndex, int row, int position, KvCache &cache)
{
    const ModelConfig &config = m_network.config();
    const int d = config.width;
    const int w = config.headWidth();
    const int keyCount = position + 1;
    const float queryScale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(w)));
    float *keys = cache.keys[layerIndex].data_ptr<float>();     // (1, H, context, W)
    float *values = cache.values[layerIndex].data_ptr<float>(); // (1, H, context, W)
    float *qkv = m_qkv.data() + static_cast<std::ptrdiff_t>(row) * 3 * d;           // (3D) of this row
    float *mixed = m_mixed.data() + static_cast<std::ptrdiff_t>(row) * d;           // (D) of this row

    for (int head = 0; head < config.heads; ++head) {
        float *query = qkv + head * w;                                              // (W)
        float *headKeys = keys + static_cast<std::ptrdiff_t>(head) * config.context * w;     // (context, W)
        float *headValues = values + static_cast<std::ptrdiff_t>(head) * config.context * w; // (context, W)
        std::copy_n(qkv + d + head * w, w, headKeys + static_cast<std::ptrdiff_t>(position) * w);
        std::copy_n(qkv + 2 * d + head * w, w, headValues + static_cast<std::ptrdiff_t>(position) * w);
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
        cblas_sgemv(CblasRowMajor, CblasTrans, keyCount, w, 1.0f, headValues, w, weights, 1, 0.0f, mixed + head * w, 1);
    }
}

void IncrementalStep::run(std::span<const EventCodes> codes, std::span<const int> positions, std::span<KvCache *const> caches,
                          std::span<EventLogits> logits)
{
    const ModelConfig &config = m_network.config();
    const int d = config.width;
    const int k = static_cast<int>(codes.size());
    TORCH_CHECK(k >= 1 && k <= m_maxRows && positions.size() == codes.size() && caches.size() == codes.size()
                    && logits.size() == codes.size(), "IncrementalStep: rows do not match");

    // x (K, D): row k = positions[positions[k]] + the six field embeddings of its event
    for (int row = 0; row < k; ++row) {
        const int position = positions[row];
        TORCH_CHECK(position >= 0 && position < config.context, "IncrementalStep: position outside the context");
        float *x = m_x.data() + static_cast<std::ptrdiff_t>(row) * d;
        std::copy_n(floats(m_network.m_positions) + static_cast<std::ptrdiff_t>(position) * d, d, x);
        for (int field = 0; field < fieldCount; ++field) {
            const std::int64_t code = codes[row][field];
            TORCH_CHECK(code >= 0 && code < config.vocabularySizes[field], "IncrementalStep: code out of range");
            addInto(x, floats(m_network.m_embeddings[field]) + code * d, d);
        }
    }
    const auto rowsOf = [d](std::vector<float> &buffer, int row, int multiple) {
        return buffer.data() + static_cast<std::ptrdiff_t>(row) * multiple * d;
    };

    const bool bf16 = !m_layerMatrices.empty();
    for (int i = 0; i < config.layers; ++i) {
        const Network::Layer &layer = m_network.m_layers[i];
        const Bf16Matrix *matrices = bf16 ? &m_layerMatrices[static_cast<std::size_t>(i) * 4] : nullptr; // qkv, out, in, feedOut
        for (int row = 0; row < k; ++row)
            layerNorm(rowsOf(m_x, row, 1), layer.norm1Weight, layer.norm1Bias, rowsOf(m_normed, row, 1), d);
        affine(layer.qkvWeight, layer.qkvBias, bf16 ? &matrices[0] : nullptr, m_normed.data(), m_qkv.data(), k);            // (K, 3D)
        for (int row = 0; row < k; ++row)
            attend(i, row, positions[row], *caches[row]);                                    // (K, D) into m_mixed
        affine(layer.outWeight, layer.outBias, bf16 ? &matrices[1] : nullptr, m_mixed.data(), m_projected.data(), k);       // (K, D)
        addInto(m_x.data(), m_projected.data(), k * d);

        for (int row = 0; row < k; ++row)
            layerNorm(rowsOf(m_x, row, 1), layer.norm2Weight, layer.norm2Bias, rowsOf(m_normed, row, 1), d);
        affine(layer.inWeight, layer.inBias, bf16 ? &matrices[2] : nullptr, m_normed.data(), m_hidden.data(), k);           // (K, 4D)
        for (float *unit = m_hidden.data(); unit != m_hidden.data() + static_cast<std::ptrdiff_t>(k) * 4 * d; ++unit)
            *unit = 0.5f * *unit * (1.0f + std::erf(*unit / std::numbers::sqrt2_v<float>)); // exact (erf) GELU
        affine(layer.feedOutWeight, layer.feedOutBias, bf16 ? &matrices[3] : nullptr, m_hidden.data(), m_projected.data(), k); // (K, D)
        addInto(m_x.data(), m_projected.data(), k * d);
    }
    for (int row = 0; row < k; ++row)
        layerNorm(rowsOf(m_x, row, 1), m_network.m_normWeight, m_network.m_normBias, rowsOf(m_normed, row, 1), d);

    for (int field = 0; field < fieldCount; ++field) {
        const int v = static_cast<int>(m_network.m_headWeights[field].size(0));
        affine(m_network.m_headWeights[field], m_network.m_headBiases[field], bf16 ? &m_headMatrices[static_cast<std::size_t>(field)] : nullptr, m_normed.data(), m_logits.data(), k); // (K, V)
        for (int row = 0; row < k; ++row) {
            std::vector<float> &out = logits[row].fields[field];                                // (V)
            TORCH_CHECK(static_cast<int>(out.size()) == v, "IncrementalStep: logits not sized for the model");
            std::copy_n(m_logits.data() + static_cast<std::ptrdiff_t>(row) * v, v, out.data());
        }
    }
}

} // namespace tutti
// end of incrementalstep.cpp
