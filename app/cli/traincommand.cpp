// SPDX-License-Identifier: GPL-3.0-or-later
// traincommand.cpp — `tutti train`: train the music transformer on MIDI and MusicXML.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "model/trainer.h"

#include <QCoreApplication>

#include <atomic>
#include <csignal>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

std::atomic<bool> stopSignalled = false;

// The first Ctrl-C (or SIGTERM) asks for a clean stop with a checkpoint; a second one kills.
void onStopSignal(int signalNumber)
{
    stopSignalled = true;
    std::signal(signalNumber, SIG_DFL);
}

bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int &value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum) {
        err() << "tutti train: --" << name << " needs a whole number >= " << minimum << "\n";
        return false;
    }
    return true;
}

bool readDouble(const QCommandLineParser &parser, const QString &name, double &value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    value = parser.value(name).toDouble(&ok);
    if (!ok || value < 0.0) {
        err() << "tutti train: --" << name << " needs a number >= 0\n";
        return false;
    }
    return true;
}

} // namespace

void preferPassiveOpenMpThreads()
{
    // Idle OpenMP threads that spin steal the second core from the work: measured 3x faster
    // training with passive waiting. libgomp reads the variable once, as it loads, so the
    // process starts itself again with it set (an explicit setting is always kept).
    if (qEnvironmentVariableIsSet("OMP_WAIT_POLICY"))
        return;
    qputenv("OMP_WAIT_POLICY", "passive");
    const QByteArray program = QCoreApplication::applicationFilePath().toLocal8Bit();
    std::vector<QByteArray> storage;
    for (const QString &argument : QCoreApplication::arguments())
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    out().flush();
    err().flush();
    ::execv(program.constData(), argv.data()); // returns only on failure: then carry on as we are
}

