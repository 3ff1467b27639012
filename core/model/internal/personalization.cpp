// SPDX-License-Identifier: GPL-3.0-or-later
// personalization.cpp — fine-tuning on a composer's folders, with the before/after report.
#include "model/personalization.h"

#include "analysis/originalityindex.h"
#include "analysis/originalityindexbuilder.h"
#include "model/internal/adaptation.h"
#include "model/internal/trainingcorpus.h"
#include "model/likelihood.h"
#include "model/transformermodel.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr double infillShare = 0.25; // as the shipped model was trained

SequenceLoss piecesLikelihood(const TransformerModel &model, const std::vector<const TrainingPiece *> &pieces)
{
    std::vector<std::vector<Event>> windows;
    for (const TrainingPiece *piece : pieces) {
        for (std::vector<Event> &window : likelihoodWindows(piece->notes, model.config().context))
            windows.push_back(std::move(window));
    }
    return sequenceLikelihood(model, windows);
}

QString change(const SequenceLoss &before, const SequenceLoss &after)
{
    const double percent = before.perNote() > 0.0 ? 100.0 * (after.perNote() / before.perNote() - 1.0) : 0.0;
    return u"%1 -> %2 nats per note (%3%4 %)"_s.arg(before.perNote(), 0, 'f', 3).arg(after.perNote(), 0, 'f', 3)
        .arg(percent >= 0.0 ? u"+"_s : QString()).arg(percent, 0, 'f', 1);
}

} // namespace

QString companionIndexPath(const QString &modelPath)
{
    QString base = modelPath;
    if (base.endsWith(u".safetensors"_s))
        base.chop(QStringLiteral(".safetensors").size());
    return base + u".index"_s;
}

QString modelIndexPath(const QString &modelPath)
{
    const QString companion = companionIndexPath(modelPath);
    return QFileInfo::exists(companion) ? companion : defaultOriginalityIndexPath();
}

QString PersonalizationReport::describe() const
{
    QStringList lines;
    lines << u"pieces: %1 fine-tuned on, %2 held out%3"_s.arg(trainingPieces).arg(heldOutKeys.size())
                 .arg(heldOutKeys.isEmpty() ? QString() : u" ("_s + heldOutKeys.join(u", "_s) + u")"_s);
    lines << u"steps: %1 in %2 s (%3)"_s.arg(steps).arg(seconds, 0, 'f', 1).arg(bf16 ? u"bf16"_s : u"fp32"_s);
    lines << (heldOutKeys.isEmpty() ? u"your held-out pieces: none (give at least two pieces)"_s
                                    : u"your held-out pieces: "_s + change(heldOutBefore, heldOutAfter));
    lines << (generalPieces == 0 ? u"general validation pieces: not scored (no training corpus given)"_s
                                 : u"general validation pieces (%1): %2"_s.arg(generalPieces).arg(change(generalBefore, generalAfter)));
    if (!indexPath.isEmpty())
        lines << u"originality index: %1 (%2 pieces: %3 of the training corpus, %4 of yours)"_s.arg(indexPath)
                     .arg(indexedPieces).arg(baseIndexPieces).arg(indexedPieces - baseIndexPieces);
    return lines.join(u'\n');
}

