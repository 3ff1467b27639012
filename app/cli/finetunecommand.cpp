// SPDX-License-Identifier: GPL-3.0-or-later
// finetunecommand.cpp — `tutti finetune`: fine-tune the model on a composer's own folders.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "model/modellocation.h"
#include "model/optout.h"
#include "model/personalization.h"
#include "model/transformermodel.h"

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

std::atomic<bool> finetuneStopped = false;

void onFinetuneStop(int signalNumber)
{
    finetuneStopped = true;
    std::signal(signalNumber, SIG_DFL);
}

} // namespace

int runFinetune(const QStringList &arguments)
{
    PersonalizationOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fine-tune the music transformer on your own MIDI and MusicXML. Every fourth piece (the second of each "
        "four, by path) is held out; NLL per note is reported before and after on those and on the training "
        "corpora's validation pieces. Writes the model and an originality index of your pieces beside it."_s);
    parser.addOptions({
        {u"data"_s, u"Folder of your music, searched recursively (repeatable)."_s, u"DIR"_s},
        {u"out"_s, u"The fine-tuned model (.safetensors); its index is written beside it (.index)."_s, u"FILE"_s},
        {u"model"_s, u"The model to start from (default: the shipped one)."_s, u"FILE"_s},
        {u"steps"_s, u"Fine-tuning steps (default %1)."_s.arg(options.steps), u"N"_s},
        {u"batch"_s, u"Windows per step (default %1)."_s.arg(options.batchSize), u"B"_s},
        {u"lr"_s, u"Learning rate (default %1)."_s.arg(options.learningRate), u"RATE"_s},
        {u"general"_s, u"Training corpus whose validation pieces are scored (repeatable; default: the shipped "
                       "model's corpora where found, see TUTTI_TRAINING_DATA)."_s, u"DIR"_s},
        {u"no-general"_s, u"Do not score the training corpora's validation pieces."_s},
        {u"cache"_s, u"Directory for the encoded corpus cache (default: the user cache)."_s, u"DIR"_s},
        {u"threads"_s, u"LibTorch threads (default 1)."_s, u"N"_s},
        {u"precision"_s, u"auto (bf16 where the CPU has it), bf16 or fp32 (default auto)."_s, u"P"_s},
    });
    parser.addPositionalArgument(u"DIR"_s, u"More folders (as in --data A B)."_s, u"[DIR...]"_s);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    options.dataDirectories = parser.values(u"data"_s) + parser.positionalArguments();
    options.output = parser.value(u"out"_s);
    options.modelPath = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    options.cacheDirectory = parser.value(u"cache"_s);
    if (options.dataDirectories.isEmpty() || options.output.isEmpty()) {
        err() << "tutti finetune: --data and --out are required\n" << commandHelp(parser, u"finetune"_s);
        return 2;
    }
    if (options.modelPath.isEmpty()) {
        err() << "tutti finetune: " << noModelMessage() << "\n";
        return 1;
    }
    bool ok = true;
    if (parser.isSet(u"steps"_s))
        options.steps = parser.value(u"steps"_s).toInt(&ok);
    if (ok && parser.isSet(u"batch"_s))
        options.batchSize = parser.value(u"batch"_s).toInt(&ok);
    if (ok && parser.isSet(u"lr"_s))
        options.learningRate = parser.value(u"lr"_s).toDouble(&ok);
    const int threads = parser.isSet(u"threads"_s) ? parser.value(u"threads"_s).toInt() : 1;
    if (!ok || options.steps < 1 || options.batchSize < 1 || options.learningRate <= 0.0 || threads < 1) {
        err() << "tutti finetune: --steps, --batch and --threads need whole numbers >= 1, --lr a positive number\n";
        return 2;
    }
    const QString precision = parser.value(u"precision"_s);
    if (precision == u"fp32"_s)
        options.precision = TrainingPrecision::Float32;
    else if (precision == u"bf16"_s)
        options.precision = TrainingPrecision::BFloat16;
    else if (!precision.isEmpty() && precision != u"auto"_s) {
        err() << "tutti finetune: --precision is auto, bf16 or fp32\n";
        return 2;
    }
    if (!parser.isSet(u"no-general"_s))
        options.generalDirectories = parser.isSet(u"general"_s) ? parser.values(u"general"_s) : trainingDirectories(options.modelPath);
    setModelThreads(threads);

    std::signal(SIGINT, onFinetuneStop);
    std::signal(SIGTERM, onFinetuneStop);
    PersonalizationCallbacks callbacks;
    callbacks.log = [](const QString &line) {
        err() << line << "\n";
        err().flush();
    };
    callbacks.stopRequested = [] { return finetuneStopped.load(); };
    PersonalizationReport report;
    if (const QString error = personalize(options, callbacks, report); !error.isEmpty()) {
        err() << "tutti finetune: " << error << "\n";
        return 1;
    }
    if (report.cancelled) {
        err() << "tutti finetune: stopped; nothing written\n";
        return 1;
    }
    out() << report.describe() << "\n" << "model: " << options.output << "\n";
    return 0;
}

} // namespace tutti::cli
// end of finetunecommand.cpp
