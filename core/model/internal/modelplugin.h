// SPDX-License-Identifier: GPL-3.0-or-later
// modelplugin.h — the model library (LibTorch), loaded on first use, and its entry points.
//
// Usage (core/model's forwarders only):
//   QString error;
//   tutti::ModelPlugin *plugin = tutti::modelPlugin(error); // loads it once, any thread
//   if (!plugin) return fail(error);  // "Tutti's model library could not be loaded: <dlerror>"
//   std::unique_ptr<tutti::ModelBackend> weights = plugin->create(config, seed);
//   tutti::loadedModelPlugin().session(model, mode); // on a model: the library is loaded
//
// Everything that needs LibTorch (the network, generation sessions and batches, training,
// fine-tuning steps) is built into libtutti_model.so, which tutti_core opens with dlopen the
// first time one of the model headers' functions needs it. So `tutti info`, `convert`,
// `render`, `--help` and the GUI's first window never load LibTorch (about 0.7 s and 300
// shared libraries). The library lies beside libtutti_core.so (the build's lib/, or
// lib/tutti/ where Tutti is installed) and links that same libtutti_core.so, so both share
// one copy of core's statics and Qt logging categories. It exports one C function,
// modelPluginEntry, that returns its ModelPlugin; it is never unloaded.
#pragma once

#include "generation/logitsource.h"
#include "model/generationsession.h"
#include "model/internal/adaptation.h"
#include "model/internal/modelbackend.h"
#include "model/internal/modelfile.h"
#include "model/trainer.h"
#include "model/transformermodel.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <vector>

namespace tutti {

class ModelPlugin
{
public:
    virtual ~ModelPlugin();

    // transformermodel.h: `config` is valid, `contents` validated by readModelFile.
    virtual std::unique_ptr<ModelBackend> create(const ModelConfig &config, std::uint64_t seed) = 0;
    virtual std::unique_ptr<ModelBackend> fromFile(const ModelFile &contents) = 0;
    virtual QString save(const TransformerModel &model, const QString &path,
                         const std::map<QString, QString> &metadata) = 0;
    virtual SequenceLogits logits(const TransformerModel &model, std::span<const Event> events) = 0;
    virtual AttentionMaps attention(const TransformerModel &model, std::span<const Event> events) = 0;
    virtual void setThreads(int threads) = 0;

    // generationsession.h, generationbatch.h
    virtual std::unique_ptr<LogitSource> session(const TransformerModel &model, KvCacheMode mode) = 0;
    virtual std::unique_ptr<LogitBatch> batch(const TransformerModel &model, int rows) = 0;

    // trainer.h, adaptation.h
    virtual int train(const TrainingOptions &options, const TrainingCallbacks &callbacks) = 0;
    virtual std::array<double, fieldCount> sequenceLoss(const TransformerModel &model,
                                                        const std::vector<std::vector<Event>> &sequences, int padTo,
                                                        TrainingPrecision precision) = 0;
    virtual double benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads,
                                     TrainingPrecision precision) = 0;
    virtual int adaptModel(TransformerModel &model, const AdaptationSettings &settings,
                           const std::function<void(AdaptationBatch &batch)> &draw,
                           const std::function<bool(int step, double learnLoss, double forgetLoss)> &afterStep) = 0;
};

// The C function the library exports: ModelPlugin *tuttiModelPlugin().
inline constexpr char modelPluginEntry[] = "tuttiModelPlugin";

// The library, loaded on the first call (thread-safe; later calls return the same result).
// nullptr and a one-line `error` when it cannot be loaded.
ModelPlugin *modelPlugin(QString &error);

// The loaded library, for calls on a TransformerModel (only the library makes one, so it is
// loaded). Precondition: modelPlugin() has succeeded.
ModelPlugin &loadedModelPlugin();

// Where the library is looked for: libtutti_model.so beside the file that holds tutti_core.
QString modelPluginPath();

} // namespace tutti
// end of modelplugin.h
