// SPDX-License-Identifier: GPL-3.0-or-later
// modelimpl.cpp — a model's weights in LibTorch: made, filled from a file, saved, run whole.
#include "model/internal/modelimpl.h"

#include "model/internal/torchmodelplugin.h"

#include <QSaveFile>

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace tutti {

std::unique_ptr<ModelBackend> TorchModelPlugin::create(const ModelConfig &config, std::uint64_t seed)
{
    torch::manual_seed(seed);
    return std::make_unique<ModelImpl>(config);
}

std::unique_ptr<ModelBackend> TorchModelPlugin::fromFile(const ModelFile &contents)
{
    auto impl = std::make_unique<ModelImpl>(contents.config);
    torch::NoGradGuard noGrad;
    const std::vector<ParameterShape> shapes = parameterShapes(contents.config);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const safetensors::TensorEntry &entry = *contents.file.find(shapes[i].name);
        torch::Tensor &parameter = impl->network.parameters()[i];
        std::memcpy(parameter.data_ptr<float>(), contents.file.data(entry), static_cast<std::size_t>(entry.end - entry.begin));
    }
    return impl;
}

QString TorchModelPlugin::save(const TransformerModel &model, const QString &path, const std::map<QString, QString> &metadata)
{
    return writeModelFile(modelImpl(model).network, path, metadata);
}

SequenceLogits TorchModelPlugin::logits(const TransformerModel &model, std::span<const Event> events)
{
    torch::NoGradGuard noGrad;
    const FieldTensors output = modelImpl(model).network.forward(eventCodes(events)); // six (1, T, V)
    SequenceLogits result;
    result.events = static_cast<int>(events.size());
    for (int field = 0; field < fieldCount; ++field) {
        const torch::Tensor values = output[field].contiguous();            // (1, T, V)
        result.fields[field].assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    }
    return result;
}

AttentionMaps TorchModelPlugin::attention(const TransformerModel &model, std::span<const Event> events)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> layers; // L of (1, H, T, T)
    ForwardOptions options;
    options.attention = &layers;
    modelImpl(model).network.forward(eventCodes(events), options);
    AttentionMaps maps;
    maps.layers = model.config().layers;
    maps.heads = model.config().heads;
    maps.events = static_cast<int>(events.size());
    const torch::Tensor all = torch::stack(layers).squeeze(1).contiguous();   // (L, H, T, T)
    maps.weights.assign(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
    return maps;
}

void setIntraOpThreads(int threads)
{
    threads = std::max(threads, 1);
    torch::set_num_threads(threads);
    using SetThreads = void (*)(int);
    static const auto openBlasSetThreads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (openBlasSetThreads)
        openBlasSetThreads(threads);
}

void TorchModelPlugin::setThreads(int threads)
{
    setIntraOpThreads(threads);
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
// end of modelimpl.cpp
