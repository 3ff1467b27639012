// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionaudition.cpp — swapping the engine's score and loop for a candidate's.
#include "suggestionaudition.h"

#include "audio/audiocontroller.h"
#include "edit/scoredocument.h"
#include "edit/suggestioncommand.h"
#include "suggestioncontroller.h"

#include <algorithm>

namespace tutti {

SuggestionAudition::SuggestionAudition(SuggestionController *suggestions, AudioController *audio, QObject *parent)
    : QObject(parent)
    , m_suggestions(suggestions)
    , m_audio(audio)
{
    connect(suggestions, &SuggestionController::selectionChanged, this, &SuggestionAudition::follow);
    // Connected after the AudioController's own handler, so an edit made while auditioning
    // is heard with the candidate still in it.
    connect(suggestions->document(), &ScoreDocument::scoreChanged, this, &SuggestionAudition::follow);
    connect(suggestions->document(), &ScoreDocument::documentReset, this, &SuggestionAudition::stop);
    connect(&audio->notifier(), &audio::PlaybackNotifier::playingChanged, this, [this](bool playing) {
        if (!playing)
            end();
    });
}

void SuggestionAudition::play()
{
    const Suggestion *suggestion = m_suggestions->selectedSuggestion();
    if (!suggestion || !ApplySuggestionCommand::fitsScore(*suggestion, m_suggestions->document()->score()))
        return;
    sendToEngine(*suggestion);
    audio::PlaybackEngine &engine = m_audio->engine();
    engine.seek(m_loopBegin);
    engine.play();
    m_active = true;
    Q_EMIT activeChanged(true, m_loopBegin, m_loopEnd);
}

void SuggestionAudition::stop()
{
    if (!m_active)
        return;
    m_audio->engine().pause();
    end();
}

void SuggestionAudition::end()
{
    if (!m_active)
        return;
    m_active = false;
    m_audio->engine().setScore(m_suggestions->document()->score());
    Q_EMIT activeChanged(false, m_loopBegin, m_loopEnd);
}

void SuggestionAudition::follow()
{
    if (!m_active)
        return;
    const Suggestion *suggestion = m_suggestions->selectedSuggestion();
    if (!suggestion || !ApplySuggestionCommand::fitsScore(*suggestion, m_suggestions->document()->score())) {
        end(); // accepted or discarded: the score itself plays on
        return;
    }
    const Tick begin = m_loopBegin;
    const Tick end = m_loopEnd;
    sendToEngine(*suggestion);
    if (begin != m_loopBegin || end != m_loopEnd)
        Q_EMIT activeChanged(true, m_loopBegin, m_loopEnd);
}

void SuggestionAudition::sendToEngine(const Suggestion &suggestion)
{
    m_loopBegin = suggestion.firstTick;
    m_loopEnd = std::max(suggestion.endTick, suggestion.firstTick + 1);
    audio::PlaybackEngine &engine = m_audio->engine();
    engine.setScore(applySuggestion(m_suggestions->document()->score(), suggestion));
    engine.setLoop(true, m_loopBegin, m_loopEnd);
}

} // namespace tutti
// end of suggestionaudition.cpp
