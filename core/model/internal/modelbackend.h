// SPDX-License-Identifier: GPL-3.0-or-later
// modelbackend.h — what a TransformerModel holds: weights that only the model library reads.
//
// Usage (core/model only):
//   const tutti::ModelBackend &backend = tutti::modelBackend(model); // TransformerModel's friend
//   backend.config();                                               // the loaded config
//
// The model library (modelplugin.h) makes every backend and is the only code that looks
// inside one (internal/modelimpl.h, with its LibTorch network). tutti_core keeps the
// metadata and hands the backend back to the library on each call, so no LibTorch type
// reaches core.
#pragma once

#include "model/modelconfig.h"
#include "model/transformermodel.h"

#include <QString>

#include <map>

namespace tutti {

class ModelBackend
{
public:
    virtual ~ModelBackend();

    virtual const ModelConfig &config() const = 0;

    std::map<QString, QString> metadata; // what the file held besides the config
};

const ModelBackend &modelBackend(const TransformerModel &model);
ModelBackend &modelBackend(TransformerModel &model); // a non-const model only: fine-tuning

} // namespace tutti
// end of modelbackend.h
