// SPDX-License-Identifier: GPL-3.0-or-later
// optout.cpp — unlearning chosen works (gradient difference), its checks, index and card.
#include "model/optout.h"

#include "analysis/originalityindexbuilder.h"
#include "model/modellocation.h"
#include "generation/suggestion.h"
#include "model/generationsession.h"
#include "model/internal/adaptation.h"
#include "model/internal/trainingcorpus.h"
#include "model/likelihood.h"
#include "model/personalization.h"
#include "model/transformermodel.h"
#include "representation/trainingworks.h"
#include "score/timemap.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr double minimumRise = 1.15;        // check 1: at least 15 % above where it was
constexpr double retainedTolerance = 1.03;  // check 3: at most 3 % higher
constexpr double interval95 = 1.96;
constexpr int openingBars = 4;
constexpr int continuationBars = 4;
const QString optedOutKey = u"opted_out"_s;  // model metadata: keys, one a line

SequenceLoss pieceLikelihood(const TransformerModel &model, const TrainingPiece &piece)
{
    return sequenceLikelihood(model, likelihoodWindows(piece.notes, model.config().context));
}

// Losses over several sets of windows as if scored together.
SequenceLoss combined(const std::vector<SequenceLoss> &losses)
{
    SequenceLoss total;
    for (const SequenceLoss &loss : losses) {
        for (std::size_t f = 0; f < total.perField.size(); ++f)
            total.perField[f] += loss.perField[f] * static_cast<double>(loss.targets);
        total.targets += loss.targets;
        total.notes += loss.notes;
    }
    for (double &field : total.perField)
        field /= std::max<double>(1.0, static_cast<double>(total.targets));
    return total;
}

// The score up to the end of its first `bars` bars (0-based [0, bars)).
Score opening(const Score &score, int bars)
{
    const Tick end = TimeMap(score).barStart(bars + 1);
    Score cut = score;
    for (Track &track : cut.tracks)
        std::erase_if(track.notes, [end](const Note &note) { return note.start >= end; });
    return cut;
}

// Continuations of the work's opening flagged as copies of the work itself.
int copiesOfOwnOpening(const TransformerModel &model, const Score &score, const QString &key, int candidates,
                       const OriginalityIndex &index, std::uint64_t seed)
{
    const int bars = TimeMap(score).barCount(score.endTick());
    const int context = std::clamp(bars / 2, 1, openingBars);
    const Score start = opening(score, context);
    SuggestionRequest request;
    request.mode = SuggestionMode::Continue;
    request.firstBar = 0;
    request.endBar = context;
    request.lengthBars = continuationBars;
    request.candidates = candidates;
    request.sampling.seed = seed;
    GenerationSession session(model);
    const SuggestionResult result = suggest(session, start, request);
    int copies = 0;
    for (const Suggestion &suggestion : result.candidates) {
        const Score written = applySuggestion(start, suggestion);
        const OriginalityReport report = index.check(written, suggestion.firstTick, suggestion.endTick);
        const OriginalityMatch *match = report.copied();
        if (match && match->pieceKey == key)
            ++copies;
    }
    return copies;
}

QString percent(const SequenceLoss &before, const SequenceLoss &after)
{
    const double change = before.perNote() > 0.0 ? 100.0 * (after.perNote() / before.perNote() - 1.0) : 0.0;
    return u"%1%2 %"_s.arg(change >= 0.0 ? u"+"_s : QString()).arg(change, 0, 'f', 1);
}

QString passMark(bool passed)
{
    return passed ? u"passed"_s : u"FAILED"_s;
}

