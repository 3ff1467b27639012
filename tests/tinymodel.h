// SPDX-License-Identifier: GPL-3.0-or-later
// tinymodel.h — small transformers with random weights, for tests of the plumbing around
// the model (attention maps, loading, the GUI) rather than of what a trained model writes.
//
// Usage:
//   const auto model = tutti::test::tinyModel({.layers = 2, .heads = 4, .context = 64}, 3);
//   const QString path = tutti::test::saveTinyModel(dir.filePath(u"tiny.safetensors"_s), {.layers = 1}, 11);
#pragma once

#include "model/transformermodel.h"

#include <QString>

#include <cstdint>
#include <memory>

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

} // namespace tutti::test
// end of tinymodel.h
