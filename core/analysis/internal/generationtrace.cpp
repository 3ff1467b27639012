// SPDX-License-Identifier: GPL-3.0-or-later
// generationtrace.cpp — summarising each drawn field's distribution.
#include "analysis/generationtrace.h"

#include <algorithm>
#include <cmath>

namespace tutti {

double entropyBits(std::span<const float> probabilities)
{
    double entropy = 0.0;
    for (float p : probabilities)
        if (p > 0.0f)
            entropy -= p * std::log2(static_cast<double>(p));
    return std::max(entropy, 0.0);
}

double GenerationStep::entropy() const
{
    double sum = 0.0;
    for (const FieldDraw &draw : fields)
        sum += draw.entropy;
    return sum;
}

const FieldDraw *GenerationStep::draw(Field field) const
{
    for (const FieldDraw &draw : fields)
        if (draw.field == field)
            return &draw;
    return nullptr;
}

GenerationTrace::GenerationTrace(int topCount)
    : m_topCount(std::max(topCount, 1))
{
}

void GenerationTrace::fieldDrawn(Field field, std::span<const float> probabilities, int chosen)
{
    FieldDraw draw;
    draw.field = field;
    draw.chosen = chosen;
    draw.chosenProbability = chosen >= 0 && chosen < static_cast<int>(probabilities.size()) ? probabilities[chosen] : 0.0f;
    draw.entropy = entropyBits(probabilities);
    std::vector<std::pair<int, float>> candidates;
    for (int code = 0; code < static_cast<int>(probabilities.size()); ++code)
        if (probabilities[code] > 0.0f)
            candidates.emplace_back(code, probabilities[code]);
    draw.allowedCodes = static_cast<int>(candidates.size());
    const auto kept = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(m_topCount));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end(),
                      [](const auto &a, const auto &b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
    candidates.resize(kept);
    draw.top = std::move(candidates);
    // A new type draw starts a new event: what an unfinished one drew is dropped.
    if (field == Field::Type)
        m_current.clear();
    m_current.push_back(std::move(draw));
}

void GenerationTrace::eventAdded(const Event &event, int index)
{
    m_steps.push_back({event, index, std::move(m_current)});
    m_current.clear();
}

} // namespace tutti
// end of generationtrace.cpp
