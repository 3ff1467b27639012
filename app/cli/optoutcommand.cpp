// SPDX-License-Identifier: GPL-3.0-or-later
// optoutcommand.cpp — `tutti optout`: list the training works, take works out of the model;
// `tutti bench optout`: how long the fast way takes.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "model/modellocation.h"
#include "model/optout.h"
#include "model/transformermodel.h"
#include "representation/trainingworks.h"

#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

std::atomic<bool> optOutStopped = false;

void onOptOutStop(int signalNumber)
{
    optOutStopped = true;
    std::signal(signalNumber, SIG_DFL);
}

OptOutCallbacks printingCallbacks()
{
    OptOutCallbacks callbacks;
    callbacks.log = [](const QString &line) {
        err() << line << "\n";
        err().flush();
    };
    callbacks.stopRequested = [] { return optOutStopped.load(); };
    return callbacks;
}

} // namespace

int runOptOut(const QStringList &arguments)
{
    OptOutOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Take training works back out of the music transformer. --list prints every work, one a line, tab-separated: "
        "key, composer, title, corpus, licence, attribution, source. --work KEY --out FILE unlearns the works (gradient "
        "ascent on them held in check by the retained pieces, on the CPU), checks that they are gone (NLL per note at "
        "the held-out level and 15 % up, continuations of their openings not copying them, validation NLL up at most "
        "3 %) and writes the model, an originality index without them and a model card logging the opt-out."_s);
    parser.addOptions({
        {u"list"_s, u"Print the training works."_s},
        {u"work"_s, u"A work to take out, by its key (repeatable)."_s, u"KEY"_s},
        {u"out"_s, u"The new model (.safetensors); index (.index) and card (.card.md) beside it."_s, u"FILE"_s},
        {u"model"_s, u"The model to start from (default: the shipped one)."_s, u"FILE"_s},
        {u"data"_s, u"A training corpus (repeatable; default: those the model card's data table names, see "
                    "TUTTI_TRAINING_DATA)."_s, u"DIR"_s},
        {u"max-steps"_s, u"Most unlearning steps (default %1)."_s.arg(options.maxSteps), u"N"_s},
        {u"lr"_s, u"Learning rate (default %1)."_s.arg(options.learningRate), u"RATE"_s},
        {u"cache"_s, u"Directory for the encoded corpus cache (default: the user cache)."_s, u"DIR"_s},
        {u"threads"_s, u"LibTorch threads (default 1)."_s, u"N"_s},
    });
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    options.dataDirectories = parser.isSet(u"data"_s)    ? parser.values(u"data"_s)
                              : parser.isSet(u"model"_s) ? trainingDirectories(parser.value(u"model"_s))
                                                         : shippedTrainingDirectories();
    if (options.dataDirectories.isEmpty()) {
        err() << "tutti optout: the training corpora were not found; name them with --data DIR\n";
        return 1;
    }
    if (parser.isSet(u"list"_s)) {
        const std::vector<TrainingWork> works = trainingWorks(options.dataDirectories);
        if (works.empty()) {
            err() << "tutti optout: no MIDI or MusicXML under " << options.dataDirectories.join(u", "_s) << "\n";
            return 1;
        }
        for (const TrainingWork &work : works)
            out() << trainingWorkLine(work) << "\n";
        return 0;
    }
    options.keys = parser.values(u"work"_s);
    options.output = parser.value(u"out"_s);
    options.modelPath = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    options.cacheDirectory = parser.value(u"cache"_s);
    if (options.keys.isEmpty() || options.output.isEmpty()) {
        err() << "tutti optout: give --list, or --work KEY and --out FILE\n" << commandHelp(parser, u"optout"_s);
        return 2;
    }
    if (options.modelPath.isEmpty()) {
        err() << "tutti optout: " << noModelMessage() << "\n";
        return 1;
    }
    bool ok = true;
    if (parser.isSet(u"max-steps"_s))
        options.maxSteps = parser.value(u"max-steps"_s).toInt(&ok);
    if (ok && parser.isSet(u"lr"_s))
        options.learningRate = parser.value(u"lr"_s).toDouble(&ok);
    const int threads = parser.isSet(u"threads"_s) ? parser.value(u"threads"_s).toInt() : 1;
    if (!ok || options.maxSteps < 1 || options.learningRate <= 0.0 || threads < 1) {
        err() << "tutti optout: --max-steps and --threads need whole numbers >= 1, --lr a positive number\n";
        return 2;
    }
    setModelThreads(threads);
    std::signal(SIGINT, onOptOutStop);
    std::signal(SIGTERM, onOptOutStop);
    OptOutReport report;
    if (const QString error = optOut(options, printingCallbacks(), report); !error.isEmpty()) {
        err() << "tutti optout: " << error << "\n";
        return 1;
    }
    out() << report.describe() << "\n" << "model: " << options.output << "\n";
    return report.passed() ? 0 : 3;
}

int benchOptOut(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Time of the fast opt-out (unlearning and its checks, no index) of one work from the shipped model."_s);
    parser.addOptions({
        {u"model"_s, u"Model file (default: the shipped one)."_s, u"FILE"_s},
        {u"data"_s, u"Training corpus (repeatable; default: the shipped model's)."_s, u"DIR"_s},
        {u"work"_s, u"The work to take out (default: the first training work)."_s, u"KEY"_s},
        {u"max-steps"_s, u"Most unlearning steps (default 300)."_s, u"N"_s},
        {u"threads"_s, u"LibTorch threads (default 1)."_s, u"N"_s},
    });
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    OptOutOptions options;
    options.modelPath = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    options.dataDirectories = parser.isSet(u"data"_s) ? parser.values(u"data"_s) : trainingDirectories(options.modelPath);
    if (options.modelPath.isEmpty() || options.dataDirectories.isEmpty()) {
        err() << "tutti bench optout: needs the model and its training corpora (--model, --data)\n";
        return 1;
    }
    options.keys = parser.values(u"work"_s);
    if (options.keys.isEmpty()) {
        const std::vector<TrainingWork> works = trainingWorks(options.dataDirectories);
        if (!works.empty())
            options.keys = {works.front().key};
    }
    if (parser.isSet(u"max-steps"_s))
        options.maxSteps = std::max(1, parser.value(u"max-steps"_s).toInt());
    options.writeIndex = false;
    setModelThreads(parser.isSet(u"threads"_s) ? std::max(1, parser.value(u"threads"_s).toInt()) : 1);
    QTemporaryDir scratch;
    options.output = scratch.filePath(u"optout.safetensors"_s);
    OptOutReport report;
    if (const QString error = optOut(options, printingCallbacks(), report); !error.isEmpty()) {
        err() << "tutti bench optout: " << error << "\n";
        return 1;
    }
    out() << report.describe() << "\n";
    out() << "fast opt-out of " << options.keys.join(u", "_s) << ": " << QString::number(report.seconds, 'f', 1)
          << " s of unlearning (" << report.steps << " steps, " << QString::number(report.secondsPerStep, 'f', 2)
          << " s a step)\n";
    return 0;
}

} // namespace tutti::cli
// end of optoutcommand.cpp
