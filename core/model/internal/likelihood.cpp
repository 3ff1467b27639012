// SPDX-License-Identifier: GPL-3.0-or-later
// likelihood.cpp — NLL per note of a model over windows of pieces.
#include "model/likelihood.h"

#include "model/trainer.h"
#include "representation/encoder.h"

#include <algorithm>

namespace tutti {

std::vector<std::vector<Event>> likelihoodWindows(const std::vector<Event> &notes, int maxEvents, int limit)
{
    std::vector<std::vector<Event>> windows;
    if (notes.empty())
        return windows;
    int count = 0;
    for (int firstBeat = 0; firstBeat <= notes.back().beatValue() && (limit == 0 || count < limit);
         firstBeat += maxBeatsPerWindow, ++count) {
        EncodeOptions window;
        window.firstBeat = firstBeat;
        window.maxEvents = maxEvents;
        windows.push_back(sequenceFromNotes(notes, window));
    }
    return windows;
}

SequenceLoss sequenceLikelihood(const TransformerModel &model, const std::vector<std::vector<Event>> &windows,
                                int batchSize)
{
    SequenceLoss loss;
    std::array<double, fieldCount> sums{};
    const std::size_t step = static_cast<std::size_t>(std::max(1, batchSize));
    for (std::size_t first = 0; first < windows.size(); first += step) {
        const std::vector<std::vector<Event>> batch(
            windows.begin() + static_cast<std::ptrdiff_t>(first),
            windows.begin() + static_cast<std::ptrdiff_t>(std::min(first + step, windows.size())));
        std::int64_t targets = 0;
        for (const std::vector<Event> &window : batch) {
            targets += std::max<std::int64_t>(static_cast<std::int64_t>(window.size()) - 1, 0);
            if (window.size() > 1)
                loss.notes += std::count_if(window.begin() + 1, window.end(), [](const Event &e) { return e.isNote(); });
        }
        if (targets == 0)
            continue;
        const std::array<double, fieldCount> means = sequenceLoss(model, batch);
        for (std::size_t f = 0; f < sums.size(); ++f)
            sums[f] += means[f] * static_cast<double>(targets);
        loss.targets += targets;
    }
    for (std::size_t f = 0; f < sums.size(); ++f)
        loss.perField[f] = sums[f] / std::max<double>(1.0, static_cast<double>(loss.targets));
    return loss;
}

} // namespace tutti
// end of likelihood.cpp
