// generationparams.h — every setting of one generation run, shared by the GUI and the CLI.
//
// Usage:
//   tutti::GenerationParams params;          // MMT's sampling: top 10 % per field, T = 1
//   params.seed = 7;                         // same model, prompt and seed: same music
//   params.temperature = 0.9f;
//   params.topK[static_cast<int>(tutti::Field::Pitch)] = 20;
#pragma once

#include "representation/event.h"

#include <array>
#include <cstdint>

namespace tutti {

// MMT keeps the ceil(10 %) most likely codes of each field.
constexpr std::array<int, fieldCount> defaultTopK()
{
    std::array<int, fieldCount> k{};
    for (int field = 0; field < fieldCount; ++field)
        k[field] = (fieldVocabularySizes[field] + 9) / 10;
    return k;
}

struct GenerationParams
{
    float temperature = 1.0f;                        // > 0; lower is safer, higher wilder
    std::array<int, fieldCount> topK = defaultTopK(); // per field; 0 keeps every allowed code
    std::uint64_t seed = 0;                          // the sampler's random seed
    int maxEvents = maxSequenceEvents;               // whole sequence, prompt included
};

} // namespace tutti
// end of generationparams.h
