// SPDX-License-Identifier: GPL-3.0-or-later
// incrementalstep.cpp — the single-event decoding step: LayerNorm, products, attention, shared among threads.
#include "model/internal/incrementalstep.h"

#include "model/internal/attentionkernels.h"
#include "model/transformermodel.h"

#include <ATen/Parallel.h>
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

// The exact (erf) GELU of torch's default.
void geluInPlace(float *first, float *last)
{
    for (float *unit = first; unit != last; ++unit)
        *unit = 0.5f * *unit * (1.0f + std::erf(*unit / std::numbers::sqrt2_v<float>));
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
    m_scores.resize(rows * static_cast<std::size_t>(config.heads) * static_cast<std::size_t>(config.context));
    m_largestVocabulary = *std::max_element(config.vocabularySizes.begin(), config.vocabularySizes.end());
    m_logits.resize(static_cast<std::size_t>(fieldCount) * rows * static_cast<std::size_t>(m_largestVocabulary));
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

// The members below run inside the step's parallel region (or on the one thread outside
// any): each `omp for` shares its loop among the region's threads and ends in a barrier.

void IncrementalStep::affine(const torch::Tensor &weight, const torch::Tensor &bias, const Bf16Matrix *packedWeight,
                             const float *in, float *out, int k, bool gelu)
{
    const int rows = static_cast<int>(weight.size(0));
    if (!packedWeight) { // one BLAS call, which OpenBLAS spreads over its own threads where that pays
#pragma omp single
        {
            affineFloat32(weight, bias, in, out, k);
            if (gelu)
                geluInPlace(out, out + static_cast<std::ptrdiff_t>(k) * rows);
        }
        return;
    }
    // Each thread takes blocks of 8 output columns, which keeps the kernel's blocks of 2 and 4
    // weight rows whole, and applies the GELU to what it wrote.
    constexpr int block = 8;
    const int blocks = (rows + block - 1) / block;
#pragma omp for schedule(static)
    for (int b = 0; b < blocks; ++b) {
        const int first = b * block;
        const int last = std::min(rows, first + block);
        packedWeight->affine(floats(bias), in, out, k, first, last);
        for (int row = 0; gelu && row < k; ++row)
            geluInPlace(out + static_cast<std::ptrdiff_t>(row) * rows + first, out + static_cast<std::ptrdiff_t>(row) * rows + last);
    }
}

void IncrementalStep::attend(int layerIndex, std::span<const int> positions, std::span<KvCache *const> caches)
{
    const ModelConfig &config = m_network.config();
    const int d = config.width;
    const int w = config.headWidth();
    const int heads = config.heads;
    const int tasks = static_cast<int>(positions.size()) * heads;
    // One task per row and head: each writes its key and value into the cache, then attends.
#pragma omp for schedule(static)
    for (int task = 0; task < tasks; ++task) {
        const int row = task / heads;
        const int head = task % heads;
        const int position = positions[row];
        const float *qkv = m_qkv.data() + static_cast<std::ptrdiff_t>(row) * 3 * d;         // (3D) of this row
        const std::ptrdiff_t headStart = static_cast<std::ptrdiff_t>(head) * config.context * w;
        float *keys = caches[row]->keys[layerIndex].data_ptr<float>() + headStart;     // (context, W) of (1, H, context, W)
        float *values = caches[row]->values[layerIndex].data_ptr<float>() + headStart; // (context, W)
        std::copy_n(qkv + d + head * w, w, keys + static_cast<std::ptrdiff_t>(position) * w);
        std::copy_n(qkv + 2 * d + head * w, w, values + static_cast<std::ptrdiff_t>(position) * w);
        attendOneHead(qkv + head * w, keys, values, position + 1, w,
                      m_scores.data() + static_cast<std::ptrdiff_t>(task) * config.context, // (context) scratch of this task
                      m_mixed.data() + static_cast<std::ptrdiff_t>(row) * d + head * w);    // (W) of (K, D)
    }
}

void IncrementalStep::normRows(const torch::Tensor &weight, const torch::Tensor &bias, const float *residual, int k)
{
    const int d = m_network.config().width;
#pragma omp for schedule(static)
    for (int row = 0; row < k; ++row) {
        float *x = m_x.data() + static_cast<std::ptrdiff_t>(row) * d;
        if (residual)
            addInto(x, residual + static_cast<std::ptrdiff_t>(row) * d, d);
        layerNorm(x, weight, bias, m_normed.data() + static_cast<std::ptrdiff_t>(row) * d, d);
    }
}

float *IncrementalStep::fieldLogits(int field, int k)
{
    return m_logits.data() + static_cast<std::ptrdiff_t>(field) * k * m_largestVocabulary;
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

    // One parallel region for the whole step, its parts separated by the barriers that end
    // each shared loop: a region per product cost more than the product on small models.
    const bool bf16 = !m_layerMatrices.empty();
    const int threads = std::max(1, at::get_num_threads());
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const float *residual = nullptr; // the feed-forward output of the layer before
        for (int i = 0; i < config.layers; ++i) {
            const Network::Layer &layer = m_network.m_layers[i];
            // the bfloat16 copy of this layer's qkv (0), out (1), in (2) or feedOut (3) weights, if any
            const auto matrix = [&](int j) { return bf16 ? &m_layerMatrices[static_cast<std::size_t>(i * 4 + j)] : nullptr; };
            normRows(layer.norm1Weight, layer.norm1Bias, residual, k);                                          // x += residual; (K, D)
            affine(layer.qkvWeight, layer.qkvBias, matrix(0), m_normed.data(), m_qkv.data(), k);               // (K, 3D)
            attend(i, positions, caches);                                                                       // (K, D) into m_mixed
            affine(layer.outWeight, layer.outBias, matrix(1), m_mixed.data(), m_projected.data(), k);          // (K, D)
            normRows(layer.norm2Weight, layer.norm2Bias, m_projected.data(), k);                                // x += attention
            affine(layer.inWeight, layer.inBias, matrix(2), m_normed.data(), m_hidden.data(), k, true);        // (K, 4D), GELU
            affine(layer.feedOutWeight, layer.feedOutBias, matrix(3), m_hidden.data(), m_projected.data(), k); // (K, D)
            residual = m_projected.data();
        }
        normRows(m_network.m_normWeight, m_network.m_normBias, residual, k);
        for (int field = 0; field < fieldCount; ++field) {
            affine(m_network.m_headWeights[field], m_network.m_headBiases[field],
                   bf16 ? &m_headMatrices[static_cast<std::size_t>(field)] : nullptr, m_normed.data(), fieldLogits(field, k), k); // (K, V)
        }
    }
    for (int field = 0; field < fieldCount; ++field) {
        const int v = static_cast<int>(m_network.m_headWeights[field].size(0));
        const float *head = fieldLogits(field, k); // (K, V)
        for (int row = 0; row < k; ++row) {
            std::vector<float> &out = logits[row].fields[field];                                // (V)
            TORCH_CHECK(static_cast<int>(out.size()) == v, "IncrementalStep: logits not sized for the model");
            std::copy_n(head + static_cast<std::ptrdiff_t>(row) * v, v, out.data());
        }
    }
}

} // namespace tutti
// end of incrementalstep.cpp
