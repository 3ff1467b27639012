// SPDX-License-Identifier: GPL-3.0-or-later
// transformermodel.cpp — creating, loading, saving and inspecting a model: the file checks
// here, the weights through the model library (modelplugin.h).
#include "model/transformermodel.h"

#include "model/internal/bf16matrix.h"
#include "model/internal/modelbackend.h"
#include "model/internal/modelfile.h"
#include "model/internal/modelplugin.h"

#include <QFile>

#include <atomic>

using namespace Qt::StringLiterals;

namespace tutti {

std::span<const float> SequenceLogits::row(Field field, int event) const
{
    const int index = static_cast<int>(field);
    const std::size_t size = static_cast<std::size_t>(fieldVocabularySizes[index]);
    return std::span<const float>(fields[index]).subspan(static_cast<std::size_t>(event) * size, size);
}

ModelBackend::~ModelBackend() = default;

TransformerModel::TransformerModel(std::unique_ptr<ModelBackend> backend)
    : m_backend(std::move(backend))
{
}

TransformerModel::~TransformerModel() = default;

std::unique_ptr<TransformerModel> TransformerModel::create(const ModelConfig &config, std::uint64_t seed, QString &error)
{
    error = config.validate();
    if (!error.isEmpty())
        return nullptr;
    ModelPlugin *plugin = modelPlugin(error);
    if (!plugin)
        return nullptr;
    return std::unique_ptr<TransformerModel>(new TransformerModel(plugin->create(config, seed)));
}

std::unique_ptr<TransformerModel> TransformerModel::load(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = path + u": "_s + file.errorString();
        return nullptr;
    }
    ModelFile contents;
    error = readModelFile(file.readAll(), path, contents);
    if (!error.isEmpty())
        return nullptr;
    ModelPlugin *plugin = modelPlugin(error);
    if (!plugin)
        return nullptr;

    std::unique_ptr<ModelBackend> backend = plugin->fromFile(contents);
    backend->metadata = contents.file.metadata;
    for (const auto &[key, value] : contents.config.toMetadata())
        backend->metadata.erase(key);
    return std::unique_ptr<TransformerModel>(new TransformerModel(std::move(backend)));
}

QString TransformerModel::save(const QString &path, const std::map<QString, QString> &metadata) const
{
    return loadedModelPlugin().save(*this, path, metadata);
}

const ModelConfig &TransformerModel::config() const
{
    return m_backend->config();
}

std::int64_t TransformerModel::parameterCount() const
{
    return tutti::parameterCount(config());
}

const std::map<QString, QString> &TransformerModel::metadata() const
{
    return m_backend->metadata;
}

SequenceLogits TransformerModel::logits(std::span<const Event> events) const
{
    return loadedModelPlugin().logits(*this, events);
}

AttentionMaps TransformerModel::attention(std::span<const Event> events) const
{
    return loadedModelPlugin().attention(*this, events);
}

int TransformerModel::attentionLayers() const
{
    return config().layers;
}

int TransformerModel::attentionHeads() const
{
    return config().heads;
}

int TransformerModel::attentionContext() const
{
    return config().context;
}

const ModelBackend &modelBackend(const TransformerModel &model)
{
    return *model.m_backend;
}

ModelBackend &modelBackend(TransformerModel &model)
{
    return *model.m_backend;
}

void setModelThreads(int threads)
{
    QString error;
    if (ModelPlugin *plugin = modelPlugin(error))
        plugin->setThreads(threads);
}

QString loadModelLibrary()
{
    QString error;
    modelPlugin(error);
    return error;
}

namespace {
std::atomic<DecodingWeights> chosenDecodingWeights{DecodingWeights::Automatic};
} // namespace

void setDecodingWeights(DecodingWeights weights)
{
    chosenDecodingWeights.store(weights);
}

DecodingWeights decodingWeights()
{
    const DecodingWeights chosen = chosenDecodingWeights.load();
    if (chosen != DecodingWeights::Automatic)
        return chosen;
    return Bf16Matrix::fastOnThisCpu() ? DecodingWeights::BFloat16 : DecodingWeights::Float32;
}

} // namespace tutti
// end of transformermodel.cpp
