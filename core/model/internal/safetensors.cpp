// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors.cpp — strict safetensors parsing and writing.
#include "model/internal/safetensors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

static_assert(std::endian::native == std::endian::little, "tensor bytes are read as little-endian floats");

namespace tutti::safetensors {
namespace {

constexpr std::int64_t maxHeaderBytes = 16 * 1024 * 1024;
constexpr double maxExactInteger = 9007199254740992.0; // 2^53: JSON numbers are doubles

// A non-negative integer that a double holds exactly, or -1.
std::int64_t exactInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return -1;
    const double number = value.toDouble();
    if (!(number >= 0.0) || number > maxExactInteger || std::floor(number) != number)
        return -1;
    return static_cast<std::int64_t>(number);
}

QString describe(const std::string &name)
{
    return u"tensor '"_s + QString::fromStdString(name) + u"'"_s;
}

QString parseTensor(const std::string &name, const QJsonValue &value, std::int64_t dataSize, TensorEntry &entry)
{
    if (!value.isObject())
        return describe(name) + u": entry is not an object"_s;
    const QJsonObject object = value.toObject();
    if (object.value(u"dtype"_s).toString() != u"F32"_s)
        return describe(name) + u": dtype must be F32"_s;
    const QJsonValue shape = object.value(u"shape"_s);
    const QJsonValue offsets = object.value(u"data_offsets"_s);
    if (!shape.isArray() || !offsets.isArray() || offsets.toArray().size() != 2)
        return describe(name) + u": needs a shape and two data_offsets"_s;

    entry.name = name;
    std::int64_t elements = 1;
    for (const QJsonValue dimension : shape.toArray()) {
        const std::int64_t size = exactInteger(dimension);
        if (size < 0)
            return describe(name) + u": shape holds something other than a size"_s;
        // The product can never exceed the data section, so stop as soon as it would.
        if (size > 0 && elements > dataSize / size)
            return describe(name) + u": shape is larger than the file"_s;
        elements *= size;
        entry.shape.push_back(size);
    }
    entry.begin = exactInteger(offsets.toArray().at(0));
    entry.end = exactInteger(offsets.toArray().at(1));
    if (entry.begin < 0 || entry.end < entry.begin || entry.end > dataSize)
        return describe(name) + u": data_offsets fall outside the data"_s;
    if (entry.end - entry.begin != elements * static_cast<std::int64_t>(sizeof(float)))
        return describe(name) + u": data_offsets do not match its shape"_s;
    return {};
}

} // namespace

std::int64_t TensorEntry::elementCount() const
{
    std::int64_t count = 1;
    for (std::int64_t size : shape)
        count *= size;
    return count;
}

const TensorEntry *File::find(const std::string &name) const
{
    const auto it = std::find_if(tensors.begin(), tensors.end(), [&](const TensorEntry &t) { return t.name == name; });
    return it == tensors.end() ? nullptr : &*it;
}

QString parse(const QByteArray &bytes, File &file)
{
    file = File();
    const std::int64_t size = bytes.size();
    if (size < 8)
        return u"not a safetensors file: shorter than its 8-byte header length"_s;
    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, bytes.constData(), sizeof headerLength);
    if (headerLength < 2 || headerLength > static_cast<std::uint64_t>(std::min(size - 8, maxHeaderBytes)))
        return u"not a safetensors file: header length %1 does not fit a file of %2 bytes"_s.arg(headerLength).arg(size);

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.mid(8, static_cast<qsizetype>(headerLength)), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject())
        return u"safetensors header is not a JSON object: "_s + jsonError.errorString();

    file.bytes = bytes;
    file.dataStart = 8 + static_cast<std::int64_t>(headerLength);
    const std::int64_t dataSize = size - file.dataStart;
    const QJsonObject header = document.object();
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == u"__metadata__"_s) {
            if (!it.value().isObject())
                return u"safetensors __metadata__ is not an object"_s;
            const QJsonObject metadata = it.value().toObject();
            for (auto m = metadata.begin(); m != metadata.end(); ++m) {
                if (!m.value().isString())
                    return u"safetensors __metadata__ value '%1' is not a string"_s.arg(m.key());
                file.metadata[m.key()] = m.value().toString();
            }
            continue;
        }
        TensorEntry entry;
        const QString error = parseTensor(it.key().toStdString(), it.value(), dataSize, entry);
        if (!error.isEmpty())
            return error;
        file.tensors.push_back(std::move(entry));
    }

    std::sort(file.tensors.begin(), file.tensors.end(),
              [](const TensorEntry &a, const TensorEntry &b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    for (std::size_t i = 1; i < file.tensors.size(); ++i) {
        if (file.tensors[i].begin < file.tensors[i - 1].end)
            return describe(file.tensors[i].name) + u" overlaps "_s + describe(file.tensors[i - 1].name);
    }
    return {};
}

QByteArray write(const std::vector<TensorView> &tensors, const std::map<QString, QString> &metadata)
{
    QJsonObject header;
    QJsonObject metadataObject;
    for (const auto &[key, value] : metadata)
        metadataObject.insert(key, value);
    header.insert(u"__metadata__"_s, metadataObject);
    std::int64_t offset = 0;
    for (const TensorView &tensor : tensors) {
        QJsonArray shape;
        for (std::int64_t size : tensor.shape)
            shape.append(static_cast<double>(size));
        const std::int64_t length = static_cast<std::int64_t>(tensor.values.size_bytes());
        QJsonObject entry;
        entry.insert(u"dtype"_s, u"F32"_s);
        entry.insert(u"shape"_s, shape);
        entry.insert(u"data_offsets"_s, QJsonArray{static_cast<double>(offset), static_cast<double>(offset + length)});
        header.insert(QString::fromStdString(tensor.name), entry);
        offset += length;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while ((8 + json.size()) % 8 != 0)
        json.append(' ');

    QByteArray bytes;
    bytes.reserve(8 + json.size() + offset);
    const std::uint64_t headerLength = static_cast<std::uint64_t>(json.size());
    bytes.append(reinterpret_cast<const char *>(&headerLength), sizeof headerLength);
    bytes.append(json);
    for (const TensorView &tensor : tensors)
        bytes.append(reinterpret_cast<const char *>(tensor.values.data()), static_cast<qsizetype>(tensor.values.size_bytes()));
    return bytes;
}

} // namespace tutti::safetensors
// end of safetensors.cpp
