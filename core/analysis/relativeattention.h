// SPDX-License-Identifier: GPL-3.0-or-later
// relativeattention.h — MMT's "musical self-attention": how much attention each head pays to
// notes a given beat, position or pitch away, compared with attending to every note alike.
//
// Usage:
//   tutti::RelativeAttention stats(config.layers, config.heads);
//   for (const std::vector<tutti::Event> &sequence : sequences) {
//       tutti::AttentionMaps maps = model.attention(sequence);     // core/model
//       stats.add(sequence, maps.weights);
//   }
//   double g = stats.gamma(tutti::RelativeField::Beat, layer, head, -4); // keys one bar back
//   double lift = stats.gain(tutti::RelativeField::Beat, layer, head, -4);
//   QString csv = stats.toCsv();
//
// Over every query note s and earlier key note t (t < s in the sequence; other events and
// the diagonal do not count), with a(s, t) the head's weight and x a field's raw value:
//   gamma_k = sum of a(s, t) over pairs with x_t - x_s = k  /  sum of a(s, t) over all pairs
//   uniform_k = the same ratio with every a(s, t) = 1, gain_k = gamma_k - uniform_k.
// k is key minus query: beats back are negative (-4 is one 4/4 bar back), a key a fifth
// below the query is -7. Position is the twelfth of the beat (0..11), so k = 0 means the
// same place in the beat. Sums run over all sequences added, as in the paper.
#pragma once

#include "representation/event.h"

#include <QString>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace tutti {

enum class RelativeField
{
    Beat,
    Position,
    Pitch,
};

inline constexpr int relativeFieldCount = 3;
inline constexpr std::array<RelativeField, relativeFieldCount> relativeFields = {
    RelativeField::Beat, RelativeField::Position, RelativeField::Pitch};

const char *relativeFieldName(RelativeField field); // "beat", "position", "pitch"
int minDifference(RelativeField field);             // -255, -11, -127
int maxDifference(RelativeField field);             //  255,  11,  127

class RelativeAttention
{
public:
    RelativeAttention(int layers, int heads); // both >= 1

    int layers() const { return m_layers; }
    int heads() const { return m_heads; }
    int sequences() const { return m_sequences; }
    std::int64_t pairs() const { return m_pairs; } // note pairs counted, over all sequences

    // `weights` are (layers, heads, T, T) as AttentionMaps::weights, T = events.size().
    // Returns false, adding nothing, when the sizes disagree.
    bool add(std::span<const Event> events, std::span<const float> weights);

    // 0 for a difference out of range or before any pair was added; layer and head 0-based.
    double gamma(RelativeField field, int layer, int head, int difference) const;
    double uniform(RelativeField field, int difference) const;
    double gain(RelativeField field, int layer, int head, int difference) const;

    // One header line, then layer,head,field,difference,gamma,uniform,gain per difference
    // that occurred (layer and head 1-based, as the views number them).
    QString toCsv() const;

private:
    static int binCount(RelativeField field);
    std::size_t headIndex(int layer, int head) const;
    std::vector<double> &binsOf(RelativeField field, int layer, int head);
    const std::vector<double> &binsOf(RelativeField field, int layer, int head) const;

    int m_layers;
    int m_heads;
    int m_sequences = 0;
    std::int64_t m_pairs = 0;
    // [layer * heads + head][field]: summed weight per difference, and the head's total.
    std::vector<std::array<std::vector<double>, relativeFieldCount>> m_weighted;
    std::vector<double> m_weightTotals;
    std::array<std::vector<double>, relativeFieldCount> m_pairCounts; // per difference
};

} // namespace tutti
// end of relativeattention.h
