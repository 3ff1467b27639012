// SPDX-License-Identifier: GPL-3.0-or-later
// fuzznotecontrols.cpp — libFuzzer target for the typed musical controls: pitch range,
// velocity range, density and rhythm grid, as `tutti generate` and the Suggestions dock read them.
//
// Whatever a parser accepts must be a control the sampler can use, and a pitch range must
// read back from the names pitchText() writes. Run:
//   build-fuzz/tests/fuzz/fuzznotecontrols -max_total_time=60
#include "generation/notecontrols.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    int low = -1;
    int high = -1;
    if (tutti::parsePitchRange(text, low, high).isEmpty()) {
        if (low < 0 || high > 127 || low > high)
            __builtin_trap();
        int again = -1;
        int againHigh = -1;
        if (!tutti::parsePitchRange(tutti::pitchText(low) + u'-' + tutti::pitchText(high), again, againHigh).isEmpty()
            || again != low || againHigh != high)
            __builtin_trap();
    }
    if (tutti::parseVelocityRange(text, low, high).isEmpty() && (low < 1 || high > 127 || low > high))
        __builtin_trap();
    tutti::DensityChoice density = tutti::DensityChoice::Any;
    double notes = 0.0;
    if (tutti::parseDensity(text, density, notes).isEmpty() && density == tutti::DensityChoice::Notes
        && !(notes > 0.0 && notes <= 48.0))
        __builtin_trap();
    tutti::RhythmGrid grid = tutti::RhythmGrid::Any;
    if (tutti::parseGrid(text, grid).isEmpty() && 12 % tutti::gridStep(grid) != 0)
        __builtin_trap();
    return 0;
}
// end of fuzznotecontrols.cpp
