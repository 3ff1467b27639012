// incrementalstep.h — one event through the network on plain floats, for decoding (internal).
//
// Usage (inside core/model only):
//   tutti::IncrementalStep step(network);                 // scratch buffers, allocated once
//   step.run(codes, position, cache, logits);             // six codes -> EventLogits
//
// At T = 1 each LibTorch op costs more in dispatch and allocation than in arithmetic, and
// a 4-layer step takes about a hundred of them. This step reads the network's weights as
// raw float arrays, calls BLAS matrix-vector products and writes only into buffers it owns
// and into the KV cache. It computes what Network::forward computes for one event with the
// same cache (tests/testmodel.cpp holds them within 1e-4), so a prompt can go through
// Network::forward in one pass and the events after it through this step.
#pragma once

#include "generation/logitsource.h"
#include "model/internal/network.h"

#include <array>
#include <cstdint>
#include <vector>

namespace tutti {

class IncrementalStep
{
public:
    // `network` must outlive the step; its weights must stay contiguous float32.
    explicit IncrementalStep(const Network &network);

    // The event at `position` (one code per field): writes its keys and values into `cache`
    // at `position` and the logits that predict the next event into `logits` (sized).
    void run(const std::array<std::int64_t, fieldCount> &codes, int position, KvCache &cache, EventLogits &logits);

private:
    void attend(int layerIndex, int position, KvCache &cache);

    const Network &m_network;
    std::vector<float> m_x;         // (D) the residual stream
    std::vector<float> m_normed;    // (D) its LayerNorm
    std::vector<float> m_qkv;       // (3D) = (3, H, W): query, key, value of every head
    std::vector<float> m_mixed;     // (D) = (H, W): every head's attention output
    std::vector<float> m_projected; // (D) a sublayer's output before the residual sum
    std::vector<float> m_hidden;    // (4D) the feed-forward layer's hidden units
    std::vector<float> m_weights;   // (context) one head's attention over the keys so far
};

} // namespace tutti
// end of incrementalstep.h
