// SPDX-License-Identifier: GPL-3.0-or-later
// likelihood.h — how well a model predicts pieces: negative log-likelihood per note.
//
// Usage:
//   std::vector<std::vector<tutti::Event>> windows = tutti::likelihoodWindows(notes, model.config().context);
//   tutti::SequenceLoss loss = tutti::sequenceLikelihood(model, windows);
//   qInfo() << loss.perNote();             // nats an average note costs (fieldngrammodel.h)
//
// The windows are the ones validation scores (trainingcorpus.h): the piece untransposed
// from beats 0, 256, 512 and 768, so `tutti eval`, fine-tuning and opt-out report the same
// figure as training's validation does. Dropout off, fp32.
#pragma once

#include "analysis/fieldngrammodel.h"
#include "model/transformermodel.h"
#include "representation/event.h"

#include <vector>

namespace tutti {

// Windows of a piece's sorted note events (scoreNoteEvents) from beats 0, 256, ... : at most
// `limit` of them (0: every one), each of at most `maxEvents` events.
std::vector<std::vector<Event>> likelihoodWindows(const std::vector<Event> &notes, int maxEvents, int limit = 4);

// Per-field mean NLL over every real target of `windows`, with the target and note counts;
// scored `batchSize` windows at a time.
SequenceLoss sequenceLikelihood(const TransformerModel &model, const std::vector<std::vector<Event>> &windows,
                                int batchSize = 4);

} // namespace tutti
// end of likelihood.h
