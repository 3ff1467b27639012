// SPDX-License-Identifier: GPL-3.0-or-later
// evalcommand.cpp — `tutti eval`: the model's validation likelihood and the music it writes,
// next to real pieces and to a per-field n-gram baseline trained on the same split.
#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cli/evalreport.h"

#include "analysis/fieldngrammodel.h"
#include "analysis/musicmetrics.h"
#include "analysis/indexcopyguard.h"
#include "analysis/originalityindex.h"
#include "analysis/suggestionoriginality.h"
#include "model/modellocation.h"
#include "generation/suggestion.h"
#include "model/generationsession.h"
#include "model/likelihood.h"
#include "model/trainer.h"
#include "model/transformermodel.h"
#include "representation/corpus.h"
#include "representation/encoder.h"
#include "score/timemap.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

// Bars 1-8 are the context of continuations, bars 9-16 what is rewritten or compared.
constexpr int contextBars = 8;
constexpr int validationBatch = 4;

struct EvalPiece
{
    Score score;
    std::vector<Event> notes;
};

struct Corpus
{
    std::vector<std::vector<Event>> trainingWindows;   // every 256-beat window, for the baseline
    std::vector<std::vector<Event>> validationWindows; // as the trainer scores them
    std::map<QString, std::vector<std::vector<Event>>> validationWindowsByCorpus;
    std::map<QString, int> validationPiecesByCorpus;
    std::vector<EvalPiece> validation;                 // long enough to hold 24 bars
};

// Windows from beat 0 every 256 beats, at most `limit` of them (0: all).
void addWindows(const std::vector<Event> &notes, int maxEvents, int limit, std::vector<std::vector<Event>> &windows)
{
    for (std::vector<Event> &window : likelihoodWindows(notes, maxEvents, limit))
        windows.push_back(std::move(window));
}

// With `test`, every piece is a validation piece (a corpus of the user's own, no split).
Corpus readCorpus(const QStringList &directories, int maxEvents, bool test, EvalResults &results)
{
    Corpus corpus;
    const std::vector<CorpusPiece> pieces = findCorpusPieces(directories);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        ScoreReadResult read = readCorpusPiece(pieces[i]);
        err() << "\rreading " << (i + 1) << " of " << pieces.size() << " pieces";
        err().flush();
        if (!read.ok())
            continue;
        std::vector<Event> notes = scoreNoteEvents(read.score);
        if (notes.empty())
            continue;
        if (!pieces[i].validation && !test) {
            ++results.trainingPieces;
            addWindows(notes, maxEvents, 0, corpus.trainingWindows);
            continue;
        }
        ++results.validationPieces;
        const QString corpusName = pieces[i].key.section(u'/', 0, 0);
        ++corpus.validationPiecesByCorpus[corpusName];
        addWindows(notes, maxEvents, 4, corpus.validationWindowsByCorpus[corpusName]); // beats 0, 256, 512, 768: the trainer's
        addWindows(notes, maxEvents, 4, corpus.validationWindows);
        if (TimeMap(read.score).barCount(read.score.endTick()) >= 3 * contextBars)
            corpus.validation.push_back({std::move(read.score), std::move(notes)});
    }
    err() << "\n";
    results.validationWindows = static_cast<int>(corpus.validationWindows.size());
    return corpus;
}

// A score without tracks whose one time signature is the one in force at `from`.
Score emptyScoreFrom(const Score &score, Tick from)
{
    Score empty;
    empty.ticksPerQuarter = score.ticksPerQuarter;
    const TimeSignatureChange metre = TimeMap(score).timeSignatureAt(from);
    empty.timeSignatures = {{0, metre.numerator, metre.denominator}};
    return empty;
}

// The notes starting in [from, to), moved to start at 0, with the metre in force at `from`.
Score excerpt(const Score &score, Tick from, Tick to)
{
    Score part = emptyScoreFrom(score, from);
    for (const Track &track : score.tracks) {
        Track copy = track;
        copy.notes.clear();
        for (const Note &note : track.notes) {
            if (note.start >= from && note.start < to)
                copy.notes.push_back({note.start - from, note.length, note.pitch, note.velocity});
        }
        part.tracks.push_back(std::move(copy));
    }
    return part;
}