int runTrain(const QStringList &arguments)
{
    TrainingOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Train the music transformer. Ctrl-C stops cleanly with a checkpoint."_s);
    parser.addOptions({
        {u"data"_s, u"Directory searched recursively for MIDI and MusicXML (repeatable)."_s, u"DIR"_s},
        {u"out"_s, u"Best model (by validation loss); a resume checkpoint is written beside it."_s, u"FILE"_s},
        {u"steps"_s, u"Optimizer steps in all (default %1)."_s.arg(options.steps), u"N"_s},
        {u"resume"_s, u"Continue from a resume checkpoint, or fine-tune a model file."_s, u"FILE"_s},
        {u"grow-from"_s, u"Start a deeper model (--layers) from a model file of the same width: its layers below, new "
                         u"layers on top that start as the identity."_s, u"FILE"_s},
        {u"batch"_s, u"Sequences per step (default %1)."_s.arg(options.batchSize), u"B"_s},
        {u"threads"_s, u"LibTorch threads (default %1, measured best on a shared machine)."_s.arg(defaultTrainingThreads()),
         u"N"_s},
        {u"lr"_s, u"Peak learning rate (default %1)."_s.arg(options.learningRate), u"RATE"_s},
        {u"final-lr"_s, u"Learning rate at the last step (default %1)."_s.arg(options.finalLearningRate), u"RATE"_s},
        {u"warmup"_s, u"Warm-up steps (default %1)."_s.arg(options.warmupSteps), u"N"_s},
        {u"layers"_s, u"Transformer layers of a new model (default %1)."_s.arg(options.model.layers), u"N"_s},
        {u"width"_s, u"Embedding width of a new model (default %1)."_s.arg(options.model.width), u"D"_s},
        {u"heads"_s, u"Attention heads of a new model (default %1)."_s.arg(options.model.heads), u"H"_s},
        {u"dropout"_s, u"Dropout of a new model (default %1); with --resume, the dropout of the training that "
                       u"continues."_s.arg(options.model.dropout), u"P"_s},
        {u"checkpoint-minutes"_s, u"Minutes between validation and checkpoints (default %1)."_s.arg(options.checkpointMinutes),
         u"M"_s},
        {u"infill-share"_s, u"Share of windows in fill-in-the-middle order, 0..1 (default %1)."_s.arg(options.infillShare),
         u"P"_s},
        {u"cache"_s, u"Directory for the encoded corpus cache (default: the user cache)."_s, u"DIR"_s},
        {u"seed"_s, u"Random seed (default %1)."_s.arg(options.seed), u"N"_s},
        {u"precision"_s, u"auto (bf16 matrix products where the CPU has AVX-512 BF16 or AMX, else fp32), bf16 or fp32 "
                         u"(default auto)."_s, u"P"_s},
        {u"exclude"_s, u"Leave a piece out of training and validation, by its key as `tutti optout --list` prints it "
                       u"(repeatable)."_s, u"KEY"_s},
        {u"workers"_s, u"Train with N processes on this machine, one LibTorch thread each, gradients summed over "
                       u"Gloo (default 1)."_s, u"N"_s},
        {u"rendezvous"_s, u"Join a training group across machines: rank 0 serves the rendezvous at HOST:PORT."_s,
         u"HOST:PORT"_s},
        {u"rank"_s, u"This process's rank in the group, 0..world-size-1 (with --rendezvous)."_s, u"R"_s},
        {u"world-size"_s, u"Processes in the group (with --rendezvous)."_s, u"N"_s},
    });
    parser.addPositionalArgument(u"DIR"_s, u"More data directories (as in --data A B)."_s, u"[DIR...]"_s);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;

    options.dataDirectories = parser.values(u"data"_s) + parser.positionalArguments();
    options.output = parser.value(u"out"_s);
    options.resumeFrom = parser.value(u"resume"_s);
    options.growFrom = parser.value(u"grow-from"_s);
    options.cacheDirectory = parser.value(u"cache"_s);
    if (options.dataDirectories.isEmpty() || options.output.isEmpty()) {
        err() << "tutti train: --data and --out are required\n" << commandHelp(parser, u"train"_s);
        err().flush();
        return 2;
    }
    int seed = static_cast<int>(options.seed);
    const bool valid = readInt(parser, u"steps"_s, 1, options.steps) && readInt(parser, u"batch"_s, 1, options.batchSize)
        && readInt(parser, u"threads"_s, 1, options.threads) && readInt(parser, u"warmup"_s, 1, options.warmupSteps)
        && readInt(parser, u"layers"_s, 1, options.model.layers) && readInt(parser, u"width"_s, 1, options.model.width)
        && readInt(parser, u"heads"_s, 1, options.model.heads) && readInt(parser, u"seed"_s, 0, seed)
        && readDouble(parser, u"lr"_s, options.learningRate) && readDouble(parser, u"final-lr"_s, options.finalLearningRate)
        && readDouble(parser, u"dropout"_s, options.model.dropout)
        && readDouble(parser, u"checkpoint-minutes"_s, options.checkpointMinutes)
        && readDouble(parser, u"infill-share"_s, options.infillShare);
    if (!valid) {
        err().flush();
        return 2;
    }
    options.seed = static_cast<std::uint64_t>(seed);
    options.dropoutGiven = parser.isSet(u"dropout"_s);
    options.excludedKeys = parser.values(u"exclude"_s);
    const QString precision = parser.value(u"precision"_s);
    if (precision == u"bf16"_s)
        options.precision = TrainingPrecision::BFloat16;
    else if (precision == u"fp32"_s)
        options.precision = TrainingPrecision::Float32;
    else if (!precision.isEmpty() && precision != u"auto"_s) {
        err() << "tutti train: --precision takes auto, bf16 or fp32\n";
        err().flush();
        return 2;
    }
    int workers = 1;
    if (!readInt(parser, u"workers"_s, 1, workers) || !readInt(parser, u"rank"_s, 0, options.group.rank)
        || !readInt(parser, u"world-size"_s, 1, options.group.worldSize)) {
        err().flush();
        return 2;
    }
    if (parser.isSet(u"rendezvous"_s)) {
        const QString rendezvous = parser.value(u"rendezvous"_s);
        bool portOk = false;
        options.group.host = rendezvous.section(u':', 0, -2);
        options.group.port = rendezvous.section(u':', -1).toInt(&portOk);
        if (options.group.host.isEmpty() || !portOk || options.group.port < 1 || options.group.port > 65535
            || !parser.isSet(u"rank"_s) || !parser.isSet(u"world-size"_s) || options.group.rank >= options.group.worldSize) {
            err() << "tutti train: --rendezvous HOST:PORT needs --rank R and --world-size N with 0 <= R < N\n";
            err().flush();
            return 2;
        }
        if (workers > 1) {
            err() << "tutti train: --workers starts its own group; use it without --rendezvous\n";
            err().flush();
            return 2;
        }
    } else if (parser.isSet(u"rank"_s) || parser.isSet(u"world-size"_s)) {
        err() << "tutti train: --rank and --world-size go with --rendezvous HOST:PORT\n";
        err().flush();
        return 2;
    }
    if (options.batchSize < std::max(workers, options.group.worldSize)) {
        err() << "tutti train: --batch must be at least the number of processes\n";
        err().flush();
        return 2;
    }
    if (options.infillShare < 0.0 || options.infillShare > 1.0) {
        err() << "tutti train: --infill-share must lie in 0..1\n";
        err().flush();
        return 2;
    }

    if (workers > 1)
        return runTrainingWorkers(arguments, workers, parser.isSet(u"threads"_s));
    preferPassiveOpenMpThreads();
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    TrainingCallbacks callbacks;
    callbacks.log = [](const QString &line) {
        out() << line << "\n";
        out().flush();
    };
    callbacks.stopRequested = [] { return stopSignalled.load(); };
    return train(options, callbacks);
}

} // namespace tutti::cli
// end of traincommand.cpp
