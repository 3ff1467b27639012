// SPDX-License-Identifier: GPL-3.0-or-later
// generationsession.h — one sequence being decoded: the KV cache and the next logits.
//
// Usage:
//   tutti::GenerationSession session(model);                 // allocates the cache once
//   const tutti::EventLogits &next = session.append(prompt);  // prompt in one pass
//   ... = session.append(std::span(&sampled, 1));             // then one event at a time
//   session.reset();                                          // a new sequence, same cache
//
// The model stays shared and read-only (and must outlive its sessions); each session owns
// its keys and values, (L, H, context, W) floats for each, written in place as events
// arrive. With KvCacheMode::Recompute the session keeps the events and runs the whole
// sequence again for every call: the reference the benchmark compares the cache against.
// A prompt goes through LibTorch in one batched pass; each later single event goes through
// IncrementalStep (plain floats and BLAS), which allocates nothing: the cache, the input
// codes, the scratch buffers and the logits are allocated once per session.
#pragma once

#include "generation/logitsource.h"
#include "model/transformermodel.h"

#include <memory>

namespace tutti {

enum class KvCacheMode
{
    Cached,
    Recompute,
};

class GenerationSession final : public LogitSource
{
public:
    explicit GenerationSession(const TransformerModel &model, KvCacheMode mode = KvCacheMode::Cached);
    ~GenerationSession() override;

    int capacity() const override;
    int length() const override;
    void reset() override;
    const EventLogits &append(std::span<const Event> events) override;

private:
    std::unique_ptr<LogitSource> m_source; // made by the model library (modelplugin.h)
};

} // namespace tutti
// end of generationsession.h
