// SPDX-License-Identifier: GPL-3.0-or-later
// playbackengine.cpp — the audio callback, its command queue, and the output (device or
// silent clock).
#include "audio/playbackengine.h"

#include "blockscheduler.h"
#include "handoff.h"
#include "midi/midioutput.h"
#include "peaklimiter.h"
#include "score/timemap.h"
#include "synthesizer.h"

#include <QLoggingCategory>

#include <fluidsynth.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPlayback, "tutti.playback")

namespace tutti::audio {

namespace {

constexpr int maxChannels = 256; // FluidSynth's channel limit
constexpr int maxTracks = maxChannels - 1; // the channel after the tracks is the metronome's
constexpr int metronomeBarsPastEnd = 500;
constexpr int silentClockPeriod = 512;

struct Command
{
    enum class Kind : std::uint8_t
    {
        Play,
        Pause,
        Seek,
        Loop,
        NoteOn,
        NoteOff,
        Control,
    };
    Kind kind = Kind::Play;
    bool enabled = false;
    Frame first = 0;
    Frame second = 0;
    int channel = 0;
    int key = 0;
    int velocity = 0;
};

} // namespace

struct PlaybackEngine::State
{
    Output output;
    int sampleRate;

    // Shared with the audio thread.
    Handoff<Synthesizer> synths;
    Handoff<EventSchedule> schedules;
    Handoff<MidiOutput> midiOutputs;
    CommandQueue<Command, 1024> commands;
    CommandQueue<Command, 1024> liveCommands;
    std::atomic<int> route{int(Route::Synthesizer)};
    std::atomic<bool> countingIn{false};
    std::atomic<Frame> position{0};
    std::atomic<bool> playing{false};

    // Control-thread side.
    std::unique_ptr<TimeMap> timeMap = std::make_unique<TimeMap>(Score{});
    bool looping = false;
    Tick loopBegin = 0;
    Tick loopEnd = 0;
    bool metronome = false;
    int countInBars = 0;
    Score score;
    bool hasSynth = false;
    QString description = u"Audio output not opened"_s;
    fluid_settings_t *driverSettings = nullptr;
    fluid_audio_driver_t *driver = nullptr;
    std::thread silentClock;
    std::atomic<bool> stopClock{false};

    // Audio-thread side.
    Synthesizer *synth = nullptr;
    const EventSchedule *schedule = nullptr;
    MidiOutput *midiOut = nullptr;
    BlockScheduler scheduler;
    Frame countInLeft = 0; // frames of count-in still to sound
    Frame countInDone = 0; // frames of it sounded
    Frame beatFrames = 0;
    int beatsPerBar = 4;
    std::unique_ptr<PeakLimiter> limiter;
    bool audioPlaying = false;
    bool audioLooping = false;
    Frame loopStartFrame = 0;
    Frame loopEndFrame = 0;
    std::array<float, Synthesizer::blockFrames> carryLeft{};
    std::array<float, Synthesizer::blockFrames> carryRight{};
    int carryOffset = Synthesizer::blockFrames; // all of the carry consumed

    Frame frameAt(Tick tick) const
    {
        return static_cast<Frame>(timeMap->seconds(tick) * sampleRate + 0.5);
    }

    void send(const Command &command)
    {
        if (!commands.push(command))
            qCWarning(lcPlayback, "playback command queue full; a command was dropped");
    }

    // ---- audio thread ----
    void takeUpdates()
    {
        if (synths.changedSince(synth)) {
            synth = synths.current();
            if (schedule)
                synth->setupChannels(schedule->channels);
        }
        if (schedules.changedSince(schedule)) {
            schedule = schedules.current();
            scheduler.setSchedule(schedule);
            if (synth) {
                synth->allNotesOff(); // notes of the old schedule would never get their note-off
                synth->setupChannels(schedule->channels);
            }
        }
        if (midiOutputs.changedSince(midiOut)) {
            if (midiOut)
                stopMidiNotes();
            midiOut = midiOutputs.current();
        }
        Command command;
        while (commands.pop(command))
            handle(command);
        while (liveCommands.pop(command))
            handle(command);
    }

