// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors.h — a strict reader and a writer for the safetensors container (F32 only).
//
// Usage:
//   QByteArray bytes = tutti::safetensors::write(tensors, {{u"format"_s, u"tutti-mmt"_s}});
//   tutti::safetensors::File file;
//   QString error = tutti::safetensors::parse(bytes, file);   // empty on success
//   const float *data = file.data(file.tensors.front());
//
// Layout: an 8-byte little-endian header length N, N bytes of JSON (tensor name -> dtype,
// shape, data_offsets [begin, end) relative to the data section, plus "__metadata__": string
// -> string), then the data section of raw little-endian tensors. parse() never trusts a
// number: the header must fit the file, every tensor must be F32 with offsets inside the
// data, exactly shape × 4 bytes long and not overlapping another. It only reads; nothing in
// a file can make it run code. No LibTorch here, so the fuzzer links without it.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace tutti::safetensors {

struct TensorEntry
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::int64_t begin = 0; // byte offsets into the data section
    std::int64_t end = 0;

    std::int64_t elementCount() const;
};

struct File
{
    QByteArray bytes;                     // the whole file (implicitly shared, not copied)
    std::int64_t dataStart = 0;           // offset of the data section in bytes
    std::vector<TensorEntry> tensors;     // in data order
    std::map<QString, QString> metadata;

    const TensorEntry *find(const std::string &name) const;
    // Little-endian F32 values; the data section is 4-byte aligned by the writers this
    // project uses, and callers copy out with memcpy, so alignment never matters.
    const char *data(const TensorEntry &tensor) const { return bytes.constData() + dataStart + tensor.begin; }
};

struct TensorView
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::span<const float> values; // shape's product of them
};

// Empty on success; otherwise one line naming what is wrong.
QString parse(const QByteArray &bytes, File &file);

// Serialises tensors in the order given (header padded with spaces to a multiple of 8).
QByteArray write(const std::vector<TensorView> &tensors, const std::map<QString, QString> &metadata);

} // namespace tutti::safetensors
// end of safetensors.h
