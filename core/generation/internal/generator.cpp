// SPDX-License-Identifier: GPL-3.0-or-later
// generator.cpp — the sampling loop: one event at a time, field by field.
#include "generation/generator.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

// Scratch space for drawing one code, allocated once per run.
class FieldSampler
{
public:
    FieldSampler(const GenerationParams &params, const GenerationCallbacks &callbacks,
                 std::span<const EventMask *const> masks)
        : m_params(params), m_callbacks(callbacks), m_masks(masks), m_rng(params.seed)
    {
        for (int field = 0; field < fieldCount; ++field)
            m_scratch[field].resize(static_cast<std::size_t>(fieldVocabularySizes[field]));
        m_candidates.reserve(static_cast<std::size_t>(fieldVocabularySizes[static_cast<int>(Field::Beat)]));
        if (m_callbacks.fieldDrawn)
            m_modelProbabilities.resize(m_candidates.capacity());
    }

    // A code for `field`, or -1 when every code is forbidden.
    int draw(const EventLogits &logits, const SamplingState &state, Field field)
    {
        const int index = static_cast<int>(field);
        std::vector<float> &scores = m_scratch[index];
        std::copy(logits.fields[index].begin(), logits.fields[index].end(), scores.begin());
        m_grammar.apply(state, field, scores);
        for (const EventMask *mask : m_masks)
            mask->apply(state, field, scores);

        m_candidates.clear();
        for (int code = 0; code < static_cast<int>(scores.size()); ++code) {
            if (std::isfinite(scores[code]))
                m_candidates.push_back(code);
        }
        if (m_candidates.empty())
            return -1;
        if (m_callbacks.fieldDrawn)
            rememberModelProbabilities(scores);

        // Most likely first: top-k and top-p both keep a prefix of this order.
        std::sort(m_candidates.begin(), m_candidates.end(), [&](int a, int b) { return scores[a] > scores[b]; });
        const int k = m_params.topK[index];
        if (k > 0 && static_cast<int>(m_candidates.size()) > k)
            m_candidates.resize(static_cast<std::size_t>(k));

        const float temperature = std::max(m_params.temperature[index], 1e-4f);
        const float best = scores[m_candidates.front()];
        double total = 0.0;
        for (int code : m_candidates) {
            scores[code] = static_cast<float>(std::exp((scores[code] - best) / temperature));
            total += scores[code];
        }
        const double topP = std::clamp(static_cast<double>(m_params.topP[index]), 0.0, 1.0);
        if (topP < 1.0) {
            double kept = 0.0;
            std::size_t count = 0;
            while (count < m_candidates.size() && (count == 0 || kept < topP * total))
                kept += scores[m_candidates[count++]];
            m_candidates.resize(count);
            total = kept;
        }

        double target = std::uniform_real_distribution<double>(0.0, total)(m_rng);
        int chosen = m_candidates.back();
        for (int code : m_candidates) {
            target -= scores[code];
            if (target <= 0.0) {
                chosen = code;
                break;
            }
        }
        if (m_callbacks.fieldDrawn)
            m_callbacks.fieldDrawn(field, std::span<const float>(m_modelProbabilities.data(), scores.size()), chosen);
        return chosen;
    }

private:
    // softmax(masked logits) at temperature 1, for the teaching view.
    void rememberModelProbabilities(std::span<const float> scores)
    {
        float best = -std::numeric_limits<float>::infinity();
        for (int code : m_candidates)
            best = std::max(best, scores[code]);
        double total = 0.0;
        std::fill(m_modelProbabilities.begin(), m_modelProbabilities.end(), 0.0f);
        for (int code : m_candidates) {
            m_modelProbabilities[code] = std::exp(scores[code] - best);
            total += m_modelProbabilities[code];
        }
        for (int code : m_candidates)
            m_modelProbabilities[code] = static_cast<float>(m_modelProbabilities[code] / total);
    }

