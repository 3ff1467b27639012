// SPDX-License-Identifier: GPL-3.0-or-later
// attentionsource.h — what the attention views need from a model: its self-attention
// weights over a sequence. An interface, so core/analysis never includes LibTorch.
//
// Usage:
//   const tutti::AttentionSource &source = model;                 // a TransformerModel (core/model)
//   tutti::AttentionMaps maps = source.attention(events);        // every layer and head
//   float w = maps.at(layer, head, query, key);
//
// A source is read-only and may be used from any thread.
#pragma once

#include "representation/event.h"

#include <span>
#include <vector>

namespace tutti {

// Self-attention weights: weights[((layer * heads + head) * events + query) * events + key],
// i.e. shape (L, H, T, T); each row sums to 1 and is 0 for key > query (causal).
struct AttentionMaps
{
    int layers = 0;
    int heads = 0;
    int events = 0;
    std::vector<float> weights;

    float at(int layer, int head, int query, int key) const
    {
        return weights[((static_cast<std::size_t>(layer) * heads + head) * events + query) * events + key];
    }
};

class AttentionSource
{
public:
    virtual ~AttentionSource() = default;

    virtual int attentionLayers() const = 0;
    virtual int attentionHeads() const = 0;
    virtual int attentionContext() const = 0; // most events one pass takes
    // 1..attentionContext() events; a full forward pass (about a second for 1,024 events).
    virtual AttentionMaps attention(std::span<const Event> events) const = 0;
};

} // namespace tutti
// end of attentionsource.h
