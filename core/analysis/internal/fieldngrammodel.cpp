// SPDX-License-Identifier: GPL-3.0-or-later
// fieldngrammodel.cpp — counting, Witten-Bell interpolation, scoring and a sampling session.
#include "analysis/fieldngrammodel.h"

#include <algorithm>
#include <cmath>

namespace tutti {

namespace {

constexpr int maxOrder = 6;
constexpr int codeBits = 9; // codes + 1 (0 marks "before the start") fit: the largest field has 257 codes

int vocabulary(Field field)
{
    return fieldVocabularySizes[static_cast<std::size_t>(field)];
}

} // namespace

double SequenceLoss::perNote() const
{
    if (notes == 0)
        return 0.0;
    double sum = 0.0;
    for (double field : perField)
        sum += field;
    return sum * static_cast<double>(targets) / static_cast<double>(notes);
}

FieldNgramModel::FieldNgramModel(int order)
    : m_order(std::clamp(order, 1, maxOrder))
{
    for (int field = 0; field < fieldCount; ++field)
        m_unigrams[static_cast<std::size_t>(field)].assign(static_cast<std::size_t>(fieldVocabularySizes[field]), 0);
}

std::uint64_t FieldNgramModel::contextKey(Field field, std::span<const Event> history, int length)
{
    std::uint64_t key = static_cast<std::uint64_t>(field) | (static_cast<std::uint64_t>(length) << 3);
    for (int back = 1; back <= length; ++back) {
        const std::size_t size = history.size();
        const std::uint64_t code = static_cast<std::size_t>(back) <= size
            ? static_cast<std::uint64_t>(std::clamp(history[size - back][field], 0, 510)) + 1
            : 0;
        key |= code << (6 + codeBits * (back - 1));
    }
    return key;
}

void FieldNgramModel::train(std::span<const std::vector<Event>> sequences)
{
    for (const std::vector<Event> &sequence : sequences) {
        for (std::size_t t = 1; t < sequence.size(); ++t) {
            const std::span<const Event> history(sequence.data(), t);
            for (int f = 0; f < fieldCount; ++f) {
                const Field field = static_cast<Field>(f);
                const int code = sequence[t][field];
                if (code < 0 || code >= vocabulary(field))
                    continue;
                ++m_unigrams[static_cast<std::size_t>(f)][static_cast<std::size_t>(code)];
                ++m_unigramTotals[static_cast<std::size_t>(f)];
                for (int length = 1; length < m_order; ++length) {
                    Context &context = m_contexts[contextKey(field, history, length)];
                    ++context.total;
                    ++context.counts[code];
                }
            }
        }
    }
}

void FieldNgramModel::probabilities(Field field, std::span<const Event> history, std::vector<double> &out) const
{
    const std::size_t f = static_cast<std::size_t>(field);
    const int size = vocabulary(field);
    const double unigramTotal = static_cast<double>(m_unigramTotals[f] + size);
    out.resize(static_cast<std::size_t>(size));
    for (int code = 0; code < size; ++code)
        out[static_cast<std::size_t>(code)] = (static_cast<double>(m_unigrams[f][static_cast<std::size_t>(code)]) + 1.0)
            / unigramTotal;
    // Each longer context mixes its own counts with the shorter context's estimate, weighted
    // by how many different codes it has been seen to lead to (Witten-Bell).
    for (int length = 1; length < m_order; ++length) {
        const auto found = m_contexts.find(contextKey(field, history, length));
        if (found == m_contexts.end())
            continue;
        const Context &context = found->second;
        const double types = static_cast<double>(context.counts.size());
        const double denominator = static_cast<double>(context.total) + types;
        for (double &p : out)
            p *= types / denominator;
        for (const auto &[code, count] : context.counts)
            out[static_cast<std::size_t>(code)] += static_cast<double>(count) / denominator;
    }
}

void FieldNgramModel::logProbabilities(Field field, std::span<const Event> history, std::vector<float> &out) const
{
    std::vector<double> p;
    probabilities(field, history, p);
    out.resize(p.size());
    for (std::size_t code = 0; code < p.size(); ++code)
        out[code] = static_cast<float>(std::log(p[code]));
}

SequenceLoss FieldNgramModel::sequenceLoss(std::span<const std::vector<Event>> sequences) const
{
    SequenceLoss loss;
    std::array<double, fieldCount> sums{};
    std::vector<double> p;
    for (const std::vector<Event> &sequence : sequences) {
        for (std::size_t t = 1; t < sequence.size(); ++t) {
            const std::span<const Event> history(sequence.data(), t);
            for (int f = 0; f < fieldCount; ++f) {
                probabilities(static_cast<Field>(f), history, p);
                const int code = std::clamp(sequence[t][static_cast<Field>(f)], 0, fieldVocabularySizes[f] - 1);
                sums[static_cast<std::size_t>(f)] -= std::log(p[static_cast<std::size_t>(code)]);
            }
            ++loss.targets;
            loss.notes += sequence[t].isNote() ? 1 : 0;
        }
    }
    for (int f = 0; f < fieldCount; ++f)
        loss.perField[static_cast<std::size_t>(f)] =
            loss.targets > 0 ? sums[static_cast<std::size_t>(f)] / static_cast<double>(loss.targets) : 0.0;
    return loss;
}

FieldNgramSession::FieldNgramSession(const FieldNgramModel &model, int capacity)
    : m_model(model)
    , m_capacity(std::max(1, capacity))
{
}

const EventLogits &FieldNgramSession::append(std::span<const Event> events)
{
    m_events.insert(m_events.end(), events.begin(), events.end());
    for (int f = 0; f < fieldCount; ++f)
        m_model.logProbabilities(static_cast<Field>(f), m_events, m_logits.fields[static_cast<std::size_t>(f)]);
    return m_logits;
}

} // namespace tutti
// end of fieldngrammodel.cpp
