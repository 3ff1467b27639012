// SPDX-License-Identifier: GPL-3.0-or-later
// recordingsession.h — what the MIDI input does to the score: a recorded take into the active
// track (one undo step), or step entry at the cursor; and a clean stop when the device goes.
//
// Usage:
//   tutti::RecordingSession session(&document, &input, &watcher);
//   session.startTake(track, engine.positionTick(), startNs, RecordingSession::Mode::Overdub, grid);
//   ...                                   // messages arrive through input.received
//   session.stopTake();                   // "Record" on the undo stack (nothing when empty)
//   session.setStepMode(true, track, cursor, editor.gridStep());  // or step entry
//   connect(&session, &RecordingSession::takeStopped, status, &Status::say); // why, and what was kept
//
// If the input's port vanishes mid-take the take stops at once and what was played is kept
// (takeStopped says so). Lives on the GUI thread.
#pragma once

#include "midi/midimessage.h"
#include "midi/midiport.h"
#include "midi/midirecorder.h"
#include "midi/stepinput.h"

#include <QObject>
#include <QString>

namespace tutti {

class MidiInput;
class MidiPortWatcher;
class ScoreDocument;

class RecordingSession final : public QObject
{
    Q_OBJECT

public:
    using Mode = MidiRecorder::Mode;

    RecordingSession(ScoreDocument *document, MidiInput *input, MidiPortWatcher *watcher, QObject *parent = nullptr);

    // The score is at startTick at the steady-clock moment startNs (after any count-in).
    void startTake(int track, Tick startTick, std::int64_t startNs, Mode mode, Tick quantizeStep = 0);
    bool isRecording() const { return m_recorder.isRecording(); }
    // Ends the take now; returns how many notes it pushed (as one "Record" command).
    int stopTake(const QString &reason = {});
    const MidiRecorder &recorder() const { return m_recorder; }

    void setStepMode(bool on, int track = 0, Tick cursor = 0, Tick step = 480);
    bool isStepMode() const { return m_stepMode; }
    void stepRest();
    Tick stepCursor() const { return m_steps.cursor(); }

    void take(const MidiMessage &message); // what input.received delivers

Q_SIGNALS:
    void takeStopped(int notes, const QString &reason);
    void stepCursorMoved(tutti::Tick cursor);
    void inputVanished(const QString &message);

private:
    void portVanished(const MidiPort &port);

    ScoreDocument *m_document;
    MidiInput *m_input;
    MidiRecorder m_recorder;
    StepInput m_steps;
    int m_track = 0;
    Mode m_mode = Mode::Overdub;
    bool m_stepMode = false;
    int m_stepTrack = 0;
};

} // namespace tutti
// end of recordingsession.h