QString personalize(const PersonalizationOptions &options, const PersonalizationCallbacks &callbacks,
                    PersonalizationReport &report)
{
    report = PersonalizationReport();
    const auto log = [&callbacks](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    if (options.dataDirectories.isEmpty())
        return u"no folder of your music given"_s;
    if (options.output.isEmpty())
        return u"no output file given"_s;
    if (options.steps < 1 || options.batchSize < 1)
        return u"steps and batch size must be at least 1"_s;
    QString error;
    std::unique_ptr<TransformerModel> model = TransformerModel::load(options.modelPath, error);
    if (!model)
        return error;
    // The index of the corpus the model knows, read before minutes of fine-tuning.
    report.baseIndexPath = options.baseIndexPath.isEmpty() ? modelIndexPath(options.modelPath) : options.baseIndexPath;
    OriginalityIndex baseIndex;
    if (!report.baseIndexPath.isEmpty()) {
        QString indexError;
        baseIndex = OriginalityIndex::load(report.baseIndexPath, indexError);
        if (!indexError.isEmpty())
            return indexError;
    } else {
        log(u"no originality index of the training corpus found: the personal index holds only your pieces"_s);
    }
    report.bf16 = options.precision == TrainingPrecision::BFloat16
        || (options.precision == TrainingPrecision::Automatic && cpuHasFastBFloat16());
    if (report.bf16 && !cpuHasFastBFloat16())
        return u"this CPU has neither AVX-512 BF16 nor AMX: use fp32"_s;

    std::vector<TrainingPiece> pieces;
    if (QString problem = loadTrainingCorpus(options.dataDirectories, options.cacheDirectory, log, pieces); !problem.isEmpty())
        return problem;
    std::sort(pieces.begin(), pieces.end(), [](const TrainingPiece &a, const TrainingPiece &b) { return a.key < b.key; });
    std::vector<const TrainingPiece *> training;
    std::vector<const TrainingPiece *> heldOut;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces.size() >= 2 && i % 4 == 1) {
            heldOut.push_back(&pieces[i]);
            report.heldOutKeys << pieces[i].key;
        } else {
            training.push_back(&pieces[i]);
        }
    }
    report.trainingPieces = static_cast<int>(training.size());

    std::vector<TrainingPiece> generalPieces;
    std::vector<const TrainingPiece *> general;
    if (!options.generalDirectories.isEmpty()) {
        if (QString problem = loadTrainingCorpus(options.generalDirectories, options.cacheDirectory, log, generalPieces);
            !problem.isEmpty())
            return problem;
        for (const TrainingPiece &piece : generalPieces) {
            if (piece.validation)
                general.push_back(&piece);
        }
        report.generalPieces = static_cast<int>(general.size());
    }

    log(u"scoring before fine-tuning"_s);
    report.heldOutBefore = piecesLikelihood(*model, heldOut);
    report.generalBefore = piecesLikelihood(*model, general);

    std::vector<double> weights;
    for (const TrainingPiece *piece : training)
        weights.push_back(static_cast<double>(piece->notes.size()));
    std::discrete_distribution<std::size_t> pickPiece(weights.begin(), weights.end());
    std::mt19937_64 rng(options.seed);
    AdaptationSettings settings;
    settings.steps = options.steps;
    settings.learningRate = options.learningRate;
    settings.bf16 = report.bf16;
    QElapsedTimer clock;
    clock.start();
    report.steps = adaptModel(
        *model, settings,
        [&](AdaptationBatch &batch) {
            for (int i = 0; i < options.batchSize; ++i)
                batch.learn.push_back(randomTrainingSequence(*training[pickPiece(rng)], rng, model->config().context, infillShare));
        },
        [&](int step, double learnLoss, double) {
            if (callbacks.progress)
                callbacks.progress(step, options.steps);
            if (step % 10 == 0 || step == options.steps)
                log(u"step %1/%2 loss %3"_s.arg(step).arg(options.steps).arg(learnLoss, 0, 'f', 3));
            report.cancelled = callbacks.stopRequested && callbacks.stopRequested();
            return !report.cancelled;
        });
    report.seconds = clock.elapsed() / 1000.0;
    if (report.cancelled) {
        log(u"stopped: nothing written"_s);
        return {};
    }

    log(u"scoring after fine-tuning"_s);
    report.heldOutAfter = piecesLikelihood(*model, heldOut);
    report.generalAfter = piecesLikelihood(*model, general);

    std::map<QString, QString> metadata = model->metadata();
    metadata[u"personalized_from"_s] = QFileInfo(options.modelPath).fileName();
    metadata[u"personalized_on"_s] = options.dataDirectories.join(u'\n');
    metadata[u"personalization_steps"_s] = QString::number(report.steps);
    metadata[u"held_out_nll_per_note_before"_s] = QString::number(report.heldOutBefore.perNote(), 'f', 4);
    metadata[u"held_out_nll_per_note_after"_s] = QString::number(report.heldOutAfter.perNote(), 'f', 4);
    if (QString problem = model->save(options.output, metadata); !problem.isEmpty())
        return problem;

    OriginalityIndexBuilder builder;
    if (!builder.addIndex(baseIndex))
        return u"the training corpus's index and your pieces together are too large for one index"_s;
    report.baseIndexPieces = builder.pieceCount();
    const QStringList skipped = builder.addCorpus(findCorpusPieces(options.dataDirectories));
    for (const QString &line : skipped)
        log(u"  not indexed: "_s + line);
    report.indexedPieces = builder.pieceCount();
    report.indexPath = companionIndexPath(options.output);
    if (QString problem = std::move(builder).build().save(report.indexPath); !problem.isEmpty())
        return problem;
    return {};
}

} // namespace tutti
// end of personalization.cpp
