// SPDX-License-Identifier: GPL-3.0-or-later
// blockscheduler.cpp — event dispatch on FluidSynth's block grid.
#include "blockscheduler.h"

#include <algorithm>

namespace tutti::audio {

void BlockScheduler::seek(Frame frame)
{
    m_position = std::max<Frame>(0, frame) / Synthesizer::blockFrames * Synthesizer::blockFrames;
    m_next = 0;
    if (!m_schedule)
        return;
    // Events due before this block (by the nearest-block rule) are in the past.
    const Frame due = m_position - Synthesizer::blockFrames / 2;
    const auto &events = m_schedule->events;
    m_next = static_cast<std::size_t>(
        std::lower_bound(events.begin(), events.end(), due,
                         [](const ScheduledEvent &event, Frame f) { return event.frame < f; })
        - events.begin());
}

void BlockScheduler::renderBlock(Synthesizer &synth, float *left, float *right)
{
    dispatchDue([&synth](const ScheduledEvent &event) { synth.apply(event); });
    synth.renderBlock(left, right);
    advance();
}

void BlockScheduler::skipBlock()
{
    dispatchDue([](const ScheduledEvent &) {});
    advance();
}

} // namespace tutti::audio
// end of blockscheduler.cpp
