// SPDX-License-Identifier: GPL-3.0-or-later
// personalization.h — fine-tuning a trained model on a composer's own music (Model > Personalize…,
// `tutti finetune`).
//
// Usage:
//   tutti::PersonalizationOptions options;
//   options.dataDirectories = {u"/home/me/scores"_s};
//   options.modelPath = tutti::defaultModelPath();           // model/modellocation.h
//   options.output = u"/home/me/.local/share/Tutti/models/mine.safetensors"_s;
//   options.generalDirectories = {u"../shared/data/openscore-quartets"_s, u"../shared/data/mutopia"_s};
//   tutti::PersonalizationReport report;
//   QString error = tutti::personalize(options, callbacks, report);
//   if (error.isEmpty() && !report.cancelled) show(report.describe());
//
// The composer's pieces (MIDI and MusicXML under the folders, found as findCorpusPieces finds
// them) are split deterministically: sorted by key, the second of every four is held out (none
// of a single piece). The model is fine-tuned on the others for `steps` AdamW steps of
// `batchSize` random windows, drawn and transposed as training draws them (adaptation.h).
// NLL per note is measured before and after on the held-out pieces and on the validation
// pieces of `generalDirectories` (the training corpora's own split, corpus.h). The result is
// written to `output` with an originality index beside it (companionIndexPath) that covers
// the corpus the model was trained on and every added piece: the pieces of `baseIndexPath`
// (the model's own index, modelIndexPath, when empty) followed by the composer's. Runs on the calling thread; progress and stopRequested are called
// between steps, and a stop writes nothing.
#pragma once

#include "analysis/fieldngrammodel.h"
#include "model/trainer.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

namespace tutti {

struct PersonalizationOptions
{
    QStringList dataDirectories;    // the composer's folders
    QString modelPath;              // the model fine-tuned (not changed)
    QString output;                 // the personal model
    QStringList generalDirectories; // corpora whose validation pieces are scored; empty: not scored
    QString cacheDirectory;         // encoded corpus cache; empty: the user cache directory
    QString baseIndexPath;          // the training corpus's index; empty: modelIndexPath(modelPath)
    int steps = 60;
    int batchSize = 4;
    double learningRate = 1e-4;
    std::uint64_t seed = 1;
    TrainingPrecision precision = TrainingPrecision::Automatic;
};

struct PersonalizationReport
{
    int trainingPieces = 0;
    QStringList heldOutKeys;
    SequenceLoss heldOutBefore;
    SequenceLoss heldOutAfter;
    int generalPieces = 0;          // 0: the general validation was not scored
    SequenceLoss generalBefore;
    SequenceLoss generalAfter;
    int steps = 0;
    double seconds = 0.0;           // the fine-tuning steps alone
    bool bf16 = false;
    bool cancelled = false;
    QString indexPath;
    int indexedPieces = 0;          // all pieces of the written index
    QString baseIndexPath;          // the index it extends; empty when none was found
    int baseIndexPieces = 0;        // the pieces taken from it

    // Lines for the dialog and the command line: the split, the NLL per note before and
    // after (with the change in %), the files written.
    QString describe() const;
};

struct PersonalizationCallbacks
{
    std::function<void(const QString &line)> log;
    std::function<void(int step, int steps)> progress;
    std::function<bool()> stopRequested;
};

// Empty on success (also when stopped: see report.cancelled), else the problem in a line.
QString personalize(const PersonalizationOptions &options, const PersonalizationCallbacks &callbacks,
                    PersonalizationReport &report);

// The originality index that belongs to a model file: its path with ".safetensors" replaced
// by ".index" (any other name gets ".index" appended).
QString companionIndexPath(const QString &modelPath);

// The originality index that goes with a model: its companion index where that exists (a
// personal or opted-out model), else the shipped one (defaultOriginalityIndexPath()); empty
// when there is none.
QString modelIndexPath(const QString &modelPath);

} // namespace tutti
// end of personalization.h
