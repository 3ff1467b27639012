// SPDX-License-Identifier: GPL-3.0-or-later
// midicontroller.cpp — ports, settings and the record/step switches wired to the engine.
#include "midicontroller.h"

#include "audio/audiocontroller.h"
#include "edit/scoredocument.h"
#include "midi/midiinput.h"
#include "midi/midioutput.h"
#include "midi/midiportwatcher.h"
#include "midi/midisystem.h"
#include "midi/midithru.h"
#include "midi/recordingsession.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace tutti {

MidiSettings MidiSettings::load()
{
    QSettings settings;
    MidiSettings loaded;
    loaded.input = MidiPort::fromKey(settings.value(u"midi/input"_s).toString());
    loaded.output = MidiPort::fromKey(settings.value(u"midi/output"_s).toString());
    loaded.route = std::clamp(settings.value(u"midi/route"_s, 0).toInt(), 0, 2);
    loaded.countInBars = std::clamp(settings.value(u"midi/countInBars"_s, 1).toInt(), 0, 4);
    loaded.metronome = settings.value(u"midi/metronome"_s, true).toBool();
    loaded.replace = settings.value(u"midi/replace"_s, false).toBool();
    loaded.quantize = settings.value(u"midi/quantize"_s, false).toBool();
    loaded.answer = settings.value(u"midi/answer"_s, false).toBool();
    loaded.answerBars = std::clamp(settings.value(u"midi/answerBars"_s, 2).toInt(), 1, 8);
    loaded.answerProgram = std::clamp(settings.value(u"midi/answerProgram"_s, -1).toInt(), -1, 127);
    return loaded;
}

void MidiSettings::save() const
{
    QSettings settings;
    settings.setValue(u"midi/input"_s, input.isNull() ? QString() : input.key());
    settings.setValue(u"midi/output"_s, output.isNull() ? QString() : output.key());
    settings.setValue(u"midi/route"_s, route);
    settings.setValue(u"midi/countInBars"_s, countInBars);
    settings.setValue(u"midi/metronome"_s, metronome);
    settings.setValue(u"midi/replace"_s, replace);
    settings.setValue(u"midi/quantize"_s, quantize);
    settings.setValue(u"midi/answer"_s, answer);
    settings.setValue(u"midi/answerBars"_s, answerBars);
    settings.setValue(u"midi/answerProgram"_s, answerProgram);
}

MidiController::MidiController(ScoreDocument *document, AudioController *audio, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_audio(audio)
    , m_system(new MidiSystem)
    , m_watcher(new MidiPortWatcher(m_system, this))
    , m_input(new MidiInput(this))
    , m_thru(new MidiThru(&audio->engine()))
    , m_session(new RecordingSession(document, m_input, m_watcher, this))
{
    m_input->setDirectHandler([thru = m_thru](const MidiMessage &message) { thru->handle(message); });
    connect(m_session, &RecordingSession::takeStopped, this, [this](int notes, const QString &reason) {
        m_audio->engine().pause();
        m_audio->engine().setMetronome(false);
        Q_EMIT message(reason.isEmpty() ? u"Recorded %1 note(s)"_s.arg(notes) : reason);
        Q_EMIT recordingChanged(false);
    });
    connect(m_session, &RecordingSession::inputVanished, this, &MidiController::message);
    connect(m_session, &RecordingSession::stepCursorMoved, this, &MidiController::stepCursorMoved);
    connect(m_watcher, &MidiPortWatcher::portsChanged, this, [this] {
        // A remembered keyboard plugged in again opens by itself.
        if (!m_input->isOpen() && !m_settings.input.isNull())
            openInput(true);
    });
}

MidiController::~MidiController()
{
    m_input->close(); // the MIDI thread stops before the thru it calls goes
    delete m_thru;
    delete m_system;
}

void MidiController::start()
{
    m_settings = MidiSettings::load();
    m_watcher->start();
    if (!m_system->isAvailable()) { // said once; a system that starts later is found by the watcher
        if (!m_saidUnavailable)
            Q_EMIT message(m_system->unavailableMessage());
        m_saidUnavailable = true;
        return;
    }
    openPorts();
}

void MidiController::applySettings(const MidiSettings &settings)
{
    m_settings = settings;
    m_settings.save();
    openPorts();
}

void MidiController::openInput(bool quiet)
{
    if (m_input->isOpen() && m_input->port() == m_settings.input)
        return;
    m_input->close();
    if (m_settings.input.isNull())
        return;
    const QString error = m_input->open(m_settings.input);
    if (error.isEmpty()) {
        m_watcher->watch(m_settings.input);
        Q_EMIT message(u"MIDI input: "_s + m_settings.input.label());
    } else if (!quiet) {
        Q_EMIT message(error);
    }
}

void MidiController::openPorts()
{
    audio::PlaybackEngine &engine = m_audio->engine();
    openInput();
    auto output = std::make_unique<MidiOutput>();
    if (!m_settings.output.isNull()) {
        if (const QString error = output->open(m_settings.output); !error.isEmpty())
            Q_EMIT message(error);
    }
    engine.setMidiOutput(std::move(output));
    engine.setRoute(audio::PlaybackEngine::Route(m_settings.route));
}

void MidiController::setActiveTrack(int track)
{
    m_track = std::max(0, track);
    m_thru->setTrack(m_track);
}

bool MidiController::isRecording() const
{
    return m_session->isRecording();
}

void MidiController::setRecording(bool on)
{
    audio::PlaybackEngine &engine = m_audio->engine();
    if (!on) {
        m_session->stopTake();
        return;
    }
    if (m_session->isRecording())
        return;
    if (!m_input->isOpen()) {
        Q_EMIT message(u"Choose a MIDI input under Playback > MIDI Ports to record"_s);
        Q_EMIT recordingChanged(false);
        return;
    }
    if (m_track < 0 || std::size_t(m_track) >= m_document->score().tracks.size()) {
        Q_EMIT message(u"Add a track to record into"_s);
        Q_EMIT recordingChanged(false);
        return;
    }
    engine.pause();
    engine.setMetronome(m_settings.metronome);
    engine.setCountIn(m_settings.countInBars);
    const double countIn = engine.countInSeconds();
    const Tick startTick = engine.positionTick();
    const std::int64_t startNs = MidiMessage::nowNs() + static_cast<std::int64_t>(countIn * 1e9);
    engine.play();
    m_session->startTake(m_track, startTick, startNs, m_settings.replace ? RecordingSession::Mode::Replace
                                                                         : RecordingSession::Mode::Overdub,
                         m_settings.quantize ? m_gridStep : 0);
    Q_EMIT message(countIn > 0 ? u"Recording after the count-in..."_s : u"Recording"_s);
    Q_EMIT recordingChanged(true);
}

void MidiController::setStepMode(bool on, Tick cursor)
{
    if (on && !m_input->isOpen())
        Q_EMIT message(u"Choose a MIDI input under Playback > MIDI Ports for step input"_s);
    m_session->setStepMode(on, m_track, cursor, m_gridStep);
    if (on)
        Q_EMIT message(u"Step input: each key writes a note at the cursor; 0 writes a rest"_s);
}

} // namespace tutti
// end of midicontroller.cpp
