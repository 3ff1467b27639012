// SPDX-License-Identifier: GPL-3.0-or-later
// playbackengine.h — real-time playback: transport, loop, mute/solo, note preview.
//
// Usage:
//   tutti::audio::PlaybackEngine engine;
//   engine.openOutput();                       // the sound card, or a silent clock without one
//   if (!engine.hasAudioDevice()) status(engine.outputDescription());
//   engine.setSynthesizer(PlaybackEngine::loadSynthesizer(path, engine.sampleRate(), &error));
//                                              // load on a worker thread: an SF3 takes ~2 s
//   engine.setScore(score);                    // again after every edit
//   engine.play();  engine.seek(tick);  engine.setLoop(true, from, to);  engine.pause();
//   Tick t = engine.positionTick();            // poll for the playhead (PlaybackNotifier does)
//   engine.setMetronome(true);  engine.setCountIn(1);  engine.play();   // recording
//   engine.liveNoteOn(track, 60, 100);         // MIDI thru, from the MIDI thread
//   engine.setMidiOutput(std::move(output));  engine.setRoute(Route::Both); // MIDI out
//
// Timing comes from the audio callback, never from GUI timers: events are dispatched on
// FluidSynth's 64-frame block grid (within 32 frames of exact). All methods are for one
// control thread (the GUI thread); the audio thread is reached through a lock-free command
// queue and lock-free handoff of schedules and synthesizers, and never allocates or locks.
#pragma once

#include "score/score.h"

#include <QString>

#include <memory>

namespace tutti {
class MidiOutput;
}

namespace tutti::audio {

class Synthesizer;
struct SynthesizerDeleter
{
    void operator()(Synthesizer *synth) const;
};
// A synthesizer with its SoundFont loaded, ready for PlaybackEngine::setSynthesizer().
using SynthesizerPtr = std::unique_ptr<Synthesizer, SynthesizerDeleter>;

class PlaybackEngine
{
public:
    enum class Output
    {
        Device,  // the system's audio device, else a silent real-time clock
        Manual,  // nothing runs by itself: renderManually() drives it (tests, benchmarks)
    };

    explicit PlaybackEngine(Output output = Output::Device, int sampleRate = 44100);
    ~PlaybackEngine();
    PlaybackEngine(const PlaybackEngine &) = delete;
    PlaybackEngine &operator=(const PlaybackEngine &) = delete;

    // Starts the output. Without an audio device it runs silently in real time, so the
    // transport and the playhead still work. Safe to call again (does nothing).
    void openOutput();
    bool hasAudioDevice() const;
    QString outputDescription() const; // "Audio: pulseaudio, 44100 Hz" or why it is silent
    int sampleRate() const;

    // Thread-safe; call from a worker thread. Channels for up to 256 tracks.
    static SynthesizerPtr loadSynthesizer(const QString &soundFontPath, int sampleRate, QString *error);
    void setSynthesizer(SynthesizerPtr synth);
    bool hasSynthesizer() const;

    void setScore(const Score &score);
    void play();
    void pause();
    void stop();                 // pause and return to the loop start (or the beginning)
    void seek(Tick tick);
    void setLoop(bool enabled, Tick begin, Tick end);
    bool isPlaying() const;
    bool isLooping() const;

    Tick positionTick() const;
    double positionSeconds() const;

    // Sounds a note of `track`'s instrument at once, while playing or not.
    void previewNoteOn(int track, int pitch, int velocity = 100);
    void previewNoteOff(int track, int pitch);

    // Live input (MIDI thru) from ONE other thread, the MIDI thread: its own lock-free queue,
    // taken at the start of the next audio callback. Sounds on `track`'s channel, so with its
    // instrument; goes to the MIDI output instead or as well, as the route says.
    void liveNoteOn(int track, int pitch, int velocity);
    void liveNoteOff(int track, int pitch);
    void liveController(int track, int controller, int value);

    // The metronome: the SoundFont's percussion on a channel of its own, an accent on each
    // bar line and a click on each other beat, while playing.
    void setMetronome(bool enabled);
    bool metronome() const;
    // Bars of clicks that the next play() sounds before the score moves (0: none); the
    // playhead waits where it is meanwhile. Reset to 0 by that play().
    void setCountIn(int bars);
    bool isCountingIn() const;
    double countInSeconds() const; // of the count-in set now, at the playhead's tempo and metre

    // MIDI out: the score to an external port instead of, or as well as, FluidSynth. Each
    // track plays on its own MIDI channel (drum tracks on 10); program, volume and pan go out
    // at each play(). The engine owns the output and closes the one it had.
    enum class Route
    {
        Synthesizer,
        MidiPort,
        Both,
    };
    void setMidiOutput(std::unique_ptr<MidiOutput> output); // nullptr: none
    void setRoute(Route route);
    Route route() const;

    // Output::Manual only: renders `frames` (a multiple of 64) into left/right.
    void renderManually(float *left, float *right, int frames);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace tutti::audio
// end of playbackengine.h
