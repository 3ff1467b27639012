// SPDX-License-Identifier: GPL-3.0-or-later
// modelimpl.h — what a TransformerModel's backend holds in the model library, and the file
// writing that training shares (LibTorch; inside libtutti_model.so only).
#pragma once

#include "model/internal/modelbackend.h"
#include "model/internal/network.h"
#include "model/transformermodel.h"

#include <QString>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tutti {

struct ModelImpl final : ModelBackend
{
    explicit ModelImpl(const ModelConfig &config) : network(config) {}
    const ModelConfig &config() const override { return network.config(); }
    Network network;
};

// The model's internals. Every backend is a ModelImpl: only the model library makes them.
inline const ModelImpl &modelImpl(const TransformerModel &model)
{
    return static_cast<const ModelImpl &>(modelBackend(model));
}

inline ModelImpl &modelImpl(TransformerModel &model) // a non-const model only: fine-tuning
{
    return static_cast<ModelImpl &>(modelBackend(model));
}

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// The model's tensors (parameterShapes order), then `extra` (optimizer state), with the
// config and `metadata` in the header; written atomically. Empty on success.
QString writeModelFile(const Network &network, const QString &path, const std::map<QString, QString> &metadata,
                       const NamedTensors &extra = {});

// (1, T, 6) int64 codes of a sequence.
torch::Tensor eventCodes(std::span<const Event> events);

// LibTorch's intra-op threads, and OpenBLAS's to match (when the BLAS is OpenBLAS). OpenBLAS
// keeps its own pool, as many threads as cores, whose idle workers spin for a while after
// each product: after a prompt pass they took the cores from the decoding step (a one-row
// step measured about 790 events/s beside them, about 1,900 with OpenBLAS on one thread).
void setIntraOpThreads(int threads);

} // namespace tutti
// end of modelimpl.h
