// SPDX-License-Identifier: GPL-3.0-or-later
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
//
// Precision: where the CPU has AVX-512 BF16 or AMX, matrix products run in bfloat16 (CPU
// autocast through oneDNN) against fp32 master weights; LayerNorm, softmax and the loss stay
// in fp32. Elsewhere, or with TrainingPrecision::Float32, everything is fp32.
//
// Data parallel: with group.worldSize > 1 this process is rank group.rank of a c10d Gloo
// group (dataparallel.h). Every rank draws the same global batch from the same data RNG and
// trains on its own share of the windows (every worldSize-th); gradients are summed, so all
// ranks hold the same weights; validation is shared out the same way; rank 0 alone logs
// progress and writes files.
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

enum class TrainingPrecision
{
    Automatic, // bf16 where the CPU supports it, else fp32
    Float32,
    BFloat16,  // refused on a CPU without bf16 support
};

// Where this process stands in a data-parallel run; a world of 1 trains alone.
struct TrainingGroupOptions
{
    QString host = QStringLiteral("127.0.0.1"); // rank 0 serves the rendezvous store here
    int port = 0;
    int rank = 0;
    int worldSize = 1;
    double timeoutMinutes = 5.0; // a rank silent this long is given up
};

struct TrainingOptions
{
    QStringList dataDirectories;       // searched recursively for MIDI and MusicXML
    QString output;                    // best model (by validation loss)
    QString resumeFrom;                // resume checkpoint, or a model file to fine-tune
    QString growFrom;                  // a model file whose blocks start a deeper model (model.layers)
    QString cacheDirectory;            // encoded corpus cache; empty: the user cache directory
    ModelConfig model;                 // for a fresh model; a resumed one keeps its own
    bool dropoutGiven = false;         // model.dropout also replaces a resumed model's dropout
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
    TrainingPrecision precision = TrainingPrecision::Automatic;
    TrainingGroupOptions group;
    QStringList excludedKeys;          // pieces (CorpusPiece keys) left out of training entirely
};

struct TrainingCallbacks
{
    std::function<void(const QString &line)> log;
    std::function<bool()> stopRequested; // polled between steps; true saves and returns
};

// 0 on success or a clean stop, 1 on an error it logs (also when the model library cannot
// be loaded).
int train(const TrainingOptions &options, const TrainingCallbacks &callbacks);

// Per-field cross-entropy (mean over real targets, padding ignored) of `sequences`, padded
// to `padTo` events (or to the longest). Dropout off. BFloat16 computes as bf16 training does
// (emulated, and slow, on a CPU without bf16).
std::array<double, fieldCount> sequenceLoss(const TransformerModel &model, const std::vector<std::vector<Event>> &sequences,
                                            int padTo = 0, TrainingPrecision precision = TrainingPrecision::Float32);

// True where the CPU has AVX-512 BF16 or AMX-BF16 (CPUID), so oneDNN multiplies bf16 fast.
bool cpuHasFastBFloat16();

// Training tokens per second for random sequences of `events` events, after one warm-up
// step; `threads` 0 keeps LibTorch's setting. 0 when the model library cannot be loaded
// (loadModelLibrary() says why).
double benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads,
                         TrainingPrecision precision);

// The thread count training uses when TrainingOptions::threads is 0 (measured: see trainer.cpp).
int defaultTrainingThreads();

} // namespace tutti
// end of trainer.h
