// SPDX-License-Identifier: GPL-3.0-or-later
// tinymodel.h — small transformers with random weights, for tests of the plumbing around
// the model (attention maps, loading, the GUI) rather than of what a trained model writes.
//
// Usage:
//   const auto model = tutti::test::tinyModel({.layers = 2, .heads = 4, .context = 64}, 3);
//   const QString path = tutti::test::saveTinyModel(dir.filePath(u"tiny.safetensors"_s), {.layers = 1}, 11);
//   const QString writer = tutti::test::saveWritingModel(dir.filePath(u"w.safetensors"_s), {.layers = 1}, 11, 1.0);
#pragma once

#include "model/internal/safetensors.h"
#include "model/transformermodel.h"

#include <QFile>
#include <QString>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace tutti::test {

struct TinyShape
{
    int layers = 1;
    int heads = 2;
    int context = 1024; // the default model's, so sequences of any test length fit
    int width = 32;
};

inline std::unique_ptr<TransformerModel> tinyModel(TinyShape shape, std::uint64_t seed)
{
    ModelConfig config;
    config.layers = shape.layers;
    config.width = shape.width;
    config.heads = shape.heads;
    config.context = shape.context;
    QString error;
    std::unique_ptr<TransformerModel> model = TransformerModel::create(config, seed, error);
    if (!model)
        qFatal("tiny model: %s", qPrintable(error));
    return model;
}

// Writes one to `path` and returns the path (empty if it could not be written).
inline QString saveTinyModel(const QString &path, TinyShape shape, std::uint64_t seed)
{
    return tinyModel(shape, seed)->save(path).isEmpty() ? path : QString();
}

// A tiny model that writes on as a trained one does. Random weights end a continuation after a
// note or two: the end of the song, or a beat past the range, is as likely as any other code.
// Here the type head's end-of-song bias is lowered by 30 and the beat head's bias falls by
// `slope` per beat, so each note stays on its beat or moves a little: about e^slope - 1 notes
// per beat (1.7 at 1, 19 at 3).
inline QString saveWritingModel(const QString &path, TinyShape shape, std::uint64_t seed, double slope)
{
    if (saveTinyModel(path, shape, seed).isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    safetensors::File parsed;
    if (!safetensors::parse(file.readAll(), parsed).isEmpty())
        return {};
    file.close();
    std::vector<std::vector<float>> values;
    for (const safetensors::TensorEntry &tensor : parsed.tensors) {
        std::vector<float> &copy = values.emplace_back(static_cast<std::size_t>(tensor.elementCount()));
        std::memcpy(copy.data(), parsed.data(tensor), copy.size() * sizeof(float));
        if (tensor.name == "head.type.bias")
            copy[static_cast<std::size_t>(EventType::EndOfSong)] -= 30.0f;
        if (tensor.name == "head.beat.bias") {
            for (std::size_t code = 0; code < copy.size(); ++code)
                copy[code] -= static_cast<float>(slope * static_cast<double>(code));
        }
    }
    std::vector<safetensors::TensorView> views;
    for (std::size_t i = 0; i < values.size(); ++i)
        views.push_back({parsed.tensors[i].name, parsed.tensors[i].shape, values[i]});
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    return file.write(safetensors::write(views, parsed.metadata)) > 0 ? path : QString();
}

} // namespace tutti::test
// end of tinymodel.h
