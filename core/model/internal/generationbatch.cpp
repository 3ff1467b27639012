// SPDX-License-Identifier: GPL-3.0-or-later
// generationbatch.cpp — rows of KV caches and the batched incremental step (the model
// library's side of GenerationBatch).
#include "model/generationbatch.h"

#include "model/internal/incrementalstep.h"
#include "model/internal/modelimpl.h"
#include "model/internal/torchmodelplugin.h"

#include <algorithm>
#include <cstring>

namespace tutti {
namespace {

class TorchGenerationBatch final : public LogitBatch
{
public:
    TorchGenerationBatch(const TransformerModel &model, int rows);

    int rows() const override;
    int capacity() const override;
    int length(int row) const override;
    void reset() override;
    void resetRow(int row) override;
    const EventLogits &append(int row, std::span<const Event> events) override;
    void copyRow(int from, int to) override;
    std::span<const EventLogits> step(std::span<const int> rowIndices, std::span<const Event> events) override;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

struct TorchGenerationBatch::State
{
    State(const TransformerModel &model, int rowCount)
        : network(modelImpl(model).network), step(network, rowCount)
    {
        const int context = network.config().context;
        for (int row = 0; row < rowCount; ++row) {
            caches.push_back(std::make_unique<KvCache>(network.config()));
            codes.push_back(torch::zeros({1, context, fieldCount}, torch::kInt64)); // (1, context, 6)
        }
        lengths.assign(static_cast<std::size_t>(rowCount), 0);
        logits.resize(static_cast<std::size_t>(rowCount));
        for (EventLogits &row : logits) {
            for (int field = 0; field < fieldCount; ++field)
                row.fields[field].resize(static_cast<std::size_t>(fieldVocabularySizes[field]));
        }
        stepCodes.resize(static_cast<std::size_t>(rowCount));
        stepPositions.resize(static_cast<std::size_t>(rowCount));
        stepCaches.resize(static_cast<std::size_t>(rowCount));
        stepLogits.resize(static_cast<std::size_t>(rowCount));
        for (EventLogits &row : stepLogits) {
            for (int field = 0; field < fieldCount; ++field)
                row.fields[field].resize(static_cast<std::size_t>(fieldVocabularySizes[field]));
        }
    }

    // Writes events into the row's code tensor at its length (the record a prompt pass reads).
    void record(int row, std::span<const Event> events)
    {
        int64_t *at = codes[row].data_ptr<int64_t>() + static_cast<std::ptrdiff_t>(lengths[row]) * fieldCount;
        for (const Event &event : events) {
            for (int field = 0; field < fieldCount; ++field)
                *at++ = event[static_cast<Field>(field)];
        }
    }

    const Network &network;
    IncrementalStep step;
    std::vector<std::unique_ptr<KvCache>> caches; // one per row
    std::vector<torch::Tensor> codes;             // per row (1, context, 6): its events so far
    std::vector<int> lengths;
    std::vector<EventLogits> logits;              // per row, from append()
    // A step's inputs and outputs, in the order of its row list; allocated once.
    std::vector<EventCodes> stepCodes;
    std::vector<int> stepPositions;
    std::vector<KvCache *> stepCaches;
    std::vector<EventLogits> stepLogits;
};

TorchGenerationBatch::TorchGenerationBatch(const TransformerModel &model, int rows)
    : m_state(std::make_unique<State>(model, std::max(rows, 1)))
{
}

int TorchGenerationBatch::rows() const
{
    return static_cast<int>(m_state->caches.size());
}

int TorchGenerationBatch::capacity() const
{
    return m_state->network.config().context;
}

int TorchGenerationBatch::length(int row) const
{
    return m_state->lengths.at(static_cast<std::size_t>(row));
}

void TorchGenerationBatch::reset()
{
    std::fill(m_state->lengths.begin(), m_state->lengths.end(), 0);
}

void TorchGenerationBatch::resetRow(int row)
{
    m_state->lengths.at(static_cast<std::size_t>(row)) = 0;
}

const EventLogits &TorchGenerationBatch::append(int row, std::span<const Event> events)
{
    State &state = *m_state;
    const int start = length(row);
    const int count = static_cast<int>(events.size());
    TORCH_CHECK(count >= 1 && start + count <= capacity(), "GenerationBatch::append: events do not fit the context");
    if (count == 1) {
        state.logits[row] = step(std::span(&row, 1), events).front(); // same sizes: copies without allocating
        return state.logits[row];
    }
    state.record(row, events);
    state.lengths[row] += count;

    // A prompt in one batched LibTorch pass over this row's cache.
    c10::InferenceMode inference;
    ForwardOptions options;
    options.cache = state.caches[row].get();
    options.start = start;
    const FieldTensors output = state.network.forward(state.codes[row].narrow(1, start, count), options); // six (1, T, V)
    for (int field = 0; field < fieldCount; ++field) {
        const torch::Tensor last = output[field].select(1, count - 1).contiguous(); // (1, V)
        std::memcpy(state.logits[row].fields[field].data(), last.data_ptr<float>(),
                    state.logits[row].fields[field].size() * sizeof(float));
    }
    return state.logits[row];
}

void TorchGenerationBatch::copyRow(int from, int to)
{
    State &state = *m_state;
    if (from == to)
        return;
    const int length = state.lengths.at(static_cast<std::size_t>(from));
    for (std::size_t layer = 0; layer < state.caches[from]->keys.size(); ++layer) {
        state.caches[to]->keys[layer].narrow(2, 0, length).copy_(state.caches[from]->keys[layer].narrow(2, 0, length));
        state.caches[to]->values[layer].narrow(2, 0, length).copy_(state.caches[from]->values[layer].narrow(2, 0, length));
    }
    state.codes[to].narrow(1, 0, length).copy_(state.codes[from].narrow(1, 0, length));
    state.lengths[to] = length;
    state.logits[to] = state.logits[from];
}

std::span<const EventLogits> TorchGenerationBatch::step(std::span<const int> rowIndices, std::span<const Event> events)
{
    State &state = *m_state;
    const std::size_t k = rowIndices.size();
    TORCH_CHECK(k >= 1 && k == events.size() && k <= state.caches.size(), "GenerationBatch::step: rows and events do not match");
    for (std::size_t i = 0; i < k; ++i) {
        const int row = rowIndices[i];
        TORCH_CHECK(row >= 0 && row < rows() && state.lengths[row] < capacity(), "GenerationBatch::step: row full or unknown");
        for (int field = 0; field < fieldCount; ++field)
            state.stepCodes[i][field] = events[i][static_cast<Field>(field)];
        state.stepPositions[i] = state.lengths[row];
        state.stepCaches[i] = state.caches[row].get();
    }
    state.step.run(std::span(state.stepCodes).first(k), std::span(state.stepPositions).first(k),
                   std::span(state.stepCaches).first(k), std::span(state.stepLogits).first(k));
    for (std::size_t i = 0; i < k; ++i) {
        state.record(rowIndices[i], events.subspan(i, 1));
        ++state.lengths[rowIndices[i]];
    }
    return std::span(state.stepLogits).first(k);
}

} // namespace

std::unique_ptr<LogitBatch> TorchModelPlugin::batch(const TransformerModel &model, int rows)
{
    return std::make_unique<TorchGenerationBatch>(model, rows);
}

} // namespace tutti
// end of generationbatch.cpp
