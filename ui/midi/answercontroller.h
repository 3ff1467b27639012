// SPDX-License-Identifier: GPL-3.0-or-later
// answercontroller.h — "Answer me" in the GUI: while recording, when the player rests for a
// bar, the model's continuation joins the candidate tray as ghost notes and sounds from the
// next bar line; it is kept or discarded there like any candidate.
//
// Usage:
//   auto *answers = new AnswerController(midi, suggestions, audio, this);
//   answers->setEnabled(true);          // Playback > Answer Me
//
// The decision and the request are core/midi/liveanswer.h's; the model runs on a
// SuggestionWorker, and the candidate goes to the SuggestionController like any other.
#pragma once

#include "midi/liveanswer.h"

#include <QObject>

namespace tutti {

class AudioController;
class MidiController;
class SuggestionController;
class SuggestionWorker;

class AnswerController final : public QObject
{
    Q_OBJECT

public:
    AnswerController(MidiController *midi, SuggestionController *suggestions, AudioController *audio,
                     QObject *parent = nullptr);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    LiveAnswer &answer() { return m_answer; }

Q_SIGNALS:
    void message(const QString &text);

private:
    void positionChanged(Tick playhead);

    MidiController *m_midi;
    SuggestionController *m_suggestions;
    AudioController *m_audio;
    SuggestionWorker *m_worker;
    LiveAnswer m_answer;
    bool m_enabled = false;
    bool m_recording = false;
};

} // namespace tutti
// end of answercontroller.h