    bool toSynth() const { return route.load(std::memory_order_relaxed) != int(Route::MidiPort); }
    bool toMidi() const
    {
        return midiOut && midiOut->isOpen() && route.load(std::memory_order_relaxed) != int(Route::Synthesizer);
    }
    int midiChannelOf(int channel) const
    {
        if (schedule && channel >= 0 && channel < int(schedule->channels.size()))
            return schedule->channels[std::size_t(channel)].midiChannel;
        return 0;
    }

    // The metronome (the last channel) stays on FluidSynth.
    bool isMetronome(const ScheduledEvent &event) const
    {
        return std::size_t(event.channel) + 1 == schedule->channels.size();
    }

    void sendMidi(const ScheduledEvent &event)
    {
        if (isMetronome(event))
            return;
        const int channel = midiChannelOf(event.channel);
        switch (event.kind) {
        case ScheduledEvent::Kind::NoteOn:
            if (schedule->channels[event.channel].audible)
                midiOut->send(MidiMessage::noteOn(channel, event.key, event.velocity));
            break;
        case ScheduledEvent::Kind::NoteOff:
            midiOut->send(MidiMessage::noteOff(channel, event.key));
            break;
        case ScheduledEvent::Kind::Control:
            midiOut->send(MidiMessage::controlChange(channel, event.key, event.velocity));
            break;
        }
    }

    // Program, volume and pan of each track's MIDI channel (the first track on a channel wins;
    // the metronome stays on FluidSynth).
    void sendMidiSetup()
    {
        if (!toMidi() || !schedule)
            return;
        bool sent[16] = {};
        for (std::size_t i = 0; i + 1 < schedule->channels.size(); ++i) {
            const ChannelSetup &setup = schedule->channels[i];
            const int channel = std::clamp(setup.midiChannel, 0, 15);
            if (sent[channel])
                continue;
            sent[channel] = true;
            midiOut->send(MidiMessage::programChange(channel, setup.program));
            midiOut->send(MidiMessage::controlChange(channel, 7, setup.volume));
            midiOut->send(MidiMessage::controlChange(channel, 10, setup.pan));
        }
    }

    void stopMidiNotes()
    {
        if (midiOut && midiOut->isOpen())
            midiOut->allNotesOff();
    }

    void handle(const Command &command)
    {
        switch (command.kind) {
        case Command::Kind::Play:
            audioPlaying = true;
            countInLeft = command.first;
            countInDone = 0;
            beatFrames = command.second;
            beatsPerBar = std::max(1, command.key);
            countingIn.store(countInLeft > 0, std::memory_order_release);
            sendMidiSetup();
            break;
        case Command::Kind::Pause:
            audioPlaying = false;
            countInLeft = 0;
            countingIn.store(false, std::memory_order_release);
            if (synth)
                synth->allNotesOff();
            stopMidiNotes();
            break;
        case Command::Kind::Seek:
            scheduler.seek(command.first);
            if (synth)
                synth->allNotesOff();
            stopMidiNotes();
            break;
        case Command::Kind::Loop:
            audioLooping = command.enabled && command.second > command.first;
            loopStartFrame = command.first;
            loopEndFrame = command.second;
            break;
        // enabled marks live input, which follows the route; previews always sound.
        case Command::Kind::NoteOn:
            if (synth && (toSynth() || !command.enabled))
                synth->noteOn(command.channel, command.key, command.velocity);
            if (command.enabled && toMidi())
                midiOut->send(MidiMessage::noteOn(midiChannelOf(command.channel), command.key, command.velocity));
            break;
        case Command::Kind::NoteOff:
            if (synth && (toSynth() || !command.enabled))
                synth->noteOff(command.channel, command.key);
            if (command.enabled && toMidi())
                midiOut->send(MidiMessage::noteOff(midiChannelOf(command.channel), command.key));
            break;
        case Command::Kind::Control:
            if (synth && (toSynth() || !command.enabled))
                synth->controlChange(command.channel, command.key, command.velocity);
            if (command.enabled && toMidi())
                midiOut->send(MidiMessage::controlChange(midiChannelOf(command.channel), command.key, command.velocity));
            break;
        }
    }

