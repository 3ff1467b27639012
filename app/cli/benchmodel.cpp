// SPDX-License-Identifier: GPL-3.0-or-later
// benchmodel.cpp — `tutti bench train` and `tutti bench generate`: the transformer's speed.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/indexcopyguard.h"
#include "analysis/originalityindex.h"
#include "generation/generator.h"
#include "generation/suggestion.h"
#include "model/modellocation.h"
#include "io/scorefile.h"
#include "model/generationbatch.h"
#include "model/generationsession.h"
#include "model/trainer.h"
#include "model/transformermodel.h"
#include "representation/decoder.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <array>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

int intOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

// The model to measure: a file, or fresh random weights of the default size.
std::unique_ptr<TransformerModel> benchmarkModel(const QString &path)
{
    QString error;
    std::unique_ptr<TransformerModel> model =
        path.isEmpty() ? TransformerModel::create(ModelConfig(), 1, error) : TransformerModel::load(path, error);
    if (!model) {
        err() << "tutti bench: " << error << "\n";
        err().flush();
    }
    return model;
}

// A sequence of `count` events (four instruments, then notes on a steady grid): the
// benchmark feeds it one event at a time, so timing never depends on what a sampler picks.
std::vector<Event> steadySequence(int count)
{
    std::vector<Event> events = {Event::ofType(EventType::StartOfSong)};
    for (int instrument : {25, 26, 27, 50})
        events.push_back(Event::instrumentEvent(instrument));
    events.push_back(Event::ofType(EventType::StartOfNotes));
    for (int i = 0; static_cast<int>(events.size()) < count; ++i)
        events.push_back(Event::note(i / 4, (i % 4) * 3, 55 + (i * 5) % 24, 3, std::array{25, 26, 27, 50}[i % 4]));
    return events;
}

double eventsPerSecond(const TransformerModel &model, KvCacheMode mode, const std::vector<Event> &events)
{
    GenerationSession session(model, mode);
    session.append(std::span(events).first(1)); // warm-up
    session.reset();
    QElapsedTimer timer;
    timer.start();
    for (std::size_t i = 0; i < events.size(); ++i)
        session.append(std::span(events).subspan(i, 1));
    return events.size() / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int benchTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Training speed in fp32 and in bf16 (where the CPU has it), same model and batch."_s);
    const ModelConfig defaults;
    parser.addOptions({
        {u"batch"_s, u"Sequences per step (default 8)."_s, u"B"_s},
        {u"events"_s, u"Events per sequence (default 1024)."_s, u"T"_s},
        {u"steps"_s, u"Measured steps after one warm-up step (default 3)."_s, u"N"_s},
        {u"threads"_s, u"LibTorch threads (default %1)."_s.arg(defaultTrainingThreads()), u"N"_s},
        {u"layers"_s, u"Transformer layers (default %1)."_s.arg(defaults.layers), u"N"_s},
        {u"width"_s, u"Embedding width (default %1)."_s.arg(defaults.width), u"D"_s},
        {u"heads"_s, u"Attention heads (default %1)."_s.arg(defaults.heads), u"H"_s},
    });
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    preferPassiveOpenMpThreads();
    ModelConfig config;
    config.layers = intOption(parser, u"layers"_s, config.layers);
    config.width = intOption(parser, u"width"_s, config.width);
    config.heads = intOption(parser, u"heads"_s, config.heads);
    if (QString problem = config.validate(); !problem.isEmpty()) {
        err() << "tutti bench train: " << problem << "\n";
        err().flush();
        return 2;
    }
    if (const QString error = loadModelLibrary(); !error.isEmpty()) {
        err() << "tutti bench train: " << error << "\n";
        err().flush();
        return 1;
    }
    const int batch = intOption(parser, u"batch"_s, 8);
    const int events = std::min(intOption(parser, u"events"_s, 1024), config.context);
    const int threads = intOption(parser, u"threads"_s, defaultTrainingThreads());
    const int steps = intOption(parser, u"steps"_s, 3);
    out() << "training " << config.layers << " layers of width " << config.width << ", " << parameterCount(config)
          << " parameters, batch " << batch << " x " << events << " events, " << threads << " thread(s)\n";
    out().flush();
    double fp32 = 0.0;
    for (const TrainingPrecision precision : {TrainingPrecision::Float32, TrainingPrecision::BFloat16}) {
        // Measured on every CPU: without AVX-512 BF16 or AMX, oneDNN emulates bf16, and the
        // line shows what training would lose by forcing it (automatic precision picks fp32).
        const bool bf16 = precision == TrainingPrecision::BFloat16;
        const double tokensPerSecond = benchmarkTraining(config, batch, events, steps, threads, precision);
        out() << (bf16 ? "bf16" : "fp32") << ": " << qRound(tokensPerSecond) << " tokens/s";
        if (bf16)
            out() << " (" << QString::number(tokensPerSecond / fp32, 'f', 2) << "x fp32"
                  << (cpuHasFastBFloat16() ? ")" : "; emulated: this CPU has neither AVX-512 BF16 nor AMX, so training uses fp32)");
        out() << "\n";
        out().flush();
        fp32 = tokensPerSecond;
    }
    return 0;
}