void addMetrics(const Score &score, Tick length, SampleSet &set)
{
    const int beats = static_cast<int>(std::max<Tick>(1, length / std::max(1, score.ticksPerQuarter)));
    const MusicMetrics metrics = musicMetrics(score, beats);
    set.entropy.push_back(metrics.pitchClassEntropy);
    set.scale.push_back(metrics.scaleConsistency);
    set.groove.push_back(metrics.grooveConsistency);
}

// Bars 9-16 of every validation piece.
SampleSet realSamples(const std::vector<EvalPiece> &pieces, int bars)
{
    SampleSet set;
    set.source = u"real"_s;
    set.mode = u"-"_s;
    for (const EvalPiece &piece : pieces) {
        const TimeMap map(piece.score);
        const Tick from = map.barStart(contextBars + 1);
        const Tick to = map.barStart(contextBars + 1 + bars);
        const Score part = excerpt(piece.score, from, to);
        set.notes += static_cast<std::int64_t>(part.noteCount());
        addMetrics(part, to - from, set);
    }
    return set;
}

// The request of sample `index` in `mode`, and the score it works on.
SuggestionRequest sampleRequest(SuggestionMode mode, const EvalPiece &piece, int bars, int index, Score &score)
{
    SuggestionRequest request;
    request.mode = mode;
    request.candidates = 1;
    request.lengthBars = bars;
    request.sampling.seed = static_cast<std::uint64_t>(index) + 1;
    const TimeMap map(piece.score);
    switch (mode) {
    case SuggestionMode::New:
        score = Score();
        break;
    case SuggestionMode::Instruments: {
        score = Score();
        std::set<int> programs;
        for (const Track &track : piece.score.tracks) {
            if (!track.isDrum && !track.notes.empty())
                programs.insert(track.program);
        }
        request.programs.assign(programs.begin(), programs.end());
        break;
    }
    case SuggestionMode::Continue:
        score = excerpt(piece.score, 0, map.barStart(contextBars + 1));
        request.endBar = contextBars;
        break;
    case SuggestionMode::Infill:
        score = excerpt(piece.score, 0, map.barStart(contextBars + 1 + 2 * bars));
        request.firstBar = contextBars;
        request.endBar = contextBars + bars;
        break;
    }
    return request;
}

// `guard` null: the model alone; else the samples the app draws by default, kept clear of copies.
SampleSet generatedSamples(LogitSource &source, const QString &sourceName, SuggestionMode mode,
                           const std::vector<EvalPiece> &pieces, int samples, int bars, const OriginalityIndex &index,
                           int threshold, const std::shared_ptr<const CopyGuard> &guard)
{
    static const QStringList modeNames = {u"new"_s, u"instruments"_s, u"continue"_s, u"infill"_s};
    SampleSet set;
    set.source = sourceName;
    set.mode = modeNames[static_cast<int>(mode)];
    for (int i = 0; i < samples; ++i) {
        Score score;
        SuggestionRequest request = sampleRequest(mode, pieces[static_cast<std::size_t>(i) % pieces.size()], bars, i, score);
        request.copyGuard = guard;
        QElapsedTimer clock;
        clock.start();
        const SuggestionResult result = suggest(source, score, request);
        set.seconds += clock.nsecsElapsed() / 1e9;
        if (!result.error.isEmpty() || result.candidates.empty()) {
            err() << "tutti eval: " << sourceName << ", " << set.mode << ": " << result.error << "\n";
            continue;
        }
        const Suggestion &suggestion = result.candidates.front();
        Score written = emptyScoreFrom(score, suggestion.firstTick);
        for (const SuggestedPart &part : suggestion.parts) {
            Track track = part.track >= 0 ? score.tracks[static_cast<std::size_t>(part.track)] : part.newTrack;
            track.notes.clear();
            for (const Note &note : part.notes)
                track.notes.push_back({note.start - suggestion.firstTick, note.length, note.pitch, note.velocity});
            written.tracks.push_back(std::move(track));
        }
        set.notes += static_cast<std::int64_t>(written.noteCount());
        addMetrics(written, suggestion.endTick - suggestion.firstTick, set);
        if (!index.isEmpty()) {
            ++set.checked;
            const OriginalityReport report = checkSuggestion(index, score, suggestion);
            if (const OriginalityMatch *copy = report.copied(threshold)) {
                ++set.copies;
                err() << "\r" << sourceName << ", " << set.mode << ", sample " << (i + 1) << ": " << copy->describe()
                      << "\n";
            }
        }
        err() << "\r" << sourceName << ", " << set.mode << ": " << (i + 1) << " of " << samples << " samples";
        err().flush();
    }
    err() << "\n";
    return set;
}