    // One block of count-in: a click where a beat starts in it, the score waiting.
    void countInBlock(float *left, float *right)
    {
        if (synth && beatFrames > 0 && schedule && countInDone % beatFrames < Synthesizer::blockFrames) {
            const int channel = int(schedule->channels.size()) - 1; // the metronome's
            const bool accent = (countInDone / beatFrames) % beatsPerBar == 0;
            synth->noteOn(channel, accent ? metronomeAccentKey : metronomeBeatKey, accent ? 110 : 80);
        }
        if (synth) {
            synth->renderBlock(left, right);
        } else {
            std::fill(left, left + Synthesizer::blockFrames, 0.0f);
            std::fill(right, right + Synthesizer::blockFrames, 0.0f);
        }
        countInDone += Synthesizer::blockFrames;
        countInLeft -= Synthesizer::blockFrames;
        if (countInLeft <= 0)
            countingIn.store(false, std::memory_order_release);
    }

    void renderBlock(float *left, float *right)
    {
        if (audioPlaying && audioLooping && scheduler.position() >= loopEndFrame) {
            scheduler.seek(loopStartFrame);
            if (synth)
                synth->allNotesOff();
        }
        const bool midi = audioPlaying && toMidi();
        const bool sound = toSynth();
        if (audioPlaying && countInLeft > 0) {
            countInBlock(left, right);
        } else if (!synth) {
            std::fill(left, left + Synthesizer::blockFrames, 0.0f);
            std::fill(right, right + Synthesizer::blockFrames, 0.0f);
            if (audioPlaying) {
                scheduler.dispatchDue([&](const ScheduledEvent &event) {
                    if (midi)
                        sendMidi(event);
                });
                scheduler.advance();
            }
        } else if (audioPlaying) {
            scheduler.dispatchDue([&](const ScheduledEvent &event) {
                if (sound || isMetronome(event))
                    synth->apply(event);
                if (midi)
                    sendMidi(event);
            });
            synth->renderBlock(left, right);
            scheduler.advance();
        } else {
            synth->renderBlock(left, right); // preview notes and release tails
        }
        limiter->process(left, right);
        position.store(scheduler.position(), std::memory_order_release);
    }

    // The audio callback: any number of frames, rendered in whole blocks through a carry.
    void process(float *left, float *right, int frames)
    {
        takeUpdates();
        int done = 0;
        while (done < frames) {
            if (carryOffset == Synthesizer::blockFrames) {
                renderBlock(carryLeft.data(), carryRight.data());
                carryOffset = 0;
            }
            const int count = std::min(frames - done, Synthesizer::blockFrames - carryOffset);
            std::copy_n(carryLeft.data() + carryOffset, count, left + done);
            std::copy_n(carryRight.data() + carryOffset, count, right + done);
            carryOffset += count;
            done += count;
        }
    }

    static int deviceCallback(void *data, int len, int, float *[], int nout, float *out[])
    {
        if (nout < 2)
            return FLUID_FAILED;
        static_cast<State *>(data)->process(out[0], out[1], len);
        return FLUID_OK;
    }

