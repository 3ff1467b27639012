// SPDX-License-Identifier: GPL-3.0-or-later
// torchmodelplugin.h — the model library's ModelPlugin: LibTorch behind core's model headers.
//
// Usage: none outside libtutti_model.so; tutti_core reaches it through tuttiModelPlugin()
// (modelplugin.h). Each member is defined beside the code it runs: create, fromFile, save,
// logits, attention and setThreads in modelimpl.cpp, session in generationsession.cpp, batch
// in generationbatch.cpp, train, sequenceLoss, benchmarkTraining and adaptModel in
// trainer.cpp.
#pragma once

#include "model/internal/modelplugin.h"

namespace tutti {

class TorchModelPlugin final : public ModelPlugin
{
public:
    std::unique_ptr<ModelBackend> create(const ModelConfig &config, std::uint64_t seed) override;
    std::unique_ptr<ModelBackend> fromFile(const ModelFile &contents) override;
    QString save(const TransformerModel &model, const QString &path,
                 const std::map<QString, QString> &metadata) override;
    SequenceLogits logits(const TransformerModel &model, std::span<const Event> events) override;
    AttentionMaps attention(const TransformerModel &model, std::span<const Event> events) override;
    void setThreads(int threads) override;

    std::unique_ptr<LogitSource> session(const TransformerModel &model, KvCacheMode mode) override;
    std::unique_ptr<LogitBatch> batch(const TransformerModel &model, int rows) override;

    int train(const TrainingOptions &options, const TrainingCallbacks &callbacks) override;
    std::array<double, fieldCount> sequenceLoss(const TransformerModel &model,
                                                const std::vector<std::vector<Event>> &sequences, int padTo,
                                                TrainingPrecision precision) override;
    double benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads,
                             TrainingPrecision precision) override;
    int adaptModel(TransformerModel &model, const AdaptationSettings &settings,
                   const std::function<void(AdaptationBatch &batch)> &draw,
                   const std::function<bool(int step, double learnLoss, double forgetLoss)> &afterStep) override;
};

} // namespace tutti
// end of torchmodelplugin.h