// The card: the remaining works per corpus, the CC BY attributions still owed, the log.
QString modelCard(const QString &modelFile, const QString &derivedFrom, const std::vector<TrainingWork> &remaining,
                  const QString &previousLog, const QString &entry)
{
    struct Count
    {
        int works = 0;
        std::map<QString, int> licences;
        QString source;
    };
    std::map<QString, Count> corpora;
    for (const TrainingWork &work : remaining) {
        Count &count = corpora[work.corpus];
        ++count.works;
        ++count.licences[work.licence.isEmpty() ? u"unknown"_s : work.licence];
        count.source = work.source.section(u", "_s, 0, 1);
    }
    QString card = u"# Model card: %1\n\n"_s.arg(modelFile);
    card += u"Derived from `%1` by opt-out: the works listed in the log below were taken out of the model "
            "(unlearning), out of this table and out of the originality index beside the model.\n\n"_s.arg(derivedFrom);
    card += u"## Training data\n| corpus | works | licences | source |\n|---|---|---|---|\n"_s;
    for (const auto &[name, count] : corpora) {
        QStringList licences;
        for (const auto &[licence, works] : count.licences)
            licences << u"%1 (%2)"_s.arg(licence).arg(works);
        card += u"| %1 | %2 | %3 | %4 |\n"_s.arg(name).arg(count.works).arg(licences.join(u", "_s), count.source);
    }
    QStringList attributions;
    for (const TrainingWork &work : remaining) {
        if (!work.attribution.isEmpty())
            attributions << u"- "_s + work.attribution;
    }
    if (!attributions.isEmpty())
        card += u"\n## Attribution (CC BY works)\n"_s + attributions.join(u'\n') + u'\n';
    card += u"\n## Opt-out log\n"_s + previousLog + entry;
    return card;
}

// The log section of an earlier opt-out's card, if the model came from one.
QString previousLog(const QString &modelPath)
{
    QFile file(modelCardPath(modelPath));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype at = text.indexOf(u"## Opt-out log\n"_s);
    return at < 0 ? QString() : text.mid(at + QStringLiteral("## Opt-out log\n").size());
}

} // namespace

QString modelCardPath(const QString &modelPath)
{
    QString base = modelPath;
    if (base.endsWith(u".safetensors"_s))
        base.chop(QStringLiteral(".safetensors").size());
    return base + u".card.md"_s;
}

QStringList modelCardCorpora(const QString &cardText, const QString &modelFile)
{
    const QStringList lines = cardText.split(u'\n');
    const QString named = u'`' + modelFile + u'`';
    qsizetype from = -1;
    for (qsizetype i = 0; i < lines.size() && from < 0; ++i) {
        if (lines[i].startsWith(u'#') && lines[i].contains(named))
            from = i;
    }
    for (qsizetype i = 0; i < lines.size() && from < 0; ++i) {
        if (lines[i].contains(named))
            from = i;
    }
    static const QRegularExpression repository(u"([\\w.-]+/[\\w.-]+), commit [0-9a-fA-F]+"_s);
    const auto cells = [](const QString &line) {
        QStringList parts = line.trimmed().split(u'|');
        if (parts.size() >= 2) {
            parts.removeFirst();
            parts.removeLast();
        }
        for (QString &part : parts)
            part = part.trimmed();
        return parts;
    };
    // The first table from there whose header has "corpus" and "source" columns.
    for (qsizetype i = std::max<qsizetype>(0, from); i + 1 < lines.size(); ++i) {
        const QStringList header = cells(lines[i]);
        if (!lines[i].trimmed().startsWith(u'|') || !header.contains(u"corpus"_s) || !lines[i + 1].trimmed().startsWith(u"|-"_s))
            continue;
        const qsizetype corpusColumn = header.indexOf(u"corpus"_s);
        const qsizetype sourceColumn = header.indexOf(u"source"_s);
        QStringList corpora;
        for (qsizetype row = i + 2; row < lines.size() && lines[row].trimmed().startsWith(u'|'); ++row) {
            const QStringList values = cells(lines[row]);
            const QRegularExpressionMatch match =
                sourceColumn >= 0 && sourceColumn < values.size() ? repository.match(values[sourceColumn]) : QRegularExpressionMatch();
            if (match.hasMatch())
                corpora << match.captured(1);
            else if (corpusColumn < values.size() && !values[corpusColumn].isEmpty())
                corpora << values[corpusColumn];
        }
        return corpora;
    }
    return {};
}