    const GenerationParams &m_params;
    const GenerationCallbacks &m_callbacks;
    std::span<const EventMask *const> m_masks;
    SequenceGrammar m_grammar;
    std::mt19937_64 m_rng;
    std::array<std::vector<float>, fieldCount> m_scratch;
    std::vector<int> m_candidates;
    std::vector<float> m_modelProbabilities;
};

void noteEvent(SamplingState &state, const Event &event)
{
    switch (event.eventType()) {
    case EventType::Instrument:
        if (event.instrument >= 1 && event.instrument <= 64)
            state.declaredInstruments.set(static_cast<std::size_t>(event.instrument));
        break;
    case EventType::Note:
        state.lastNote = &event;
        break;
    case EventType::InfillContextAfter:
        state.firstBeatCode = std::max<int>(event.beat, 1);
        break;
    case EventType::InfillMiddle: // the middle starts afresh at the gap's first beat
        state.lastNote = nullptr;
        state.lastBeatCode = std::clamp<int>(event.beat, state.firstBeatCode, maxBeatsPerWindow);
        break;
    default:
        break;
    }
}

} // namespace

GenerationResult generate(LogitSource &source, std::span<const Event> prompt, const GenerationParams &params,
                          const GenerationCallbacks &callbacks, std::span<const EventMask *const> masks)
{
    GenerationResult result;
    const int maxEvents = std::min(params.maxEvents, source.capacity());
    std::vector<Event> &events = result.events;
    events.reserve(static_cast<std::size_t>(std::max(maxEvents, 1))); // lastNote points into it: no reallocation
    events.assign(prompt.begin(), prompt.end());
    if (events.empty())
        events.push_back(Event::ofType(EventType::StartOfSong));
    if (events.back().eventType() == EventType::EndOfSong)
        events.pop_back();
    if (events.empty() || events.front().eventType() != EventType::StartOfSong) {
        result.error = u"a prompt must begin with start-of-song"_s;
        return result;
    }
    if (static_cast<int>(events.size()) >= maxEvents) {
        result.error = u"the prompt already fills %1 events"_s.arg(maxEvents);
        return result;
    }

    SamplingState state;
    state.history = &events;
    state.maxEvents = maxEvents;
    state.promptEvents = static_cast<int>(events.size());
    static std::atomic<std::uint64_t> runs{0};
    state.run = ++runs;
    for (const Event &event : events)
        noteEvent(state, event);

    FieldSampler sampler(params, callbacks, masks);
    source.reset();
    const EventLogits *logits = &source.append(events);
    while (static_cast<int>(events.size()) < maxEvents) {
        if (callbacks.cancelled && callbacks.cancelled()) {
            result.cancelled = true;
            break;
        }
        state.current = Event();
        const int type = sampler.draw(*logits, state, Field::Type);
        if (type < 0)
            break;
        state.current.type = static_cast<std::int16_t>(type);
        const EventType eventType = state.current.eventType();
        if (eventType == EventType::Note) {
            for (Field field : {Field::Beat, Field::Position, Field::Pitch, Field::Duration, Field::Instrument}) {
                const int code = sampler.draw(*logits, state, field);
                if (code < 0) {
                    result.error = u"no allowed %1 for a note"_s.arg(QString::fromLatin1(fieldName(field)));
                    return result;
                }
                if (field == Field::Beat && code >= params.stopAtBeatCode) {
                    result.ended = true; // the requested length is reached
                    result.reachedStopBeat = true;
                    return result;
                }
                state.current.set(field, code);
            }
        } else if (eventType == EventType::Instrument) {
            const int code = sampler.draw(*logits, state, Field::Instrument);
            if (code < 0)
                break;
            state.current.instrument = static_cast<std::int16_t>(code);
        }
        events.push_back(state.current);
        noteEvent(state, events.back());
        if (callbacks.progress)
            callbacks.progress(events.back(), static_cast<int>(events.size()), maxEvents);
        if (eventType == EventType::EndOfSong) {
            result.ended = true;
            break;
        }
        if (static_cast<int>(events.size()) < maxEvents)
            logits = &source.append(std::span<const Event>(&events.back(), 1));
    }
    return result;
}

} // namespace tutti
// end of generator.cpp
