// SPDX-License-Identifier: GPL-3.0-or-later
// modelconfig.cpp — config validation, metadata and the tensor layout.
#include "model/modelconfig.h"

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

const QString formatKey = u"format"_s;
const QString formatName = u"tutti-mmt"_s;

QString fieldKey(int field)
{
    return u"vocabulary_"_s + QString::fromLatin1(fieldName(static_cast<Field>(field)));
}

} // namespace

QString ModelConfig::validate() const
{
    if (layers < 1 || layers > 48)
        return u"layers must be 1..48, not %1"_s.arg(layers);
    if (heads < 1 || heads > 64 || width < heads || width > 4096 || width % heads != 0)
        return u"width %1 must be a multiple of heads %2 (at most 4096)"_s.arg(width).arg(heads);
    if (context < 4 || context > 8192)
        return u"context must be 4..8192, not %1"_s.arg(context);
    if (!(dropout >= 0.0 && dropout < 1.0))
        return u"dropout must be in [0, 1)"_s;
    if (representationVersion != tutti::representationVersion)
        return u"representation version %1 is not this build's %2"_s.arg(representationVersion).arg(tutti::representationVersion);
    if (vocabularySizes != fieldVocabularySizes)
        return u"vocabulary sizes do not match this build's representation"_s;
    return {};
}

std::map<QString, QString> ModelConfig::toMetadata() const
{
    std::map<QString, QString> metadata = {
        {formatKey, formatName},
        {u"layers"_s, QString::number(layers)},
        {u"width"_s, QString::number(width)},
        {u"heads"_s, QString::number(heads)},
        {u"context"_s, QString::number(context)},
        {u"dropout"_s, QString::number(dropout)},
        {u"representation_version"_s, QString::number(representationVersion)},
    };
    for (int field = 0; field < fieldCount; ++field)
        metadata[fieldKey(field)] = QString::number(vocabularySizes[field]);
    return metadata;
}

QString ModelConfig::fromMetadata(const std::map<QString, QString> &metadata, ModelConfig &config)
{
    const auto value = [&metadata](const QString &key) {
        const auto it = metadata.find(key);
        return it == metadata.end() ? QString() : it->second;
    };
    if (value(formatKey) != formatName)
        return u"not a Tutti music transformer (metadata 'format' is not '%1')"_s.arg(formatName);
    bool allOk = true;
    const auto integer = [&](const QString &key) {
        bool ok = false;
        const int number = value(key).toInt(&ok);
        allOk = allOk && ok;
        return number;
    };
    ModelConfig read;
    read.layers = integer(u"layers"_s);
    read.width = integer(u"width"_s);
    read.heads = integer(u"heads"_s);
    read.context = integer(u"context"_s);
    read.representationVersion = integer(u"representation_version"_s);
    for (int field = 0; field < fieldCount; ++field)
        read.vocabularySizes[field] = integer(fieldKey(field));
    bool dropoutOk = false;
    read.dropout = value(u"dropout"_s).toDouble(&dropoutOk);
    if (!allOk || !dropoutOk)
        return u"model metadata lacks a config value or holds one that is not a number"_s;
    if (QString problem = read.validate(); !problem.isEmpty())
        return u"model config: "_s + problem;
    config = read;
    return {};
}

std::vector<ParameterShape> parameterShapes(const ModelConfig &config)
{
    const std::int64_t d = config.width;
    std::vector<ParameterShape> shapes;
    for (int field = 0; field < fieldCount; ++field)
        shapes.push_back({std::string("embed.") + fieldName(static_cast<Field>(field)), {config.vocabularySizes[field], d}});
    shapes.push_back({"position", {config.context, d}});
    for (int layer = 0; layer < config.layers; ++layer) {
        const std::string block = "blocks." + std::to_string(layer) + ".";
        shapes.push_back({block + "norm1.weight", {d}});
        shapes.push_back({block + "norm1.bias", {d}});
        shapes.push_back({block + "attention.qkv.weight", {3 * d, d}});
        shapes.push_back({block + "attention.qkv.bias", {3 * d}});
        shapes.push_back({block + "attention.out.weight", {d, d}});
        shapes.push_back({block + "attention.out.bias", {d}});
        shapes.push_back({block + "norm2.weight", {d}});
        shapes.push_back({block + "norm2.bias", {d}});
        shapes.push_back({block + "feedforward.in.weight", {4 * d, d}});
        shapes.push_back({block + "feedforward.in.bias", {4 * d}});
        shapes.push_back({block + "feedforward.out.weight", {d, 4 * d}});
        shapes.push_back({block + "feedforward.out.bias", {d}});
    }
    shapes.push_back({"norm.weight", {d}});
    shapes.push_back({"norm.bias", {d}});
    for (int field = 0; field < fieldCount; ++field) {
        const std::string head = std::string("head.") + fieldName(static_cast<Field>(field));
        shapes.push_back({head + ".weight", {config.vocabularySizes[field], d}});
        shapes.push_back({head + ".bias", {config.vocabularySizes[field]}});
    }
    return shapes;
}

std::int64_t parameterCount(const ModelConfig &config)
{
    std::int64_t count = 0;
    for (const ParameterShape &parameter : parameterShapes(config)) {
        std::int64_t elements = 1;
        for (std::int64_t size : parameter.shape)
            elements *= size;
        count += elements;
    }
    return count;
}

} // namespace tutti
// end of modelconfig.cpp
