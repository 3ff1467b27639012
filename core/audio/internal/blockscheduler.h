// SPDX-License-Identifier: GPL-3.0-or-later
// blockscheduler.h — plays an EventSchedule into a Synthesizer one 64-frame block at a time.
//
// FluidSynth starts a voice only at the start of one of its 64-frame blocks. Each event is
// applied before the block whose start is nearest to the event's exact frame, so no event
// is off by more than 32 frames (0.73 ms at 44.1 kHz, 0.67 ms at 48 kHz). The scheduler
// holds no memory of its own: it is safe in the audio callback.
#pragma once

#include "eventschedule.h"
#include "synthesizer.h"

namespace tutti::audio {

class BlockScheduler
{
public:
    void setSchedule(const EventSchedule *schedule) { m_schedule = schedule; seek(m_position); }
    const EventSchedule *schedule() const { return m_schedule; }

    // Jumps to `frame` (rounded down to a block) without sounding what lies before it.
    void seek(Frame frame);
    Frame position() const { return m_position; }

    // Applies the events due at this block and renders it; advances by one block.
    void renderBlock(Synthesizer &synth, float *left, float *right);
    // Advances by one block without a synthesizer, dropping the events due there.
    void skipBlock();

    // The two halves of renderBlock(), for callers that send events elsewhere too (MIDI
    // out): apply(event) for each event due at this block, then advance() past it.
    template<typename Apply>
    void dispatchDue(Apply &&apply)
    {
        if (!m_schedule)
            return;
        const Frame due = m_position + Synthesizer::blockFrames / 2;
        const auto &events = m_schedule->events;
        while (m_next < events.size() && events[m_next].frame < due)
            apply(events[m_next++]);
    }
    void advance() { m_position += Synthesizer::blockFrames; }

private:
    const EventSchedule *m_schedule = nullptr;
    std::size_t m_next = 0; // index of the first event not yet applied
    Frame m_position = 0;   // first frame of the next block
};

} // namespace tutti::audio
// end of blockscheduler.h
