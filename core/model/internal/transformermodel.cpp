// SPDX-License-Identifier: GPL-3.0-or-later
// transformermodel.cpp — creating, loading, saving and inspecting a model.
#include "model/internal/modelimpl.h"
#include "model/internal/bf16matrix.h"
#include "model/internal/modelfile.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <atomic>
#include <cstring>

using namespace Qt::StringLiterals;

namespace tutti {

std::span<const float> SequenceLogits::row(Field field, int event) const
{
    const int index = static_cast<int>(field);
    const std::size_t size = static_cast<std::size_t>(fieldVocabularySizes[index]);
    return std::span<const float>(fields[index]).subspan(static_cast<std::size_t>(event) * size, size);
}

TransformerModel::TransformerModel(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

TransformerModel::~TransformerModel() = default;

std::unique_ptr<TransformerModel> TransformerModel::create(const ModelConfig &config, std::uint64_t seed, QString &error)
{
    error = config.validate();
    if (!error.isEmpty())
        return nullptr;
    torch::manual_seed(seed);
    return std::unique_ptr<TransformerModel>(new TransformerModel(std::make_unique<Impl>(config)));
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

    auto impl = std::make_unique<Impl>(contents.config);
    torch::NoGradGuard noGrad;
    const std::vector<ParameterShape> shapes = parameterShapes(contents.config);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const safetensors::TensorEntry &entry = *contents.file.find(shapes[i].name);
        torch::Tensor &parameter = impl->network.parameters()[i];
        std::memcpy(parameter.data_ptr<float>(), contents.file.data(entry), static_cast<std::size_t>(entry.end - entry.begin));
    }
    impl->metadata = contents.file.metadata;
    for (const auto &[key, value] : contents.config.toMetadata())
        impl->metadata.erase(key);
    return std::unique_ptr<TransformerModel>(new TransformerModel(std::move(impl)));
}

QString TransformerModel::save(const QString &path, const std::map<QString, QString> &metadata) const
{
    return writeModelFile(m_impl->network, path, metadata);
}

const ModelConfig &TransformerModel::config() const
{
    return m_impl->network.config();
}

std::int64_t TransformerModel::parameterCount() const
{
    return tutti::parameterCount(config());
}

const std::map<QString, QString> &TransformerModel::metadata() const
{
    return m_impl->metadata;
}

SequenceLogits TransformerModel::logits(std::span<const Event> events) const
{
    torch::NoGradGuard noGrad;
    const FieldTensors output = m_impl->network.forward(eventCodes(events)); // six (1, T, V)
    SequenceLogits result;
    result.events = static_cast<int>(events.size());
    for (int field = 0; field < fieldCount; ++field) {
        const torch::Tensor values = output[field].contiguous();            // (1, T, V)
        result.fields[field].assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    }
    return result;
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

const TransformerModel::Impl &modelImpl(const TransformerModel &model)
{
    return *model.m_impl;
}

TransformerModel::Impl &modelImpl(TransformerModel &model)
{
    return *model.m_impl;
}

AttentionMaps TransformerModel::attention(std::span<const Event> events) const
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> layers; // L of (1, H, T, T)
    ForwardOptions options;
    options.attention = &layers;
    m_impl->network.forward(eventCodes(events), options);
    AttentionMaps maps;
    maps.layers = config().layers;
    maps.heads = config().heads;
    maps.events = static_cast<int>(events.size());
    const torch::Tensor all = torch::stack(layers).squeeze(1).contiguous();   // (L, H, T, T)
    maps.weights.assign(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
    return maps;
}

QString writeModelFile(const Network &network, const QString &path, const std::map<QString, QString> &metadata,
                       const NamedTensors &extra)
{
    std::map<QString, QString> header = metadata;
    for (const auto &[key, value] : network.config().toMetadata())
        header[key] = value;

    std::vector<torch::Tensor> keepAlive;
    std::vector<safetensors::TensorView> views;
    const auto add = [&](const std::string &name, const torch::Tensor &tensor) {
        const torch::Tensor values = tensor.detach().to(torch::kFloat32).contiguous();
        keepAlive.push_back(values);
        views.push_back({name, tensor.sizes().vec(),
                         std::span<const float>(values.data_ptr<float>(), static_cast<std::size_t>(values.numel()))});
    };
    const std::vector<ParameterShape> shapes = parameterShapes(network.config());
    for (std::size_t i = 0; i < shapes.size(); ++i)
        add(shapes[i].name, network.parameters()[i]);
    for (const auto &[name, tensor] : extra)
        add(name, tensor);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path + u": "_s + file.errorString();
    file.write(safetensors::write(views, header));
    if (!file.commit())
        return path + u": "_s + file.errorString();
    return {};
}

void setModelThreads(int threads)
{
    torch::set_num_threads(std::max(threads, 1));
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

torch::Tensor eventCodes(std::span<const Event> events)
{
    torch::Tensor codes = torch::empty({1, static_cast<int64_t>(events.size()), fieldCount}, torch::kInt64); // (1, T, 6)
    int64_t *data = codes.data_ptr<int64_t>();
    for (const Event &event : events) {
        for (int field = 0; field < fieldCount; ++field)
            *data++ = event[static_cast<Field>(field)];
    }
    return codes;
}

} // namespace tutti
// end of transformermodel.cpp
