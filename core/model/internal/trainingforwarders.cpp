// SPDX-License-Identifier: GPL-3.0-or-later
// trainingforwarders.cpp — trainer.h and adaptation.h in tutti_core: what needs no LibTorch
// (the CPU check, the thread default) here, the rest through the model library (trainer.cpp
// there).
#include "model/trainer.h"

#include "model/internal/adaptation.h"
#include "model/internal/modelplugin.h"

#include <cpuid.h>

namespace tutti {

bool cpuHasFastBFloat16()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
        return false;
    const bool amxBFloat16 = edx & (1u << 22);
    if (!__get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx))
        return amxBFloat16;
    const bool avx512BFloat16 = eax & (1u << 5);
    return amxBFloat16 || avx512BFloat16;
}

int defaultTrainingThreads()
{
    // Measured on the shared 2-core build machine (OpenBLAS openmp, tcmalloc, passive OpenMP
    // waiting), batch 4 x 1024 events: 1 thread 1,155 tokens/s, 2 threads 715 while other
    // work shares the cores. Pass --threads 2 on an otherwise idle machine, or better,
    // --workers 2 (one thread each).
    return 1;
}

int train(const TrainingOptions &options, const TrainingCallbacks &callbacks)
{
    QString error;
    ModelPlugin *plugin = modelPlugin(error);
    if (!plugin) {
        if (callbacks.log)
            callbacks.log(error);
        return 1;
    }
    return plugin->train(options, callbacks);
}

std::array<double, fieldCount> sequenceLoss(const TransformerModel &model, const std::vector<std::vector<Event>> &sequences,
                                            int padTo, TrainingPrecision precision)
{
    return loadedModelPlugin().sequenceLoss(model, sequences, padTo, precision);
}

double benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads,
                         TrainingPrecision precision)
{
    QString error;
    ModelPlugin *plugin = modelPlugin(error);
    return plugin ? plugin->benchmarkTraining(config, batchSize, events, steps, threads, precision) : 0.0;
}

int adaptModel(TransformerModel &model, const AdaptationSettings &settings,
               const std::function<void(AdaptationBatch &batch)> &draw,
               const std::function<bool(int step, double learnLoss, double forgetLoss)> &afterStep)
{
    return loadedModelPlugin().adaptModel(model, settings, draw, afterStep);
}

} // namespace tutti
// end of trainingforwarders.cpp
