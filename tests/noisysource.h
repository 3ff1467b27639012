// SPDX-License-Identifier: GPL-3.0-or-later
// noisysource.h — a fake model for sampler tests: logits from a fixed pseudo-random stream.
//
// Usage:
//   NoisySource source(300, 5.0f);        // 300 events at most, prefers notes to ending
//   tutti::generate(source, {}, params);
#pragma once

#include "generation/logitsource.h"

#include <random>

namespace tutti {

// A model that likes everything equally, with scores that vary by position so that sampling
// has something to choose: whatever it draws is decided by the masks and the seed alone.
class NoisySource final : public LogitSource
{
public:
    // noteBias > 0 makes the model prefer notes to ending the song; beatSlope > 0 makes it
    // prefer early beats, so that time moves on in small steps as in real music.
    explicit NoisySource(int capacity, float noteBias = 0.0f, float beatSlope = 0.0f)
        : m_capacity(capacity), m_noteBias(noteBias), m_beatSlope(beatSlope)
    {
        for (int field = 0; field < fieldCount; ++field)
            m_logits.fields[field].resize(static_cast<std::size_t>(fieldVocabularySizes[field]));
    }

    int capacity() const override { return m_capacity; }
    int length() const override { return m_length; }
    void reset() override { m_length = 0; }
    const EventLogits &append(std::span<const Event> events) override
    {
        m_length += static_cast<int>(events.size());
        std::mt19937 rng(static_cast<unsigned>(m_length));
        for (std::vector<float> &field : m_logits.fields) {
            for (float &value : field)
                value = std::uniform_real_distribution<float>(-1.0f, 1.0f)(rng);
        }
        m_logits.fields[0][static_cast<int>(EventType::Note)] += m_noteBias;
        std::vector<float> &beats = m_logits.fields[static_cast<int>(Field::Beat)];
        for (std::size_t code = 0; code < beats.size(); ++code)
            beats[code] -= m_beatSlope * static_cast<float>(code);
        return m_logits;
    }

private:
    int m_capacity;
    float m_noteBias;
    float m_beatSlope;
    int m_length = 0;
    EventLogits m_logits;
};

} // namespace tutti
// end of noisysource.h
