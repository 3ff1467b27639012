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

} // namespace tutti
// end of logitsource.h
