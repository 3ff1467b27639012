// SPDX-License-Identifier: GPL-3.0-or-later
// transformermodel.h — the music transformer's weights: create, load, save, inspect.
//
// Usage:
//   QString error;
//   std::unique_ptr<tutti::TransformerModel> model =
//       tutti::TransformerModel::load(u"models/tutti-mmt2.safetensors"_s, error);
//   if (!model) fail(error);              // "m.safetensors: tensor 'position' is missing"
//   qInfo() << model->parameterCount();
//   tutti::GenerationSession session(*model);            // generationsession.h
//   tutti::AttentionMaps maps = model->attention(events); // every layer and head
//                                                         // (analysis/attentionsource.h)
//
// A model is shared, read-only, by any number of GenerationSessions (whisper.cpp's
// context/state split). Files are safetensors (see internal/safetensors.h) whose metadata
// holds the ModelConfig; loading validates everything before allocating and never runs
// code from the file. No LibTorch type appears here: the weights live in the model library
// (internal/modelplugin.h), which create() and load() open on first use, so code that never
// makes a model never loads LibTorch.
#pragma once

#include "analysis/attentionsource.h"
#include "model/modelconfig.h"
#include "representation/event.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <vector>

namespace tutti {

// Logits of every position of a sequence: fields[f] is T rows of V_f floats, row t
// predicting event t + 1.
struct SequenceLogits
{
    int events = 0;
    std::array<std::vector<float>, fieldCount> fields;

    std::span<const float> row(Field field, int event) const;
};

class ModelBackend; // the weights, made and read by the model library (internal/modelbackend.h)

class TransformerModel final : public AttentionSource
{
public:
    ~TransformerModel() override;

    // Random weights from `seed`; nullptr (and `error`) when the config is invalid or the
    // model library cannot be loaded.
    static std::unique_ptr<TransformerModel> create(const ModelConfig &config, std::uint64_t seed, QString &error);
    // nullptr and a one-line `error` naming the file and the problem on any failure (also
    // "Tutti's model library could not be loaded: ...").
    static std::unique_ptr<TransformerModel> load(const QString &path, QString &error);

    // Writes atomically (a temporary file renamed over `path`). `metadata` is stored beside
    // the config (training step, validation loss, ...). Empty on success.
    QString save(const QString &path, const std::map<QString, QString> &metadata = {}) const;

    const ModelConfig &config() const;
    std::int64_t parameterCount() const;
    // What the file held besides the config (empty for a created model).
    const std::map<QString, QString> &metadata() const;

    // Full forward pass over 1..context events, no cache. Costly: for tests and benchmarks.
    SequenceLogits logits(std::span<const Event> events) const;
    AttentionMaps attention(std::span<const Event> events) const override;

    // AttentionSource: the config's layers, heads and context.
    int attentionLayers() const override;
    int attentionHeads() const override;
    int attentionContext() const override;

private:
    friend const ModelBackend &modelBackend(const TransformerModel &model); // modelbackend.h
    friend ModelBackend &modelBackend(TransformerModel &model);             // writable: fine-tuning in place

    explicit TransformerModel(std::unique_ptr<ModelBackend> backend);
    std::unique_ptr<ModelBackend> m_backend;
};

// LibTorch's intra-op threads for everything this process runs (>= 1). Loads the model
// library; does nothing when it cannot be loaded (the model's load then says why).
void setModelThreads(int threads);

// How the single-event decoding step (GenerationSession, GenerationBatch) keeps the weights
// it reads for every event. BFloat16 halves the bytes read per event, which is what the step
// waits on; logits move by about 1e-2. Automatic: BFloat16 where the CPU has AVX2 and FMA,
// else Float32. Prompts always run in float32. Sessions and batches made afterwards use it.
enum class DecodingWeights
{
    Automatic,
    Float32,
    BFloat16,
};
void setDecodingWeights(DecodingWeights weights);
DecodingWeights decodingWeights(); // what a new session uses: Float32 or BFloat16

// Loads the model library (LibTorch) now unless it is loaded: empty when it is, else
// "Tutti's model library could not be loaded: <why>". Every function of core/model that
// needs it loads it on first use; this is for saying so early and for timing it.
QString loadModelLibrary();

} // namespace tutti
// end of transformermodel.h
