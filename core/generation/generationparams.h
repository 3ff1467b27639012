// SPDX-License-Identifier: GPL-3.0-or-later
// generationparams.h — the sampler's settings, shared by the GUI and the CLI.
//
// Usage:
//   tutti::GenerationParams params;          // MMT's sampling: top 10 % per field, T = 1
//   params.seed = 7;                         // same model, prompt and seed: same music
//   params.setTemperature(0.9f);             // every field
//   params.temperature[static_cast<int>(tutti::Field::Pitch)] = 1.1f;   // or one field
//   params.topP.fill(0.95f);                 // nucleus sampling on top of top-k
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
    // Per field, in Field order. Temperature > 0: lower is safer, higher wilder. top-k 0
    // keeps every allowed code; top-p 1 keeps the whole distribution. Masks apply first,
    // then top-k, then top-p (the smallest set of codes whose probability reaches p).
    std::array<float, fieldCount> temperature = {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f};
    std::array<int, fieldCount> topK = defaultTopK();
    std::array<float, fieldCount> topP = {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f};
    std::uint64_t seed = 0;                          // the sampler's random seed
    int maxEvents = maxSequenceEvents;               // whole sequence, prompt included
    // Generation ends (without writing the note) when a note's beat code reaches this:
    // how a length in beats is kept without squeezing notes into the last beat.
    int stopAtBeatCode = maxBeatsPerWindow + 1;

    void setTemperature(float value) { temperature.fill(value); }
};

} // namespace tutti
// end of generationparams.h
