// SPDX-License-Identifier: GPL-3.0-or-later
// generationsession.cpp — incremental decoding over a preallocated KV cache (the model
// library's side of GenerationSession).
#include "model/generationsession.h"

#include "model/internal/incrementalstep.h"
#include "model/internal/modelimpl.h"
#include "model/internal/torchmodelplugin.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace tutti {
namespace {

class TorchGenerationSession final : public LogitSource
{
public:
    TorchGenerationSession(const TransformerModel &model, KvCacheMode mode);

    int capacity() const override;
    int length() const override;
    void reset() override;
    const EventLogits &append(std::span<const Event> events) override;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

struct TorchGenerationSession::State
{
    State(const TransformerModel &model, KvCacheMode mode)
        : network(modelImpl(model).network), mode(mode), cache(network.config()), step(network, 1)
    {
        codes = torch::zeros({1, network.config().context, fieldCount}, torch::kInt64); // (1, context, 6)
        for (int field = 0; field < fieldCount; ++field)
            logits.fields[field].resize(static_cast<std::size_t>(fieldVocabularySizes[field]));
    }

    const Network &network;
    KvCacheMode mode;
    KvCache cache;
    IncrementalStep step; // single events in Cached mode
    torch::Tensor codes; // every event appended so far, in place
    int length = 0;
    EventLogits logits;
};

TorchGenerationSession::TorchGenerationSession(const TransformerModel &model, KvCacheMode mode)
    : m_state(std::make_unique<State>(model, mode))
{
}

int TorchGenerationSession::capacity() const
{
    return m_state->network.config().context;
}

int TorchGenerationSession::length() const
{
    return m_state->length;
}

void TorchGenerationSession::reset()
{
    m_state->length = 0;
}

const EventLogits &TorchGenerationSession::append(std::span<const Event> events)
{
    State &state = *m_state;
    const int start = state.length;
    const int count = static_cast<int>(events.size());
    TORCH_CHECK(count >= 1 && start + count <= capacity(), "GenerationSession::append: events do not fit the context");

    int64_t *codes = state.codes.data_ptr<int64_t>() + static_cast<std::ptrdiff_t>(start) * fieldCount;
    for (const Event &event : events) {
        for (int field = 0; field < fieldCount; ++field)
            *codes++ = event[static_cast<Field>(field)];
    }
    state.length += count;

    if (state.mode == KvCacheMode::Cached && count == 1) {
        EventCodes event{};
        std::copy_n(codes - fieldCount, fieldCount, event.begin());
        KvCache *cache = &state.cache;
        state.step.run(std::span(&event, 1), std::span(&start, 1), std::span(&cache, 1), std::span(&state.logits, 1));
        return state.logits;
    }

    // A prompt (or the Recompute reference) in one batched LibTorch pass.
    c10::InferenceMode inference;
    FieldTensors output; // six (1, T, V)
    if (state.mode == KvCacheMode::Cached) {
        ForwardOptions options;
        options.cache = &state.cache;
        options.start = start;
        output = state.network.forward(state.codes.narrow(1, start, count), options); // codes (1, T, 6)
    } else {
        output = state.network.forward(state.codes.narrow(1, 0, state.length));      // codes (1, length, 6)
    }
    for (int field = 0; field < fieldCount; ++field) {
        const torch::Tensor last = output[field].select(1, output[field].size(1) - 1).contiguous(); // (1, V)
        std::memcpy(state.logits.fields[field].data(), last.data_ptr<float>(), state.logits.fields[field].size() * sizeof(float));
    }
    return state.logits;
}

} // namespace

std::unique_ptr<LogitSource> TorchModelPlugin::session(const TransformerModel &model, KvCacheMode mode)
{
    return std::make_unique<TorchGenerationSession>(model, mode);
}

} // namespace tutti
// end of generationsession.cpp
