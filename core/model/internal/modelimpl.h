// SPDX-License-Identifier: GPL-3.0-or-later
// modelimpl.h — what a TransformerModel holds, and the file writing that training shares.
#pragma once

#include "model/internal/network.h"
#include "model/transformermodel.h"

#include <QString>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tutti {

struct TransformerModel::Impl
{
    explicit Impl(const ModelConfig &config) : network(config) {}
    Network network;
    std::map<QString, QString> metadata;
};

// The model's internals, for core/model's own .cpp files only (TransformerModel's friend).
const TransformerModel::Impl &modelImpl(const TransformerModel &model);
TransformerModel::Impl &modelImpl(TransformerModel &model); // a non-const model only: fine-tuning

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// The model's tensors (parameterShapes order), then `extra` (optimizer state), with the
// config and `metadata` in the header; written atomically. Empty on success.
QString writeModelFile(const Network &network, const QString &path, const std::map<QString, QString> &metadata,
                       const NamedTensors &extra = {});

// (1, T, 6) int64 codes of a sequence.
torch::Tensor eventCodes(std::span<const Event> events);

} // namespace tutti
// end of modelimpl.h
