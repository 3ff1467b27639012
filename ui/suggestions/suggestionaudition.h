// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionaudition.h — hearing a candidate in context, looping its bars, A/B while playing.
//
// Usage:
//   auto *audition = new SuggestionAudition(suggestions, audio, this);
//   audition->play();          // the selected candidate, in the score, looped
//   suggestions->select(2);    // while playing: switches to #3 without stopping
//   audition->stop();          // pauses; the engine has the document's own score again
//
// The engine gets applySuggestion(score, candidate) in place of the score; the document is
// not touched. Pausing or stopping the transport or a new score also ends the audition;
// accepting or discarding the candidate (no selection left) ends it while the score plays
// on. activeChanged lets the window restore its own loop range.
#pragma once

#include "score/score.h"

#include <QObject>

namespace tutti {

class AudioController;
class SuggestionController;
struct Suggestion;

class SuggestionAudition final : public QObject
{
    Q_OBJECT

public:
    SuggestionAudition(SuggestionController *suggestions, AudioController *audio, QObject *parent = nullptr);

    void play();
    void stop();
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void activeChanged(bool active, tutti::Tick loopBegin, tutti::Tick loopEnd);

private:
    void end();    // back to the document's score, playing or not
    void follow(); // the selection changed or the score was edited while auditioning
    void sendToEngine(const Suggestion &suggestion);

    SuggestionController *m_suggestions;
    AudioController *m_audio;
    bool m_active = false;
    Tick m_loopBegin = 0;
    Tick m_loopEnd = 0;
};

} // namespace tutti
// end of suggestionaudition.h