QStringList trainingDirectories(const QString &modelPath)
{
    QStringList directories;
    if (qEnvironmentVariableIsSet("TUTTI_TRAINING_DATA")) {
        directories = qEnvironmentVariable("TUTTI_TRAINING_DATA").split(u':', Qt::SkipEmptyParts);
    } else if (!modelPath.isEmpty()) {
        const QFileInfo model(modelPath);
        QStringList corpora;
        for (const QString &cardPath : {modelCardPath(modelPath), model.absoluteDir().filePath(u"MODEL_CARD.md"_s)}) {
            QFile card(cardPath);
            if (card.open(QIODevice::ReadOnly | QIODevice::Text)) {
                corpora = modelCardCorpora(QString::fromUtf8(card.readAll()), model.fileName());
                if (!corpora.isEmpty())
                    break;
            }
        }
        const QDir data(model.absolutePath() + u"/../../shared/data"_s);
        for (const CorpusDescription &corpus : describedCorpora(data.filePath(u"README.md"_s))) {
            if (corpora.contains(corpus.folder) || (!corpus.repository.isEmpty() && corpora.contains(corpus.repository)))
                directories << data.filePath(corpus.folder);
        }
    }
    directories.removeIf([](const QString &directory) { return !QFileInfo(directory).isDir(); });
    for (QString &directory : directories)
        directory = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    return directories;
}

QStringList shippedTrainingDirectories()
{
    return trainingDirectories(defaultModelPath());
}

bool OptOutReport::forgottenRose() const
{
    return !works.empty() && std::all_of(works.begin(), works.end(), [](const OptOutWork &work) { return work.rose(); });
}

bool OptOutReport::noCopies() const
{
    return std::all_of(works.begin(), works.end(), [](const OptOutWork &work) { return work.copiesAfter == 0; });
}

bool OptOutReport::retainedHeld() const
{
    return retainedAfter.perNote() <= retainedBefore.perNote() * retainedTolerance;
}

QString OptOutReport::describe() const
{
    QStringList lines;
    lines << u"unlearning: %1 steps in %2 s (%3 s a step)"_s.arg(steps).arg(seconds, 0, 'f', 1).arg(secondsPerStep, 0, 'f', 2);
    lines << u"held-out pieces (%1): NLL per note %2, 95 % interval %3..%4"_s.arg(heldOutPieces)
                 .arg(heldOutMean, 0, 'f', 3).arg(heldOutLow, 0, 'f', 3).arg(heldOutHigh, 0, 'f', 3);
    for (const OptOutWork &work : works) {
        lines << u"%1: NLL per note %2 -> %3 (%4; target %5: %6); continuations of its opening copying it: %7 -> %8 of %9 (%10)"_s
                     .arg(work.key).arg(work.before.perNote(), 0, 'f', 3).arg(work.after.perNote(), 0, 'f', 3)
                     .arg(percent(work.before, work.after)).arg(work.target, 0, 'f', 3).arg(passMark(work.rose()))
                     .arg(work.copiesBefore).arg(work.copiesAfter).arg(work.continuations).arg(passMark(work.copiesAfter == 0));
    }
    lines << u"retained validation: NLL per note %1 -> %2 (%3; at most +3 %: %4)"_s.arg(retainedBefore.perNote(), 0, 'f', 3)
                 .arg(retainedAfter.perNote(), 0, 'f', 3).arg(percent(retainedBefore, retainedAfter)).arg(passMark(retainedHeld()));
    lines << u"checks: %1"_s.arg(passed() ? u"all passed"_s : u"NOT all passed"_s);
    if (!indexPath.isEmpty())
        lines << u"originality index: "_s + indexPath;
    if (!cardPath.isEmpty())
        lines << u"model card: "_s + cardPath;
    lines << u"exact way (retraining without the works): "_s + exactCommand;
    return lines.join(u'\n');
}

