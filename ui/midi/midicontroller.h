// SPDX-License-Identifier: GPL-3.0-or-later
// midicontroller.h — the GUI's side of MIDI: the chosen ports (remembered in QSettings), thru
// on the active track, recording takes with count-in and metronome, step input, MIDI out.
//
// Usage:
//   auto *midi = new MidiController(&document, audio, this);
//   midi->start();                          // opens the remembered ports; says once if no MIDI system
//   midi->setActiveTrack(track);  midi->setRecording(true);  midi->setStepMode(true, cursor, grid);
//   connect(midi, &MidiController::message, statusBar, ...);
//
// The work is in core/midi (MidiInput, MidiThru, RecordingSession, MidiPortWatcher); this
// class joins them to the engine and keeps the settings.
#pragma once

#include "midi/midiport.h"
#include "score/score.h"

#include <QObject>

namespace tutti {

class AudioController;
class MidiInput;
class MidiPortWatcher;
class MidiSystem;
class MidiThru;
class RecordingSession;
class ScoreDocument;

struct MidiSettings
{
    MidiPort input;
    MidiPort output;
    int route = 0;          // audio::PlaybackEngine::Route
    int countInBars = 1;
    bool metronome = true;
    bool replace = false;   // replace the active track's notes under the take, else overdub
    bool quantize = false;  // snap onsets to the piano roll's grid as they are recorded
    bool answer = false;    // "Answer me": the model continues when the player rests for a bar
    int answerBars = 2;
    int answerProgram = -1; // General MIDI program that answers; -1: the recorded track's

    static MidiSettings load();
    void save() const;
};

class MidiController final : public QObject
{
    Q_OBJECT

public:
    MidiController(ScoreDocument *document, AudioController *audio, QObject *parent = nullptr);
    ~MidiController() override;

    void start();
    MidiSystem *system() const { return m_system; }
    MidiPortWatcher *watcher() const { return m_watcher; }
    RecordingSession *session() const { return m_session; }
    const MidiSettings &settings() const { return m_settings; }
    void applySettings(const MidiSettings &settings); // opens the ports, remembers the choice

    void setActiveTrack(int track);
    int activeTrack() const { return m_track; }
    void setGridStep(Tick step) { m_gridStep = step; }
    void setRecording(bool on);
    bool isRecording() const;
    void setStepMode(bool on, Tick cursor);

Q_SIGNALS:
    void message(const QString &text);
    void recordingChanged(bool recording);
    void stepCursorMoved(tutti::Tick cursor);

private:
    void openPorts();
    void openInput(bool quiet = false); // quiet: a retry as devices come and go

    ScoreDocument *m_document;
    AudioController *m_audio;
    MidiSystem *m_system;
    MidiPortWatcher *m_watcher;
    MidiInput *m_input;
    MidiThru *m_thru;
    RecordingSession *m_session;
    MidiSettings m_settings;
    int m_track = 0;
    Tick m_gridStep = 480;
    bool m_saidUnavailable = false;
};

} // namespace tutti
// end of midicontroller.h
