// trainer.h — training the music transformer on a corpus (reached only through `tutti train`).
//
// Usage:
//   tutti::TrainingOptions options;
//   options.dataDirectories = {u"../shared/data/mutopia"_s};
//   options.output = u"models/tutti-mmt.safetensors"_s;
//   tutti::TrainingCallbacks callbacks;
//   callbacks.log = [](const QString &line) { std::puts(qPrintable(line)); };
//   callbacks.stopRequested = [] { return sigintSeen.load(); };
//   int exitCode = tutti::train(options, callbacks);
//
// One step: batchSize random windows (a piece drawn in proportion to its notes, transposed
// by -5..+6 semitones, a random window of up to 256 beats, at most `context` events), the
// sum of six cross-entropies over real events only, AdamW with linear warm-up and cosine
// decay to finalLearningRate, gradients clipped to norm 1. Every checkpointMinutes (and when
// stopped) the validation pieces are scored, the best model so far is written to `output`
// and a resume checkpoint (weights, AdamW moments, step, data RNG) beside it as
// `<output without .safetensors>.resume.safetensors`.
#pragma once

#include "model/modelconfig.h"
#include "model/transformermodel.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace tutti {

struct TrainingOptions
{
    QStringList dataDirectories;       // searched recursively for MIDI and MusicXML
    QString output;                    // best model (by validation loss)
    QString resumeFrom;                // resume checkpoint, or a model file to fine-tune
    QString cacheDirectory;            // encoded corpus cache; empty: the user cache directory
    ModelConfig model;                 // for a fresh model; a resumed one keeps its own
    int steps = 30000;                 // total optimizer steps (the schedule's length)
    int batchSize = 8;
    int threads = 0;                   // LibTorch intra-op threads; 0 = the measured best
    double learningRate = 1e-3;        // peak, after warm-up
    double finalLearningRate = 1e-4;   // reached at `steps`
    int warmupSteps = 500;
    double weightDecay = 0.01;         // AdamW, on matrices only
    double gradientClip = 1.0;
    double checkpointMinutes = 5.0;
    int logEvery = 10;                 // steps between progress lines
    double infillShare = 0.25;         // training windows put in fill-in-the-middle order
    std::uint64_t seed = 1;
};

struct TrainingCallbacks
{
    std::function<void(const QString &line)> log;
    std::function<bool()> stopRequested; // polled between steps; true saves and returns
};

// 0 on success or a clean stop, 1 on an error it logs.
int train(const TrainingOptions &options, const TrainingCallbacks &callbacks);

// Per-field cross-entropy (mean over real targets, padding ignored) of `sequences`, padded
// to `padTo` events (or to the longest). Dropout off.
std::array<double, fieldCount> sequenceLoss(const TransformerModel &model, const std::vector<std::vector<Event>> &sequences,
                                            int padTo = 0);

// Training tokens per second for random sequences of `events` events, after one warm-up
// step; `threads` 0 keeps LibTorch's setting.
double benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads);

// The thread count training uses when TrainingOptions::threads is 0 (measured: see trainer.cpp).
int defaultTrainingThreads();

} // namespace tutti
// end of trainer.h
