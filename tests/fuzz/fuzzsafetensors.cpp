// SPDX-License-Identifier: GPL-3.0-or-later
// fuzzsafetensors.cpp — libFuzzer target for the model file reader (no LibTorch).
//
// Drives safetensors::parse and the model-file checks on top of it (config metadata,
// expected tensors and shapes). Seed it with a real model file:
//   build-fuzz/tests/fuzz/fuzzsafetensors corpus/ models/tutti-mmt.safetensors
#include "model/internal/modelfile.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    tutti::ModelFile model;
    const QString error = tutti::readModelFile(bytes, QStringLiteral("fuzz"), model);
    if (error.isEmpty()) {
        // Everything the reader accepted must lie inside the input.
        for (const tutti::safetensors::TensorEntry &tensor : model.file.tensors) {
            if (model.file.dataStart + tensor.end > static_cast<std::int64_t>(size))
                __builtin_trap();
        }
    }
    return 0;
}
// end of fuzzsafetensors.cpp
