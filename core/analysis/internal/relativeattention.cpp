// SPDX-License-Identifier: GPL-3.0-or-later
// relativeattention.cpp — summing attention weights by the musical distance between notes.
#include "analysis/relativeattention.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

struct NoteValues
{
    int event;    // index in the sequence
    std::array<int, relativeFieldCount> values; // beat, position, pitch
};

// The notes whose raw values lie in the ranges the bins cover.
std::vector<NoteValues> notesOf(std::span<const Event> events)
{
    std::vector<NoteValues> notes;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        if (!e.isNote())
            continue;
        const std::array<int, relativeFieldCount> values = {e.beatValue(), e.positionValue(), e.pitchValue()};
        bool inRange = true;
        for (int f = 0; f < relativeFieldCount; ++f)
            inRange = inRange && values[f] >= 0 && values[f] <= maxDifference(relativeFields[f]);
        if (inRange)
            notes.push_back({static_cast<int>(i), values});
    }
    return notes;
}

} // namespace

const char *relativeFieldName(RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return "beat";
    case RelativeField::Position: return "position";
    case RelativeField::Pitch: return "pitch";
    }
    return "?";
}

int maxDifference(RelativeField field)
{
    switch (field) {
    case RelativeField::Beat: return maxBeatsPerWindow - 1;
    case RelativeField::Position: return positionsPerBeat - 1;
    case RelativeField::Pitch: return 127;
    }
    return 0;
}

int minDifference(RelativeField field)
{
    return -maxDifference(field);
}

int RelativeAttention::binCount(RelativeField field)
{
    return 2 * maxDifference(field) + 1;
}

RelativeAttention::RelativeAttention(int layers, int heads)
    : m_layers(std::max(layers, 1))
    , m_heads(std::max(heads, 1))
    , m_weighted(static_cast<std::size_t>(m_layers * m_heads))
    , m_weightTotals(m_weighted.size(), 0.0)
{
    for (int f = 0; f < relativeFieldCount; ++f) {
        const auto bins = static_cast<std::size_t>(binCount(relativeFields[f]));
        m_pairCounts[f].assign(bins, 0.0);
        for (auto &head : m_weighted)
            head[f].assign(bins, 0.0);
    }
}

std::size_t RelativeAttention::headIndex(int layer, int head) const
{
    return static_cast<std::size_t>(layer * m_heads + head);
}

std::vector<double> &RelativeAttention::binsOf(RelativeField field, int layer, int head)
{
    return m_weighted[headIndex(layer, head)][static_cast<int>(field)];
}

const std::vector<double> &RelativeAttention::binsOf(RelativeField field, int layer, int head) const
{
    return m_weighted[headIndex(layer, head)][static_cast<int>(field)];
}

bool RelativeAttention::add(std::span<const Event> events, std::span<const float> weights)
{
    const auto t = events.size();
    if (weights.size() != static_cast<std::size_t>(m_layers * m_heads) * t * t)
        return false;
    const std::vector<NoteValues> notes = notesOf(events);
    std::array<int, relativeFieldCount> offsets{};
    for (int f = 0; f < relativeFieldCount; ++f)
        offsets[f] = maxDifference(relativeFields[f]); // bin of difference 0

    for (std::size_t q = 1; q < notes.size(); ++q) {
        for (std::size_t k = 0; k < q; ++k) {
            for (int f = 0; f < relativeFieldCount; ++f)
                m_pairCounts[f][offsets[f] + notes[k].values[f] - notes[q].values[f]] += 1.0;
        }
    }
    m_pairs += static_cast<std::int64_t>(notes.size()) * (static_cast<std::int64_t>(notes.size()) - 1) / 2;

    for (std::size_t h = 0; h < m_weighted.size(); ++h) {
        std::array<std::vector<double>, relativeFieldCount> &bins = m_weighted[h];
        double total = 0.0;
        for (std::size_t q = 1; q < notes.size(); ++q) {
            const float *row = weights.data() + (h * t + static_cast<std::size_t>(notes[q].event)) * t; // (T,) of head h
            for (std::size_t k = 0; k < q; ++k) {
                const double w = row[notes[k].event];
                total += w;
                for (int f = 0; f < relativeFieldCount; ++f)
                    bins[f][offsets[f] + notes[k].values[f] - notes[q].values[f]] += w;
            }
        }
        m_weightTotals[h] += total;
    }
    ++m_sequences;
    return true;
}

double RelativeAttention::gamma(RelativeField field, int layer, int head, int difference) const
{
    if (layer < 0 || layer >= m_layers || head < 0 || head >= m_heads || difference < minDifference(field)
        || difference > maxDifference(field))
        return 0.0;
    const double total = m_weightTotals[headIndex(layer, head)];
    return total > 0.0 ? binsOf(field, layer, head)[difference + maxDifference(field)] / total : 0.0;
}

double RelativeAttention::uniform(RelativeField field, int difference) const
{
    if (difference < minDifference(field) || difference > maxDifference(field) || m_pairs == 0)
        return 0.0;
    return m_pairCounts[static_cast<int>(field)][difference + maxDifference(field)] / static_cast<double>(m_pairs);
}

double RelativeAttention::gain(RelativeField field, int layer, int head, int difference) const
{
    return gamma(field, layer, head, difference) - uniform(field, difference);
}

QString RelativeAttention::toCsv() const
{
    QString csv = u"layer,head,field,difference,gamma,uniform,gain\n"_s;
    for (int layer = 0; layer < m_layers; ++layer) {
        for (int head = 0; head < m_heads; ++head) {
            for (RelativeField field : relativeFields) {
                const QString name = QString::fromLatin1(relativeFieldName(field));
                for (int k = minDifference(field); k <= maxDifference(field); ++k) {
                    if (m_pairCounts[static_cast<int>(field)][k + maxDifference(field)] == 0.0)
                        continue;
                    csv += QString::number(layer + 1) + u',' + QString::number(head + 1) + u',' + name + u','
                        + QString::number(k) + u',' + QString::number(gamma(field, layer, head, k), 'g', 8) + u','
                        + QString::number(uniform(field, k), 'g', 8) + u','
                        + QString::number(gain(field, layer, head, k), 'g', 8) + u'\n';
                }
            }
        }
    }
    return csv;
}

} // namespace tutti
// end of relativeattention.cpp
