// SPDX-License-Identifier: GPL-3.0-or-later
// fieldngrammodel.h — the baseline `tutti eval` sets beside the transformer: one n-gram per field.
//
// Usage:
//   tutti::FieldNgramModel baseline(3);                     // trigrams
//   baseline.train(trainingSequences);                      // MMT event sequences
//   tutti::SequenceLoss loss = baseline.sequenceLoss(validationSequences);
//   tutti::FieldNgramSession session(baseline);             // a LogitSource: sample it with
//   tutti::suggest(session, score, request);                // the transformer's own sampler
//
// Each of the six fields of an event (type, beat, position, pitch, duration, instrument) is
// predicted from that same field in the order - 1 events before it, and from nothing else:
// the pitch model sees previous pitches, never the instrument or the beat. Probabilities are
// interpolated Witten-Bell estimates down to an add-one unigram, so no code is impossible.
// Sequences are scored on the targets the transformer's loss uses (trainer.h sequenceLoss):
// every field of every event after the first, natural logarithms.
#pragma once

#include "generation/logitsource.h"
#include "representation/event.h"

#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace tutti {

struct SequenceLoss
{
    std::array<double, fieldCount> perField{}; // mean negative log-likelihood per target, nats
    std::int64_t targets = 0;                  // events predicted (each has all six fields)
    std::int64_t notes = 0;                    // of which notes

    // Total negative log-likelihood of all six fields over the note targets' share: the
    // nats an average note costs, counting the non-note events' cost too.
    double perNote() const;
};

class FieldNgramModel
{
public:
    explicit FieldNgramModel(int order = 3); // order 1..6: events of context + 1

    int order() const { return m_order; }
    void train(std::span<const std::vector<Event>> sequences);

    // Natural log-probabilities of every code of `field` after `history` (the earlier events
    // of the sequence; only its last order - 1 count). Sums to 1 in probability.
    void logProbabilities(Field field, std::span<const Event> history, std::vector<float> &out) const;

    SequenceLoss sequenceLoss(std::span<const std::vector<Event>> sequences) const;

private:
    struct Context
    {
        std::int64_t total = 0;
        std::unordered_map<int, std::int64_t> counts; // code -> times seen after this context
    };

    // The field's codes of the last `length` events of history (padding before the start),
    // packed with the field and the length into one exact key.
    static std::uint64_t contextKey(Field field, std::span<const Event> history, int length);
    void probabilities(Field field, std::span<const Event> history, std::vector<double> &out) const;

    int m_order;
    std::array<std::vector<std::int64_t>, fieldCount> m_unigrams;
    std::array<std::int64_t, fieldCount> m_unigramTotals{};
    std::unordered_map<std::uint64_t, Context> m_contexts;
};

// One sequence being sampled from a FieldNgramModel (which must outlive it).
class FieldNgramSession final : public LogitSource
{
public:
    explicit FieldNgramSession(const FieldNgramModel &model, int capacity = maxSequenceEvents);

    int capacity() const override { return m_capacity; }
    int length() const override { return static_cast<int>(m_events.size()); }
    void reset() override { m_events.clear(); }
    const EventLogits &append(std::span<const Event> events) override;

private:
    const FieldNgramModel &m_model;
    int m_capacity;
    std::vector<Event> m_events;
    EventLogits m_logits;
};

} // namespace tutti
// end of fieldngrammodel.h
