// SPDX-License-Identifier: GPL-3.0-or-later
// modelconfig.h — every hyperparameter of the music transformer, saved with its weights.
//
// Usage:
//   tutti::ModelConfig config;                 // 4 layers, width 256, 8 heads, context 1024
//   config.layers = 6;
//   if (QString problem = config.validate(); !problem.isEmpty()) fail(problem);
//   std::map<QString, QString> metadata = config.toMetadata();      // into the model file
//   tutti::ModelConfig again;
//   QString error = tutti::ModelConfig::fromMetadata(metadata, again); // empty on success
//
// A model is always built from the config stored beside its weights, never from defaults,
// so a file is self-describing (nanoGPT's model_args). No LibTorch here.
#pragma once

#include "representation/event.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tutti {

struct ModelConfig
{
    int layers = 4;
    int width = 256;          // D, the embedding size; a multiple of heads
    int heads = 8;            // H; each head has width / heads dimensions
    int context = maxSequenceEvents; // T at most: learned positions 0..context-1
    double dropout = 0.1;     // training only
    std::array<int, fieldCount> vocabularySizes = fieldVocabularySizes; // V per field
    int representationVersion = tutti::representationVersion;

    int headWidth() const { return width / heads; }

    // Empty when the config describes a model this build can run; checks sizes stay in
    // sane bounds so a hostile file cannot ask for a huge allocation.
    QString validate() const;

    std::map<QString, QString> toMetadata() const;
    static QString fromMetadata(const std::map<QString, QString> &metadata, ModelConfig &config);

    friend bool operator==(const ModelConfig &, const ModelConfig &) = default;
};

// The model's tensors, by name and shape, in the order they are stored. The single source
// of truth for the file layout: the network, the reader and the writer all follow it.
struct ParameterShape
{
    std::string name;
    std::vector<std::int64_t> shape;
};
std::vector<ParameterShape> parameterShapes(const ModelConfig &config);
std::int64_t parameterCount(const ModelConfig &config);

} // namespace tutti
// end of modelconfig.h
