// SPDX-License-Identifier: GPL-3.0-or-later
// answercontroller.cpp — the live answer's trip: playhead, worker, tray, engine.
#include "answercontroller.h"

#include "audio/audiocontroller.h"
#include "edit/scoredocument.h"
#include "midi/recordingsession.h"
#include "score/timemap.h"
#include "midicontroller.h"
#include "model/modelloader.h"
#include "suggestions/candidatelistmodel.h"
#include "suggestions/suggestioncontroller.h"
#include "suggestions/suggestionworker.h"

using namespace Qt::StringLiterals;

namespace tutti {

AnswerController::AnswerController(MidiController *midi, SuggestionController *suggestions, AudioController *audio,
                                   QObject *parent)
    : QObject(parent)
    , m_midi(midi)
    , m_suggestions(suggestions)
    , m_audio(audio)
    , m_worker(new SuggestionWorker(suggestions->modelLoader(), this))
{
    connect(midi, &MidiController::recordingChanged, this, [this](bool recording) {
        m_recording = recording;
        if (recording) {
            m_answer.start(m_suggestions->document()->score());
        } else {
            m_worker->cancel();
            m_audio->engine().setScore(m_suggestions->document()->score()); // answers sound no more
        }
    });
    connect(&audio->notifier(), &audio::PlaybackNotifier::positionChanged, this,
            [this](Tick tick, double) { positionChanged(tick); });
    connect(m_worker, &SuggestionWorker::candidateReady, this, [this](int, const Suggestion &suggestion) {
        m_suggestions->addCandidate(suggestion);
        m_suggestions->select(m_suggestions->candidates()->rowCount() - 1);
        if (m_recording) // heard from its first bar line on, while the take goes on
            m_audio->engine().setScore(applySuggestion(m_suggestions->document()->score(), suggestion));
        Q_EMIT message(u"The model answers from bar %1: keep or discard it in the Suggestions tray"_s.arg(
            TimeMap(m_suggestions->document()->score()).barAt(suggestion.firstTick)));
    });
    connect(m_worker, &SuggestionWorker::finished, this, [this](bool, const QString &error) {
        if (!error.isEmpty())
            Q_EMIT message(u"No answer: "_s + error);
    });
}

void AnswerController::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (enabled && m_suggestions->modelLoader()->state() != ModelLoader::State::Ready)
        m_suggestions->modelLoader()->load(); // now, so the first answer does not wait for it
}

void AnswerController::positionChanged(Tick playhead)
{
    if (!m_enabled || !m_recording || m_audio->engine().isCountingIn())
        return;
    const RecordingSession *session = m_midi->session();
    const std::optional<Tick> barLine = m_answer.barEnded(playhead, session->recorder());
    if (!barLine || m_worker->isRunning())
        return;
    if (m_suggestions->modelLoader()->state() != ModelLoader::State::Ready) {
        Q_EMIT message(u"The music model is still loading; the next rest gets an answer"_s);
        return;
    }
    const MidiSettings &settings = m_midi->settings();
    m_answer.settings().bars = settings.answerBars;
    m_answer.settings().programs = settings.answerProgram >= 0 ? std::vector<int>{settings.answerProgram} : std::vector<int>{};
    m_answer.settings().seed = m_answer.settings().seed + 1; // a different answer each time
    const int track = m_midi->activeTrack();
    const Score context = LiveAnswer::withTake(m_suggestions->document()->score(), track, session->recorder());
    m_worker->start(context, m_answer.request(context, *barLine, track));
}

} // namespace tutti
// end of answercontroller.cpp
