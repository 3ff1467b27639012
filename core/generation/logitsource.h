// SPDX-License-Identifier: GPL-3.0-or-later
// logitsource.h — what the sampler needs from a model: logits for the next event.
//
// Usage:
//   tutti::GenerationSession session(model);             // core/model implements this
//   const tutti::EventLogits &next = session.append(prompt);
//   float typeScore = next.fields[0][3];                 // unnormalised score of "note"
//
// An interface so the sampling rules can be tested with a fake model and so core/generation
// never includes LibTorch.
#pragma once

#include "representation/event.h"

#include <array>
#include <span>
#include <vector>

namespace tutti {

// fields[f] holds fieldVocabularySizes[f] unnormalised log-probabilities.
struct EventLogits
{
    std::array<std::vector<float>, fieldCount> fields;
};

class LogitSource
{
public:
    virtual ~LogitSource() = default;

    virtual int capacity() const = 0; // most events one sequence may hold
    virtual int length() const = 0;   // events appended since the last reset
    virtual void reset() = 0;
    // Appends 1..capacity() - length() events and returns the logits that predict the event
    // after them. The reference stays valid until the next call.
    virtual const EventLogits &append(std::span<const Event> events) = 0;
};

// K sequences decoded side by side: the candidates of one request. Each row is a sequence
// of its own; step() feeds one event to each of several rows in one pass through the
// network, which reads every weight once for all of them. A row's logits are those it
// would get alone (within float rounding).
class LogitBatch
{
public:
    virtual ~LogitBatch() = default;

    virtual int rows() const = 0;
    virtual int capacity() const = 0;      // most events one row may hold
    virtual int length(int row) const = 0; // events appended to the row since the last reset
    virtual void reset() = 0;              // every row empty
    virtual void resetRow(int row) = 0;    // that row empty, the others as they are
    // Appends 1..capacity() - length(row) events to one row (a prompt, or events the caller
    // forces) and returns the logits that predict its next event; valid until the next call.
    virtual const EventLogits &append(int row, std::span<const Event> events) = 0;
    // Row `to` becomes a copy of row `from` (its events and cache): a shared prompt runs once.
    virtual void copyRow(int from, int to) = 0;
    // Appends events[i] to row rowIndices[i] for every i (distinct rows) and returns their
    // logits in the same order; valid until the next call.
    virtual std::span<const EventLogits> step(std::span<const int> rowIndices, std::span<const Event> events) = 0;
};

} // namespace tutti
// end of logitsource.h
