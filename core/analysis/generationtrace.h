// SPDX-License-Identifier: GPL-3.0-or-later
// generationtrace.h — what the model believed at each step of a generation: per field, the
// most likely codes, the entropy of its distribution and the code drawn (the teaching view).
//
// Usage:
//   tutti::GenerationTrace trace;
//   tutti::GenerationCallbacks callbacks;                          // generation/generator.h
//   callbacks.fieldDrawn = [&](tutti::Field f, std::span<const float> p, int chosen) { trace.fieldDrawn(f, p, chosen); };
//   callbacks.progress = [&](const tutti::Event &e, int events, int) { trace.eventAdded(e, events - 1); };
//   tutti::generate(session, prompt, params, callbacks);
//   for (const tutti::GenerationStep &step : trace.steps()) show(step.event, step.entropy());
//
// A step is one event the generator added; the fields it drew (type, and for a note beat,
// position, pitch, duration, instrument) are recorded in draw order. Fields drawn for an
// event that was then not added (the note that reached the stop beat) are dropped.
// Entropy is in bits over the distribution the generator reports (the model's softmax after
// the grammar's masks): 0 where only one code was allowed.
#pragma once

#include "representation/event.h"

#include <span>
#include <utility>
#include <vector>

namespace tutti {

struct FieldDraw
{
    Field field = Field::Type;
    int chosen = 0;
    float chosenProbability = 0.0f;
    double entropy = 0.0;                    // bits
    int allowedCodes = 0;                    // codes with probability > 0
    std::vector<std::pair<int, float>> top;  // (code, probability), most likely first
};

struct GenerationStep
{
    Event event;
    int index = 0;                 // the event's position in the sequence
    std::vector<FieldDraw> fields; // in draw order

    double entropy() const;        // sum over the fields drawn, bits
    const FieldDraw *draw(Field field) const; // nullptr when the field was not drawn
};

// Entropy in bits of a distribution (zeros ignored; the values should sum to 1).
double entropyBits(std::span<const float> probabilities);

class GenerationTrace
{
public:
    explicit GenerationTrace(int topCount = 5); // candidates kept per field, >= 1

    void fieldDrawn(Field field, std::span<const float> probabilities, int chosen);
    void eventAdded(const Event &event, int index);

    const std::vector<GenerationStep> &steps() const { return m_steps; }
    std::vector<GenerationStep> takeSteps() { return std::move(m_steps); }

private:
    int m_topCount;
    std::vector<FieldDraw> m_current;
    std::vector<GenerationStep> m_steps;
};

} // namespace tutti
// end of generationtrace.h