QString describeModel(const TransformerModel &model)
{
    const ModelConfig &config = model.config();
    QString text = u"%1 layers, width %2, %3 heads, context %4; %5 parameters"_s.arg(config.layers)
                       .arg(config.width)
                       .arg(config.heads)
                       .arg(config.context)
                       .arg(model.parameterCount());
    const std::map<QString, QString> &metadata = model.metadata();
    if (const auto step = metadata.find(u"training_step"_s); step != metadata.end())
        text += u"; %1 training steps"_s.arg(step->second);
    if (const auto loss = metadata.find(u"validation_loss"_s); loss != metadata.end())
        text += u"; validation loss %1 when saved"_s.arg(loss->second);
    return text;
}

int fail(const QString &message, int code)
{
    err() << "tutti eval: " << message << "\n";
    err().flush();
    return code;
}

} // namespace

int runEval(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Evaluates the music transformer on the validation split of the corpus: negative log-likelihood per "
        "field and per note, and the objective metrics (pitch-class entropy, scale and groove consistency) of "
        "samples in each mode next to real pieces, with 95 % confidence intervals, notes per second and the "
        "share of samples that copy the corpus. A per-field n-gram model trained on the same split is "
        "measured the same way. Writes report.md, CSV files and PNG plots into the --out folder."_s);
    parser.addOption({u"model"_s, u"Model file (default: the shipped model)."_s, u"FILE"_s});
    parser.addOption({u"compare"_s, u"Another model file, measured the same way beside it (e.g. an earlier "
                                    u"model)."_s, u"FILE"_s});
    parser.addOption({u"data"_s, u"Corpus directory; more may follow it (--data A B)."_s, u"DIR"_s});
    parser.addPositionalArgument(u"dirs"_s, u"More corpus directories."_s, u"[DIR...]"_s);
    parser.addOption({u"samples"_s, u"Samples per mode and source (default 8)."_s, u"N"_s});
    parser.addOption({u"bars"_s, u"Bars per sample (default 8)."_s, u"N"_s});
    parser.addOption({u"order"_s, u"Order of the n-gram baseline, 1-6 (default 3)."_s, u"N"_s});
    parser.addOption(
        {u"index"_s, u"Corpus index for the copy check (default: the one beside the model)."_s, u"FILE"_s});
    parser.addOption({u"out"_s, u"Folder for the report (created)."_s, u"DIR"_s});
    parser.addOption({u"avoid-copies"_s, u"Sample as the app does by default: the copy guard keeps every sample clear "
                                         u"of what the index would flag (without it, the model alone)."_s});
    parser.addOption({u"test"_s, u"Score every piece of the folders, with no split (a corpus of your own); no n-gram "
                                 u"baseline."_s});
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList directories = parser.values(u"data"_s) + parser.positionalArguments();
    if (directories.isEmpty() || !parser.isSet(u"out"_s))
        return fail(u"give --data DIR (one or more) and --out DIR"_s, 2);
    const auto number = [&](const QString &name, int fallback, int low, int high, int &value) {
        bool ok = true;
        value = parser.isSet(name) ? parser.value(name).toInt(&ok) : fallback;
        return ok && value >= low && value <= high;
    };
    EvalResults results;
    if (!number(u"samples"_s, 8, 1, 1000, results.samplesPerMode) || !number(u"bars"_s, 8, 1, 32, results.sampleBars)
        || !number(u"order"_s, 3, 1, 6, results.ngramOrder))
        return fail(u"--samples needs 1-1000, --bars 1-32, --order 1-6"_s, 2);
    const QString outDirectory = parser.value(u"out"_s);
    if (!QDir().mkpath(outDirectory))
        return fail(u"cannot create %1"_s.arg(outDirectory), 1);

    QElapsedTimer total;
    total.start();
    results.modelPath = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    if (results.modelPath.isEmpty())
        return fail(noModelMessage(), 1);
    QString error;
    const std::unique_ptr<TransformerModel> model = TransformerModel::load(results.modelPath, error);
    if (!model)
        return fail(error, 1);
    results.modelDescription = describeModel(*model);
    std::unique_ptr<TransformerModel> compared;
    if (parser.isSet(u"compare"_s)) {
        results.comparedPath = parser.value(u"compare"_s);
        compared = TransformerModel::load(results.comparedPath, error);
        if (!compared)
            return fail(error, 1);
        results.comparedName = QFileInfo(results.comparedPath).completeBaseName();
        if (results.comparedName.isEmpty() || results.comparedName == u"transformer"_s
            || results.comparedName == u"real"_s || results.comparedName == u"n-gram baseline"_s)
            results.comparedName = u"compared model"_s;
        results.comparedDescription = describeModel(*compared);
    }
    results.dataDirectories = directories;

    results.indexPath = parser.isSet(u"index"_s) ? parser.value(u"index"_s) : defaultOriginalityIndexPath();
    OriginalityIndex index;
    if (!results.indexPath.isEmpty()) {
        index = OriginalityIndex::load(results.indexPath, error);
        if (!error.isEmpty())
            return fail(error, 1);
    }
    results.copyThreshold = defaultCopyThresholdNotes;
    const std::shared_ptr<const CopyGuard> guard =
        parser.isSet(u"avoid-copies"_s) ? makeIndexCopyGuard(index, results.copyThreshold) : nullptr;
    if (parser.isSet(u"avoid-copies"_s) && !guard)
        return fail(u"--avoid-copies needs a corpus index (--index FILE, or the one beside the model)"_s, 1);

    results.testMode = parser.isSet(u"test"_s);
    const Corpus corpus = readCorpus(directories, model->config().context, results.testMode, results);
    if (corpus.validationWindows.empty() || (corpus.trainingWindows.empty() && !results.testMode))
        return fail(results.testMode ? u"the folders hold no readable pieces"_s
                                     : u"the data holds no validation or no training pieces"_s, 1);
    if (corpus.validation.empty())
        return fail(u"no validation piece has %1 bars to take contexts from"_s.arg(3 * contextBars), 1);

    err() << "scoring " << corpus.validationWindows.size() << " validation windows\n";
    results.transformerLoss = sequenceLikelihood(*model, corpus.validationWindows, validationBatch);
    if (compared)
        results.comparedLoss = sequenceLikelihood(*compared, corpus.validationWindows, validationBatch);
    FieldNgramModel baseline(results.ngramOrder);
    if (!results.testMode) {
        baseline.train(corpus.trainingWindows);
        results.baselineLoss = baseline.sequenceLoss(corpus.validationWindows);
    }
    for (const auto &[name, windows] : corpus.validationWindowsByCorpus) {
        CorpusLoss loss{name, corpus.validationPiecesByCorpus.at(name), sequenceLikelihood(*model, windows, validationBatch),
                        {}, {}};
        if (compared)
            loss.compared = sequenceLikelihood(*compared, windows, validationBatch);
        if (!results.testMode)
            loss.baseline = baseline.sequenceLoss(windows);
        results.corpusLosses.push_back(std::move(loss));
    }

    const GenerationParams sampling;
    results.samplingDescription = u"the defaults of every mode: temperature %1, top-k %2 % of each field's codes, "
                                  "seeds 1..%3; %4"_s.arg(sampling.temperature[0]).arg(10).arg(results.samplesPerMode)
                                      .arg(guard ? u"the copy guard on, as the app samples by default"_s
                                                 : u"no copy guard (the model alone; the app guards by default)"_s);
    results.samples.push_back(realSamples(corpus.validation, results.sampleBars));
    GenerationSession session(*model);
    const std::unique_ptr<GenerationSession> comparedSession =
        compared ? std::make_unique<GenerationSession>(*compared) : nullptr;
    FieldNgramSession baselineSession(baseline, model->config().context);
    const std::pair<LogitSource *, QString> sources[] = {{&session, u"transformer"_s},
                                                         {comparedSession.get(), results.comparedName},
                                                         {&baselineSession, u"n-gram baseline"_s}};
    for (const auto &[source, name] : sources) {
        if (!source || (source == &baselineSession && results.testMode))
            continue;
        for (SuggestionMode mode :
             {SuggestionMode::New, SuggestionMode::Instruments, SuggestionMode::Continue, SuggestionMode::Infill})
            results.samples.push_back(generatedSamples(*source, name, mode, corpus.validation, results.samplesPerMode,
                                                       results.sampleBars, index, results.copyThreshold, guard));
    }
    results.seconds = total.elapsed() / 1000.0;

    error = writeEvalReport(results, outDirectory);
    if (!error.isEmpty())
        return fail(error, 1);
    out() << "Wrote " << QDir(outDirectory).filePath(u"report.md"_s) << " (" << QString::number(results.seconds, 'f', 0)
          << " s)\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of evalcommand.cpp
