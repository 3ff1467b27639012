// SPDX-License-Identifier: GPL-3.0-or-later
// adaptation.h — short AdamW runs that change a trained model: fine-tuning and unlearning.
//
// Usage (personalization.cpp, optout.cpp):
//   tutti::AdaptationSettings settings;
//   settings.steps = 60;
//   settings.forgetWeight = 1.0;   // 0: plain fine-tuning
//   int done = tutti::adaptModel(model, settings,
//       [&](tutti::AdaptationBatch &batch) { batch.learn = ...; batch.forget = ...; },
//       [&](int step, double learnLoss, double forgetLoss) { return !cancelled; });
//
// Each step minimises the learn windows' loss minus forgetWeight times the forget windows'
// loss (the six fields' summed mean cross-entropies, as training's loss): plain fine-tuning
// without forget windows, and gradient difference (gradient ascent on the forgotten works
// held in check by descent on a retain set, one of the unlearning methods No Encore, Kim et
// al. 2025, evaluates) with them. Gradients are clipped to norm 1; AdamW starts afresh with a
// constant learning rate after a short linear warm-up. Defined in trainer.cpp, which owns the
// batch, loss and optimizer code.
#pragma once

#include "model/trainer.h"
#include "model/transformermodel.h"

#include <functional>
#include <vector>

namespace tutti {

struct AdaptationBatch
{
    std::vector<std::vector<Event>> learn;  // minimised; may be empty when forget is not
    std::vector<std::vector<Event>> forget; // maximised, weighted by forgetWeight
};

struct AdaptationSettings
{
    int steps = 60;
    double learningRate = 1e-4;
    int warmupSteps = 5;
    double forgetWeight = 0.0;
    double weightDecay = 0.0;
    bool dropout = true;     // the model's own dropout in the forward passes
    bool bf16 = false;       // bf16 matrix products (where cpuHasFastBFloat16())
};

// Changes `model`'s weights in place. draw fills each step's windows; afterStep, called after
// each update with the step (1-based) and the two losses, returns false to stop. Returns the
// steps done.
int adaptModel(TransformerModel &model, const AdaptationSettings &settings,
               const std::function<void(AdaptationBatch &batch)> &draw,
               const std::function<bool(int step, double learnLoss, double forgetLoss)> &afterStep);

} // namespace tutti
// end of adaptation.h