namespace {

// The context of the continuation benchmark: the first 8 bars of a real string quartet.
// --context names the file; without it the first quartet of ../shared/data is taken.
QString quartetContextPath(const QString &given)
{
    if (!given.isEmpty())
        return given;
    QDirIterator files(u"../shared/data/openscore-quartets/mxl"_s, {u"*.mxl"_s}, QDir::Files, QDirIterator::Subdirectories);
    QStringList found;
    while (files.hasNext())
        found << files.next();
    found.sort();
    return found.value(0);
}

// Four rows stepping together through `events` events each: the network's batched speed.
double batchedEventsPerSecond(const TransformerModel &model, const std::vector<Event> &events, int rows)
{
    GenerationBatch batch(model, rows);
    std::vector<int> rowIndices(static_cast<std::size_t>(rows));
    std::iota(rowIndices.begin(), rowIndices.end(), 0);
    std::vector<Event> next(static_cast<std::size_t>(rows));
    const auto run = [&](std::size_t count) {
        batch.reset();
        for (std::size_t i = 0; i < count; ++i) {
            std::fill(next.begin(), next.end(), events[i]);
            batch.step(rowIndices, next);
        }
    };
    run(1); // warm-up
    QElapsedTimer timer;
    timer.start();
    run(events.size());
    return static_cast<double>(events.size()) * rows / (timer.nsecsElapsed() / 1e9);
}

// One suggest() call, timed: the notes of every candidate and the wall time, the median of
// three runs after a warm-up run (the same seed gives the same notes every time).
struct TimedSuggestion
{
    std::size_t notes = 0;
    double seconds = 0.0;
    QString error;
    double notesPerSecond() const { return static_cast<double>(notes) / std::max(seconds, 1e-9); }
    QString line() const
    {
        return u"%1 notes in %2 s, %3 notes/s"_s.arg(notes).arg(seconds, 0, 'f', 2).arg(qRound(notesPerSecond()));
    }
};

template<typename Model>
TimedSuggestion timedSuggestion(Model &model, const Score &context, const SuggestionRequest &request)
{
    TimedSuggestion timed;
    std::vector<double> seconds;
    for (int run = 0; run < 4 && timed.error.isEmpty(); ++run) {
        QElapsedTimer timer;
        timer.start();
        const SuggestionResult result = suggest(model, context, request);
        if (run > 0)
            seconds.push_back(timer.nsecsElapsed() / 1e9);
        timed.error = result.error;
        timed.notes = 0;
        for (const Suggestion &suggestion : result.candidates)
            timed.notes += suggestion.noteCount();
    }
    if (!seconds.empty()) {
        std::sort(seconds.begin(), seconds.end());
        timed.seconds = seconds[seconds.size() / 2];
    }
    return timed;
}

int fail(const QString &error)
{
    err() << "tutti bench generate: " << error << "\n";
    err().flush();
    return 1;
}

// One model's figures, each line prefixed with `label`.
int measureGeneration(const TransformerModel &model, const QString &label, const std::vector<Event> &events,
                      const Score &context, int contextBars)
{
    const QString prefix = label.isEmpty() ? QString() : label + u": "_s;
    out() << prefix << "model: " << model.parameterCount() << " parameters, " << events.size() << " events\n";
    out().flush();
    // The decoding step with each way of keeping its weights, then the way this CPU gets
    // by default (which the continuations below use).
    const DecodingWeights automatic = decodingWeights();
    for (const DecodingWeights weights : {DecodingWeights::Float32, DecodingWeights::BFloat16}) {
        setDecodingWeights(weights);
        const QString name = weights == DecodingWeights::Float32 ? u"float32 weights"_s : u"bfloat16 weights"_s;
        const double cached = eventsPerSecond(model, KvCacheMode::Cached, events);
        out() << prefix << "with KV cache, " << name << ":   " << qRound(cached) << " events/s\n";
        out().flush();
        const double batched = batchedEventsPerSecond(model, events, 4);
        out() << prefix << "batch of 4 rows, " << name << ": " << qRound(batched) << " events/s summed\n";
        out().flush();
    }
    setDecodingWeights(DecodingWeights::Automatic);
    out() << prefix << "decoding with " << (automatic == DecodingWeights::BFloat16 ? "bfloat16" : "float32")
          << " weights on this CPU from here on\n";
    const double recomputed = eventsPerSecond(model, KvCacheMode::Recompute, std::vector<Event>(events.begin(), events.begin() + std::min<std::size_t>(events.size(), 256)));
    out() << prefix << "without KV cache: " << QString::number(recomputed, 'f', 1) << " events/s (first 256 events)\n";

    // Continuations of 8 bars after the context's bars, as the GUI asks for them: one
    // candidate, then four one after another, then four side by side in one batch (the GUI's way).
    GenerationSession session(model);
    GenerationBatch batch(model, 4);
    const auto continuation = [&](int candidates) {
        SuggestionRequest request;
        request.mode = SuggestionMode::Continue;
        request.firstBar = 0;
        request.endBar = contextBars;
        request.lengthBars = 8;
        request.candidates = candidates;
        request.sampling.seed = 1;
        return request;
    };
    const QString what = u"8-bar continuation of %1 parts after %2 bars, "_s.arg(context.tracks.size()).arg(contextBars);
    TimedSuggestion timed = timedSuggestion(session, context, continuation(1));
    if (!timed.error.isEmpty())
        return fail(timed.error);
    out() << prefix << what << "1 candidate: " << timed.line() << "\n";
    timed = timedSuggestion(session, context, continuation(4));
    if (!timed.error.isEmpty())
        return fail(timed.error);
    out() << prefix << what << "4 candidates one after another: " << timed.line() << "\n";
    timed = timedSuggestion(batch, context, continuation(4));
    if (!timed.error.isEmpty())
        return fail(timed.error);
    out() << prefix << what << "4 candidates batched: " << timed.line()
          << " (targets: under 0.5 s, at least 2000 notes/s)\n";
    out().flush();

    // The musical controls' cost: the same continuations with every control and copy
    // avoidance on, per note written (the controls change how many notes there are).
    QString indexError;
    const QString indexPath = defaultOriginalityIndexPath();
    const OriginalityIndex index = indexPath.isEmpty() ? OriginalityIndex() : OriginalityIndex::load(indexPath, indexError);
    double notesPerSecond[2] = {0.0, 0.0};
    for (const bool controlled : {false, true}) {
        SuggestionRequest request = continuation(4);
        request.endBar = 8;
        request.avoidCopies = controlled;
        if (controlled) {
            request.controls.density = DensityChoice::Medium;
            request.controls.polyphony = 2;
            request.controls.grid = RhythmGrid::Eighth;
            request.controls.maxLeap = 7;
            request.controls.stepPreference = 0.5;
            request.controls.lowestVelocity = 40;
            request.controls.highestVelocity = 90;
            request.copyGuard = makeIndexCopyGuard(index);
        }
        timed = timedSuggestion(batch, context, request);
        if (!timed.error.isEmpty())
            return fail(timed.error);
        notesPerSecond[controlled ? 1 : 0] = timed.notesPerSecond();
        out() << (controlled ? "controls on (density, polyphony 2, grid 1/8, leap 7, velocity, no copies"
                             : "controls off")
              << (controlled && !request.copyGuard ? " [no originality index]" : "") << (controlled ? ")" : "") << ": "
              << timed.line() << "\n";
        out().flush();
    }
    out() << "controls cost: " << QString::number(100.0 * (1.0 - notesPerSecond[1] / notesPerSecond[0]), 'f', 1)
          << " % of generation speed (target: at most 15 %)\n";
    return 0;
}

} // namespace

int benchGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Generation speed: single events with and without the KV cache, a batch of four, and "
                                     u"continuations of a real quartet."_s);
    parser.addOptions({
        {u"model"_s, u"Model file (default: the shipped model)."_s, u"FILE"_s},
        {u"compare"_s, u"A second model file, measured the same way after the first."_s, u"FILE"_s},
        {u"random"_s, u"Random weights of the default size instead of a model file."_s},
        {u"context"_s, u"The score whose first 8 bars the continuations follow (default: the first quartet under "
                       u"../shared/data/openscore-quartets)."_s, u"FILE"_s},
        {u"events"_s, u"Events per sequence (default 1024)."_s, u"N"_s},
        {u"threads"_s, u"Threads of the model (default: one per core, as the app uses)."_s, u"N"_s},
    });
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QString modelPath = parser.isSet(u"random"_s) ? QString()
                              : parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    if (modelPath.isEmpty() && !parser.isSet(u"random"_s)) {
        err() << "tutti bench generate: " << noModelMessage() << "\n";
        err().flush();
        return 1;
    }
    const std::unique_ptr<TransformerModel> model = benchmarkModel(modelPath);
    if (!model)
        return 1;
    const int threads = intOption(parser, u"threads"_s, QThread::idealThreadCount());
    setModelThreads(threads);
    out() << "threads: " << threads << "\n";

    constexpr int contextBars = 8;
    const QString contextPath = quartetContextPath(parser.value(u"context"_s));
    Score context;
    if (contextPath.isEmpty()) {
        out() << "context: no quartet found (give --context FILE); a synthetic 4-part context instead\n";
        context = decode(steadySequence(6 + contextBars * 4 * 4));
    } else {
        const ScoreReadResult read = readScoreFile(contextPath);
        if (!read.ok()) {
            err() << "tutti bench generate: " << read.error << "\n";
            err().flush();
            return 1;
        }
        context = read.score;
        out() << "context: the first " << contextBars << " bars of " << QFileInfo(contextPath).fileName() << " ("
              << context.tracks.size() << " parts)\n";
    }
    out().flush();
    const std::vector<Event> events = steadySequence(std::min(intOption(parser, u"events"_s, 1024), model->config().context));
    const QString label = parser.isSet(u"compare"_s) ? QFileInfo(modelPath.isEmpty() ? u"random"_s : modelPath).fileName() : QString();
    if (int code = measureGeneration(*model, label, events, context, contextBars); code != 0)
        return code;
    if (parser.isSet(u"compare"_s)) {
        const std::unique_ptr<TransformerModel> other = benchmarkModel(parser.value(u"compare"_s));
        if (!other)
            return 1;
        const std::vector<Event> otherEvents = steadySequence(std::min(intOption(parser, u"events"_s, 1024), other->config().context));
        return measureGeneration(*other, QFileInfo(parser.value(u"compare"_s)).fileName(), otherEvents, context, contextBars);
    }
    return 0;
}

} // namespace tutti::cli
// end of benchmodel.cpp
