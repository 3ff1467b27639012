// SPDX-License-Identifier: GPL-3.0-or-later
// generator.h — sampling MMT events from a model, unconditionally or after a prompt.
//
// Usage:
//   tutti::GenerationSession session(model);          // core/model
//   tutti::GenerationParams params;
//   tutti::GenerationCallbacks callbacks;
//   callbacks.progress = [](const tutti::Event &added, int events, int maxEvents) { ... };
//   callbacks.cancelled = [&] { return stopRequested.load(); };
//   tutti::GenerationResult r = tutti::generate(session, tutti::encode(score), params, callbacks);
//   tutti::Score music = tutti::decode(r.events, score);
//
// An empty prompt starts a new piece (start-of-song); a prompt that ends the song is
// continued as if it had not. A prompt in fill-in-the-middle order (infill.h) that ends
// with the middle marker is continued with the middle's notes, inside the gap. The callbacks run on the calling thread; the GUI turns them
// into queued signals.
#pragma once

#include "generation/eventmask.h"
#include "generation/generationparams.h"
#include "generation/logitsource.h"

#include <QString>

#include <functional>
#include <span>
#include <vector>

namespace tutti {

struct GenerationCallbacks
{
    // After every generated event; `events` counts the whole sequence so far.
    std::function<void(const Event &added, int events, int maxEvents)> progress;
    std::function<bool()> cancelled;                          // true stops after this event
    // After each field of an event is drawn (the teaching view; unset costs nothing): the
    // model's own distribution over the field's codes once the masks have spoken (softmax
    // at temperature 1, before top-k and top-p), and the code drawn.
    std::function<void(Field field, std::span<const float> probabilities, int chosen)> fieldDrawn;
};

struct GenerationResult
{
    std::vector<Event> events;  // prompt + generated, a valid sequence prefix
    bool ended = false;         // the model wrote end-of-song, or a note reached stopAtBeatCode
    bool reachedStopBeat = false; // it was the stop beat: that note is not in `events`
    bool cancelled = false;
    QString error;              // empty unless the prompt or a mask left nothing to draw
};

GenerationResult generate(LogitSource &source, std::span<const Event> prompt, const GenerationParams &params,
                          const GenerationCallbacks &callbacks = {}, std::span<const EventMask *const> masks = {});

} // namespace tutti
// end of generator.h
