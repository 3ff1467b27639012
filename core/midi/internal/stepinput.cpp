// SPDX-License-Identifier: GPL-3.0-or-later
// stepinput.cpp — the chord-and-cursor rules of step entry.
#include "midi/stepinput.h"

#include <algorithm>

namespace tutti {

void StepInput::setCursor(Tick tick)
{
    m_cursor = std::max<Tick>(0, tick);
    m_held.clear();
}

void StepInput::setStep(Tick step)
{
    m_step = std::max<Tick>(1, step);
}

std::optional<Note> StepInput::press(int pitch, int velocity)
{
    pitch = std::clamp(pitch, 0, 127);
    if (!m_held.insert(pitch).second)
        return std::nullopt;
    return Note{m_cursor, m_step, pitch, std::clamp(velocity, 1, 127)};
}

bool StepInput::release(int pitch)
{
    if (m_held.erase(std::clamp(pitch, 0, 127)) == 0 || !m_held.empty())
        return false;
    m_cursor += m_step;
    return true;
}

void StepInput::rest()
{
    m_held.clear();
    m_cursor += m_step;
}

} // namespace tutti
// end of stepinput.cpp
