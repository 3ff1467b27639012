// SPDX-License-Identifier: GPL-3.0-or-later
// liveanswer.h — "Answer me": when the player rests for a bar during a take, the model
// continues from what was just played, in the chosen instruments, from the next bar line.
//
// Usage:
//   tutti::LiveAnswer answer;                 // settings(): bars, programs, context bars
//   answer.start(score);                      // with each take
//   // as the playhead moves (the GUI polls the engine):
//   if (std::optional<Tick> barLine = answer.barEnded(playhead, session.recorder())) {
//       Score context = LiveAnswer::withTake(score, track, session.recorder());
//       worker.start(model, context, answer.request(context, *barLine));  // core/generation's suggest()
//   }
//
// The moment: a bar of the take ends (the playhead crosses bar line B), new notes of the take
// sounded in that bar, and no key is held now. The answer is asked for at once; the bar from B is
// the player's rest, and the answer is written from the next bar line, B + one bar, for
// `bars` bars — in Continue mode, with the take's last `contextBars` bars as its context.
// One answer per rest: the next one waits for the player to play again.
#pragma once

#include "generation/suggestion.h"
#include "midi/midirecorder.h"
#include "score/score.h"

#include <optional>
#include <vector>

namespace tutti {

struct LiveAnswerSettings
{
    int bars = 2;               // 1..8 bars of answer
    std::vector<int> programs;  // General MIDI programs that answer; empty: the take's track's
    int contextBars = 4;        // bars of the take the model hears
    float temperature = 1.0f;
    std::uint64_t seed = 1;
};

class LiveAnswer
{
public:
    LiveAnswerSettings &settings() { return m_settings; }
    const LiveAnswerSettings &settings() const { return m_settings; }

    void start(const Score &score);
    // The bar line just crossed when it is the moment to answer, else nothing.
    std::optional<Tick> barEnded(Tick playhead, const MidiRecorder &recorder);

    // `score` with the take's finished notes so far in `track` (overdubbed).
    static Score withTake(const Score &score, int track, const MidiRecorder &recorder);
    // The request for an answer after the rest bar that starts at barLine.
    SuggestionRequest request(const Score &score, Tick barLine, int track) const;
    // Where the answer starts sounding: the next bar line after barLine.
    static Tick answerStart(const Score &score, Tick barLine);

private:
    LiveAnswerSettings m_settings;
    std::unique_ptr<TimeMap> m_map;
    Tick m_lastBarLine = -1;        // the bar line the playhead was last past
    std::size_t m_notesAnswered = 0; // take notes already answered
};

} // namespace tutti
// end of liveanswer.h
