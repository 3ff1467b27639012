// SPDX-License-Identifier: GPL-3.0-or-later
// stepinput.h — step entry from a MIDI keyboard: each key writes a note of the grid length at
// the cursor; keys held together make a chord; the cursor moves on when all are let go.
//
// Usage:
//   tutti::StepInput steps;
//   steps.setCursor(editor.playhead());
//   steps.setStep(editor.gridStep());
//   if (auto note = steps.press(60, 90)) editor.addNote(*note);  // at once, while held
//   steps.release(60);                  // the last key up: the cursor moves one step on
//   steps.rest();                       // a rest: on by one step, nothing written
#pragma once

#include "score/score.h"

#include <optional>
#include <set>

namespace tutti {

class StepInput
{
public:
    void setCursor(Tick tick);
    Tick cursor() const { return m_cursor; }
    void setStep(Tick step); // >= 1
    Tick step() const { return m_step; }

    // The note the key writes, or nothing when the key is already held.
    std::optional<Note> press(int pitch, int velocity);
    // True when this was the last held key and the cursor moved on.
    bool release(int pitch);
    void rest();
    int heldCount() const { return int(m_held.size()); }

private:
    Tick m_cursor = 0;
    Tick m_step = Score::defaultTicksPerQuarter;
    std::set<int> m_held;
};

} // namespace tutti
// end of stepinput.h