    void runSilentClock()
    {
        std::array<float, silentClockPeriod> left{};
        std::array<float, silentClockPeriod> right{};
        const auto period = std::chrono::nanoseconds(1'000'000'000LL * silentClockPeriod / sampleRate);
        auto next = std::chrono::steady_clock::now();
        while (!stopClock.load(std::memory_order_acquire)) {
            process(left.data(), right.data(), silentClockPeriod);
            next += period;
            std::this_thread::sleep_until(next);
        }
    }
};

PlaybackEngine::PlaybackEngine(Output output, int sampleRate)
    : m_state(std::make_unique<State>())
{
    m_state->output = output;
    m_state->sampleRate = sampleRate;
    m_state->limiter = std::make_unique<PeakLimiter>(sampleRate);
    m_state->schedules.publish(std::make_unique<EventSchedule>(buildSchedule(Score{}, sampleRate)));
}

PlaybackEngine::~PlaybackEngine()
{
    State &s = *m_state;
    if (s.driver)
        delete_fluid_audio_driver(s.driver);
    if (s.driverSettings)
        delete_fluid_settings(s.driverSettings);
    if (s.silentClock.joinable()) {
        s.stopClock.store(true, std::memory_order_release);
        s.silentClock.join();
    }
}

void PlaybackEngine::openOutput()
{
    State &s = *m_state;
    if (s.output == Output::Manual || s.driver || s.silentClock.joinable())
        return;
    quietFluidSynthLog();
    s.driverSettings = new_fluid_settings();
    fluid_settings_setnum(s.driverSettings, "synth.sample-rate", s.sampleRate);
    fluid_settings_setint(s.driverSettings, "audio.period-size", 256);
    s.driver = new_fluid_audio_driver2(s.driverSettings, &State::deviceCallback, &s);
    if (s.driver) {
        char *name = nullptr;
        fluid_settings_dupstr(s.driverSettings, "audio.driver", &name);
        s.description = u"Audio: "_s + QString::fromUtf8(name ? name : "device") + u", "_s
            + QString::number(s.sampleRate) + u" Hz"_s;
        fluid_free(name);
        return;
    }
    s.description = u"No audio device: playing silently (export audio still works)"_s;
    qCInfo(lcPlayback, "%s", qUtf8Printable(s.description));
    s.silentClock = std::thread([&s] { s.runSilentClock(); });
}

bool PlaybackEngine::hasAudioDevice() const
{
    return m_state->driver != nullptr;
}

QString PlaybackEngine::outputDescription() const
{
    return m_state->description;
}

int PlaybackEngine::sampleRate() const
{
    return m_state->sampleRate;
}

void SynthesizerDeleter::operator()(Synthesizer *synth) const
{
    delete synth;
}

SynthesizerPtr PlaybackEngine::loadSynthesizer(const QString &soundFontPath, int sampleRate, QString *error)
{
    SynthesizerPtr synth(new Synthesizer(sampleRate, maxChannels));
    const QString problem = synth->loadSoundFont(soundFontPath);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        synth.reset();
    return synth;
}

void PlaybackEngine::setSynthesizer(SynthesizerPtr synth)
{
    if (!synth)
        return;
    m_state->hasSynth = true;
    m_state->synths.publish(std::unique_ptr<Synthesizer>(synth.release()));
}

bool PlaybackEngine::hasSynthesizer() const
{
    return m_state->hasSynth;
}

void PlaybackEngine::setScore(const Score &score)
{
    State &s = *m_state;
    Score limited = score;
    if (limited.tracks.size() > maxTracks)
        limited.tracks.resize(maxTracks);
    s.timeMap = std::make_unique<TimeMap>(limited);
    auto schedule = std::make_unique<EventSchedule>(buildSchedule(limited, s.sampleRate));
    // The metronome's channel is always there (the count-in uses it); its clicks only when on.
    const Tick until = s.metronome ? s.timeMap->barStart(s.timeMap->barCount(limited.endTick()) + metronomeBarsPastEnd)
                                   : 0;
    appendMetronome(*schedule, limited, until);
    s.schedules.publish(std::move(schedule));
    s.synths.collect();
    s.midiOutputs.collect();
    s.score = std::move(limited);
    setLoop(s.looping, s.loopBegin, s.loopEnd); // loop frames move with tempo edits
}

void PlaybackEngine::play()
{
    State &s = *m_state;
    Command command{Command::Kind::Play};
    if (s.countInBars > 0) {
        const Tick at = positionTick();
        const int beats = s.timeMap->timeSignatureAt(at).numerator;
        command.second = static_cast<Frame>(countInSeconds() / (beats * s.countInBars) * s.sampleRate + 0.5);
        command.first = command.second * beats * s.countInBars;
        command.key = beats;
        s.countingIn.store(true); // until the audio thread has counted in
    }
    s.countInBars = 0;
    s.playing.store(true);
    s.send(command);
}

void PlaybackEngine::pause()
{
    m_state->playing.store(false);
    m_state->send({Command::Kind::Pause});
}

void PlaybackEngine::stop()
{
    pause();
    seek(m_state->looping ? m_state->loopBegin : 0);
}

void PlaybackEngine::seek(Tick tick)
{
    State &s = *m_state;
    const Frame frame = s.frameAt(std::max<Tick>(0, tick));
    s.position.store(frame / Synthesizer::blockFrames * Synthesizer::blockFrames);
    s.send({Command::Kind::Seek, false, frame});
}

void PlaybackEngine::setLoop(bool enabled, Tick begin, Tick end)
{
    State &s = *m_state;
    s.looping = enabled && end > begin;
    s.loopBegin = begin;
    s.loopEnd = end;
    s.send({Command::Kind::Loop, s.looping, s.frameAt(begin), s.frameAt(end)});
}

bool PlaybackEngine::isPlaying() const
{
    return m_state->playing.load();
}

bool PlaybackEngine::isLooping() const
{
    return m_state->looping;
}

double PlaybackEngine::positionSeconds() const
{
    return static_cast<double>(m_state->position.load(std::memory_order_acquire)) / m_state->sampleRate;
}

Tick PlaybackEngine::positionTick() const
{
    return m_state->timeMap->tickAtSeconds(positionSeconds());
}

void PlaybackEngine::previewNoteOn(int track, int pitch, int velocity)
{
    m_state->send({Command::Kind::NoteOn, false, 0, 0, std::clamp(track, 0, maxTracks - 1), pitch, velocity});
}

void PlaybackEngine::previewNoteOff(int track, int pitch)
{
    m_state->send({Command::Kind::NoteOff, false, 0, 0, std::clamp(track, 0, maxTracks - 1), pitch, 0});
}

void PlaybackEngine::liveNoteOn(int track, int pitch, int velocity)
{
    m_state->liveCommands.push({Command::Kind::NoteOn, true, 0, 0, std::clamp(track, 0, maxTracks - 1),
                                std::clamp(pitch, 0, 127), std::clamp(velocity, 1, 127)});
}

void PlaybackEngine::liveNoteOff(int track, int pitch)
{
    m_state->liveCommands.push(
        {Command::Kind::NoteOff, true, 0, 0, std::clamp(track, 0, maxTracks - 1), std::clamp(pitch, 0, 127), 0});
}

void PlaybackEngine::liveController(int track, int controller, int value)
{
    m_state->liveCommands.push({Command::Kind::Control, true, 0, 0, std::clamp(track, 0, maxTracks - 1),
                                std::clamp(controller, 0, 127), std::clamp(value, 0, 127)});
}

void PlaybackEngine::setMetronome(bool enabled)
{
    if (m_state->metronome == enabled)
        return;
    m_state->metronome = enabled;
    setScore(Score(m_state->score));
}

bool PlaybackEngine::metronome() const
{
    return m_state->metronome;
}

void PlaybackEngine::setCountIn(int bars)
{
    m_state->countInBars = std::clamp(bars, 0, 8);
}

bool PlaybackEngine::isCountingIn() const
{
    return m_state->countingIn.load(std::memory_order_acquire);
}

double PlaybackEngine::countInSeconds() const
{
    const State &s = *m_state;
    const Tick at = positionTick();
    const int beats = s.timeMap->timeSignatureAt(at).numerator;
    const double beatSeconds = s.timeMap->seconds(at + s.timeMap->ticksPerBeat(at)) - s.timeMap->seconds(at);
    return beatSeconds * beats * s.countInBars;
}

void PlaybackEngine::setMidiOutput(std::unique_ptr<MidiOutput> output)
{
    m_state->midiOutputs.publish(output ? std::move(output) : std::make_unique<MidiOutput>());
}

void PlaybackEngine::setRoute(Route route)
{
    m_state->route.store(int(route));
}

PlaybackEngine::Route PlaybackEngine::route() const
{
    return Route(m_state->route.load());
}

void PlaybackEngine::renderManually(float *left, float *right, int frames)
{
    if (m_state->output == Output::Manual)
        m_state->process(left, right, frames);
}

} // namespace tutti::audio
// end of playbackengine.cpp
