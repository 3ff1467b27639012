// SPDX-License-Identifier: GPL-3.0-or-later
// optout.h — taking works back out of a trained model (Model > Training Data…, `tutti optout`).
//
// Usage:
//   tutti::OptOutOptions options;
//   options.dataDirectories = {u"../shared/data/openscore-quartets"_s, u"../shared/data/mutopia"_s};
//   options.modelPath = tutti::defaultModelPath();
//   options.keys = {u"mutopia/midi/BachJS_bwv1"_s};          // CorpusPiece keys (trainingworks.h lists them)
//   options.output = u"models/tutti-mmt-optout.safetensors"_s;
//   tutti::OptOutReport report;
//   QString error = tutti::optOut(options, callbacks, report); // "no work of the training data has the key …"
//   show(report.describe());                                   // the three checks, passed or not
//
// The fast way, on the CPU: gradient difference (adaptation.h) — ascent on random windows of
// the forgotten works, descent on as many windows of the retained training pieces — until
// every forgotten work's NLL per note has reached its target (checked every `checkEvery`
// steps) or `maxSteps` have run. The checks, as No Encore (Kim et al., 2025) frames them:
//   1. each forgotten work's NLL per note (validation windows) ends at or above the lower end
//      of the held-out pieces' 95 % interval (mean ± 1.96 standard deviations of their
//      per-piece NLL per note) and at least 15 % above where it was;
//   2. continuations of each work's opening (the model writing on from its first bars) are
//      not flagged as copies of that work (analysis/originalityindex.h);
//   3. the validation pieces' NLL per note rises by at most 3 %.
// Written: the model (its metadata lists every work opted out so far), the originality index
// of the remaining works (companionIndexPath) and a model card (modelCardPath) whose data
// table counts the remaining works and whose log gains a dated entry with these figures and
// the exact alternative's command (`tutti train --exclude ...`) and cost.
#pragma once

#include "analysis/fieldngrammodel.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

namespace tutti {

struct OptOutOptions
{
    QStringList dataDirectories; // the corpora the model was trained on
    QString modelPath;
    QStringList keys;            // the works to take out
    QString output;
    QString cacheDirectory;      // encoded corpus cache; empty: the user cache directory
    int maxSteps = 300;
    int checkEvery = 5;
    int batchSize = 2;           // windows of forgotten works, and as many retained ones, per step
    double learningRate = 5e-5;
    double forgetWeight = 1.0;
    int continuations = 2;       // sampled continuations of each work's opening, before and after
    bool writeIndex = true;      // false: skip the index (benchmarks)
    std::uint64_t seed = 1;
};

struct OptOutWork
{
    QString key;
    SequenceLoss before;
    SequenceLoss after;
    double target = 0.0;         // the NLL per note check 1 asks for
    int continuations = 0;
    int copiesBefore = 0;        // continuations flagged as copies of this work
    int copiesAfter = 0;

    bool rose() const { return after.perNote() >= target; }
};

struct OptOutReport
{
    std::vector<OptOutWork> works;
    int heldOutPieces = 0;
    double heldOutMean = 0.0;    // per-piece NLL per note of the validation pieces
    double heldOutLow = 0.0;     // the 95 % interval
    double heldOutHigh = 0.0;
    SequenceLoss retainedBefore; // all validation windows together
    SequenceLoss retainedAfter;
    int steps = 0;
    double seconds = 0.0;        // the unlearning steps and their checks
    double secondsPerStep = 0.0;
    QString indexPath;
    QString cardPath;
    QString exactCommand;        // retraining without the works

    bool forgottenRose() const;
    bool noCopies() const;
    bool retainedHeld() const;   // rise <= 3 %
    bool passed() const { return forgottenRose() && noCopies() && retainedHeld(); }
    QString describe() const;
};

struct OptOutCallbacks
{
    std::function<void(const QString &line)> log;
    std::function<void(int step, int maxSteps)> progress;
    std::function<bool()> stopRequested; // a stop writes nothing
};

// Empty on success (the checks may still fail: see report.passed()), else the problem.
QString optOut(const OptOutOptions &options, const OptOutCallbacks &callbacks, OptOutReport &report);

// "<model without .safetensors>.card.md"
QString modelCardPath(const QString &modelPath);

// The corpora a model was trained on, as its model card's data table names them, where they
// can be found: the folders named by TUTTI_TRAINING_DATA (separated by ':'), else the
// folders of shared/data beside the source tree that holds the model (a build run from its
// checkout) whose README.md section's repository (or folder name) a row of the table names.
// The card is the model's own (<model>.card.md, an opt-out's) or MODEL_CARD.md beside it;
// there the table is the first after the heading that names the model file in backticks
// (the first line naming it where no heading does), else the card's first data table.
// Empty when nothing is found.
QStringList trainingDirectories(const QString &modelPath);

// trainingDirectories(defaultModelPath()).
QStringList shippedTrainingDirectories();

// The corpora of the data table that follows `modelFile`'s mention in a model card's text:
// each row's repository ("OpenScore/Lieder", from "OpenScore/Lieder, commit …") or, where the
// source names none, its first cell (an opt-out card names the folder).
QStringList modelCardCorpora(const QString &cardText, const QString &modelFile);

} // namespace tutti
// end of optout.h
