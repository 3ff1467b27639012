// SPDX-License-Identifier: GPL-3.0-or-later
// modelfile.h — validating a model file before any tensor is allocated (no LibTorch).
//
// Usage:
//   tutti::ModelFile model;
//   QString error = tutti::readModelFile(bytes, u"m.safetensors"_s, model);  // empty on success
//   for (const tutti::ParameterShape &p : tutti::parameterShapes(model.config))
//       copy(model.file.data(*model.file.find(p.name)), ...);   // present, shape checked
//
// On top of safetensors::parse: the metadata must hold a valid ModelConfig of this build's
// representation, every tensor parameterShapes() names must be present with that shape, and
// the only other tensors allowed are a training checkpoint's "optimizer.*" state.
#pragma once

#include "model/internal/safetensors.h"
#include "model/modelconfig.h"

namespace tutti {

inline const std::string optimizerTensorPrefix = "optimizer.";

struct ModelFile
{
    ModelConfig config;
    safetensors::File file;
};

QString readModelFile(const QByteArray &bytes, const QString &fileName, ModelFile &model);

} // namespace tutti
// end of modelfile.h