QString optOut(const OptOutOptions &options, const OptOutCallbacks &callbacks, OptOutReport &report)
{
    report = OptOutReport();
    const auto log = [&callbacks](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    if (options.keys.isEmpty())
        return u"no work given to opt out"_s;
    if (options.output.isEmpty())
        return u"no output file given"_s;
    QString error;
    std::unique_ptr<TransformerModel> model = TransformerModel::load(options.modelPath, error);
    if (!model)
        return error;
    QStringList optedOut = model->metadata().count(optedOutKey)
        ? model->metadata().at(optedOutKey).split(u'\n', Qt::SkipEmptyParts) : QStringList();

    std::vector<TrainingPiece> pieces;
    if (QString problem = loadTrainingCorpus(options.dataDirectories, options.cacheDirectory, log, pieces); !problem.isEmpty())
        return problem;
    const std::set<QString> forgetting(options.keys.begin(), options.keys.end());
    for (const QString &key : options.keys) {
        if (std::none_of(pieces.begin(), pieces.end(), [&key](const TrainingPiece &piece) { return piece.key == key; }))
            return u"no work of the training data has the key %1 (`tutti optout --list` lists them)"_s.arg(key);
        if (optedOut.contains(key))
            return u"%1 was already opted out of this model"_s.arg(key);
    }
    std::vector<const TrainingPiece *> forget;
    std::vector<const TrainingPiece *> retain;
    std::vector<const TrainingPiece *> heldOut;
    for (const TrainingPiece &piece : pieces) {
        if (forgetting.count(piece.key))
            forget.push_back(&piece);
        else if (optedOut.contains(piece.key))
            continue;
        else if (piece.validation)
            heldOut.push_back(&piece);
        else
            retain.push_back(&piece);
    }
    if (heldOut.size() < 2)
        return u"the corpus holds fewer than two held-out pieces: the 95 % interval needs more"_s;
    if (retain.empty())
        return u"no training piece would remain"_s;

    // Where things stand: held-out pieces, each forgotten work, continuations of the openings.
    log(u"scoring %1 held-out pieces and %2 forgotten work(s)"_s.arg(heldOut.size()).arg(forget.size()));
    std::vector<SequenceLoss> heldOutLosses;
    double sum = 0.0;
    double squares = 0.0;
    for (const TrainingPiece *piece : heldOut) {
        heldOutLosses.push_back(pieceLikelihood(*model, *piece));
        sum += heldOutLosses.back().perNote();
        squares += heldOutLosses.back().perNote() * heldOutLosses.back().perNote();
    }
    const double n = static_cast<double>(heldOut.size());
    report.heldOutPieces = static_cast<int>(heldOut.size());
    report.heldOutMean = sum / n;
    const double deviation = std::sqrt(std::max(0.0, (squares - sum * sum / n) / (n - 1.0)));
    report.heldOutLow = report.heldOutMean - interval95 * deviation;
    report.heldOutHigh = report.heldOutMean + interval95 * deviation;
    report.retainedBefore = combined(heldOutLosses);

    std::vector<CorpusPiece> forgottenFiles;
    for (const CorpusPiece &piece : findCorpusPieces(options.dataDirectories)) {
        if (forgetting.count(piece.key))
            forgottenFiles.push_back(piece);
    }
    std::map<QString, Score> scores;
    OriginalityIndexBuilder forgottenIndex;
    for (const CorpusPiece &piece : forgottenFiles) {
        const ScoreReadResult read = readCorpusPiece(piece);
        if (read.ok()) {
            forgottenIndex.addPiece(piece.key, read.score);
            scores[piece.key] = read.score;
        }
    }
    const OriginalityIndex index = std::move(forgottenIndex).build();
    for (const TrainingPiece *piece : forget) {
        OptOutWork work;
        work.key = piece->key;
        work.before = pieceLikelihood(*model, *piece);
        work.target = std::max(report.heldOutLow, minimumRise * work.before.perNote());
        if (scores.count(piece->key)) {
            work.continuations = options.continuations;
            work.copiesBefore = copiesOfOwnOpening(*model, scores[piece->key], piece->key, options.continuations, index, options.seed);
        }
        report.works.push_back(work);
    }

    // Gradient difference until every forgotten work reaches its target.
    std::mt19937_64 rng(options.seed);
    const auto pick = [&rng](const std::vector<const TrainingPiece *> &from) {
        return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
    };
    AdaptationSettings settings;
    settings.steps = options.maxSteps;
    settings.learningRate = options.learningRate;
    settings.forgetWeight = options.forgetWeight;
    settings.dropout = false;
    settings.bf16 = cpuHasFastBFloat16();
    QElapsedTimer clock;
    clock.start();
    double checkSeconds = 0.0;
    bool stopped = false;
    report.steps = adaptModel(
        *model, settings,
        [&](AdaptationBatch &batch) {
            for (int i = 0; i < options.batchSize; ++i) {
                batch.forget.push_back(randomTrainingSequence(*pick(forget), rng, model->config().context));
                batch.learn.push_back(randomTrainingSequence(*pick(retain), rng, model->config().context));
            }
        },
        [&](int step, double retainLoss, double forgetLoss) {
            if (callbacks.progress)
                callbacks.progress(step, options.maxSteps);
            stopped = callbacks.stopRequested && callbacks.stopRequested();
            if (stopped)
                return false;
            if (step % options.checkEvery != 0)
                return true;
            QElapsedTimer check;
            check.start();
            bool reached = true;
            for (std::size_t i = 0; i < forget.size(); ++i) {
                report.works[i].after = pieceLikelihood(*model, *forget[i]);
                reached = reached && report.works[i].rose();
            }
            checkSeconds += check.elapsed() / 1000.0;
            log(u"step %1: retained loss %2, forgotten loss %3%4"_s.arg(step).arg(retainLoss, 0, 'f', 3)
                    .arg(forgetLoss, 0, 'f', 3).arg(reached ? u": every forgotten work reached its target"_s : QString()));
            return !reached;
        });
    report.seconds = clock.elapsed() / 1000.0;
    report.secondsPerStep = report.steps > 0 ? (report.seconds - checkSeconds) / report.steps : 0.0;
    if (stopped) {
        log(u"stopped: nothing written"_s);
        return u"stopped"_s;
    }

    log(u"checking the result"_s);
    for (std::size_t i = 0; i < forget.size(); ++i) {
        OptOutWork &work = report.works[i];
        work.after = pieceLikelihood(*model, *forget[i]);
        if (scores.count(work.key))
            work.copiesAfter = copiesOfOwnOpening(*model, scores[work.key], work.key, options.continuations, index, options.seed);
    }
    heldOutLosses.clear();
    for (const TrainingPiece *piece : heldOut)
        heldOutLosses.push_back(pieceLikelihood(*model, *piece));
    report.retainedAfter = combined(heldOutLosses);

    // The files: model, index of the remaining works, card.
    optedOut << options.keys;
    std::map<QString, QString> metadata = model->metadata();
    metadata[optedOutKey] = optedOut.join(u'\n');
    metadata[u"opted_out_from"_s] = QFileInfo(options.modelPath).fileName();
    const qint64 trainingSteps = metadata.count(u"training_step"_s) ? metadata.at(u"training_step"_s).toLongLong() : 0;
    if (QString problem = model->save(options.output, metadata); !problem.isEmpty())
        return problem;

    QStringList exact = {u"tutti train --data"_s};
    exact << options.dataDirectories << u"--out"_s << u"retrained.safetensors"_s;
    for (const QString &key : optedOut)
        exact << u"--exclude"_s << (key.contains(u' ') ? u"'%1'"_s.arg(key) : key);
    // A training step of 4 windows costs about what this step of 2 x batchSize windows did.
    const double trainingStepSeconds = report.secondsPerStep * 4.0 / (2.0 * options.batchSize);
    report.exactCommand = exact.join(u' ')
        + u" (plus the original run's settings: see the shipped model card); cost: %1 training steps, about %2 hours at %3 s a step on this machine"_s
              .arg(trainingSteps).arg(trainingSteps * trainingStepSeconds / 3600.0, 0, 'f', 1).arg(trainingStepSeconds, 0, 'f', 2);

    if (options.writeIndex) {
        std::vector<CorpusPiece> remaining = findCorpusPieces(options.dataDirectories);
        std::erase_if(remaining, [&optedOut](const CorpusPiece &piece) { return optedOut.contains(piece.key); });
        log(u"indexing %1 remaining works"_s.arg(remaining.size()));
        OriginalityIndexBuilder builder;
        builder.addCorpus(remaining);
        report.indexPath = companionIndexPath(options.output);
        if (QString problem = std::move(builder).build().save(report.indexPath); !problem.isEmpty())
            return problem;
    }

    std::vector<TrainingWork> works = trainingWorks(options.dataDirectories);
    std::erase_if(works, [&optedOut](const TrainingWork &work) { return optedOut.contains(work.key); });
    QString entry = u"\n### %1: %2\n\n"_s.arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), options.keys.join(u", "_s));
    entry += u"```\n"_s + report.describe() + u"\n```\n"_s;
    report.cardPath = modelCardPath(options.output);
    QSaveFile card(report.cardPath);
    if (!card.open(QIODevice::WriteOnly | QIODevice::Text))
        return report.cardPath + u": "_s + card.errorString();
    card.write(modelCard(QFileInfo(options.output).fileName(), QFileInfo(options.modelPath).fileName(), works,
                         previousLog(options.modelPath), entry).toUtf8());
    if (!card.commit())
        return report.cardPath + u": "_s + card.errorString();
    return {};
}

} // namespace tutti
// end of optout.cpp
