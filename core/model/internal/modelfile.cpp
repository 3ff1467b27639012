// SPDX-License-Identifier: GPL-3.0-or-later
// modelfile.cpp — model file validation.
#include "model/internal/modelfile.h"

#include <set>

using namespace Qt::StringLiterals;

namespace tutti {

QString readModelFile(const QByteArray &bytes, const QString &fileName, ModelFile &model)
{
    const QString prefix = fileName + u": "_s;
    if (QString error = safetensors::parse(bytes, model.file); !error.isEmpty())
        return prefix + error;
    if (QString error = ModelConfig::fromMetadata(model.file.metadata, model.config); !error.isEmpty())
        return prefix + error;

    std::set<std::string> expected;
    for (const ParameterShape &parameter : parameterShapes(model.config)) {
        const safetensors::TensorEntry *tensor = model.file.find(parameter.name);
        if (!tensor)
            return prefix + u"tensor '%1' is missing"_s.arg(QString::fromStdString(parameter.name));
        if (tensor->shape != parameter.shape)
            return prefix + u"tensor '%1' has the wrong shape for the model's config"_s.arg(QString::fromStdString(parameter.name));
        expected.insert(parameter.name);
    }
    for (const safetensors::TensorEntry &tensor : model.file.tensors) {
        if (!expected.contains(tensor.name) && !tensor.name.starts_with(optimizerTensorPrefix))
            return prefix + u"unexpected tensor '%1'"_s.arg(QString::fromStdString(tensor.name));
    }
    return {};
}

} // namespace tutti
// end of modelfile.cpp
