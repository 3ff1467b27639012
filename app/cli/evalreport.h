// SPDX-License-Identifier: GPL-3.0-or-later
// evalreport.h — what `tutti eval` measured, and the report it writes from it.
//
// Usage:
//   tutti::cli::EvalResults results;           // filled by evalcommand.cpp
//   QString error = tutti::cli::writeEvalReport(results, u"eval-out"_s);  // empty on success
//
// The folder receives report.md (the tables, the set-up, the plots linked), nll.csv,
// metrics.csv, nll.png and metrics.png. Drawing the plots needs a QGuiApplication (fonts).
#pragma once

#include "analysis/fieldngrammodel.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tutti::cli {

// The samples of one source (the real pieces, the transformer, the baseline) in one mode.
struct SampleSet
{
    QString source;                 // "real", "transformer", the compared model's name, "n-gram baseline"
    QString mode;                   // "new", "instruments", "continue", "infill"; "-" for real pieces
    std::vector<double> entropy;    // per sample, pitch-class entropy (bits); NaN when undefined
    std::vector<double> scale;      // scale consistency, 0..1
    std::vector<double> groove;     // groove consistency, 0..1
    std::int64_t notes = 0;         // notes written, all samples
    double seconds = 0.0;           // time spent writing them (0 for real pieces)
    int checked = 0;                // samples checked for copying (0: no corpus index)
    int copies = 0;                 // of which copy >= the threshold of one part
};

// The likelihood of one corpus's validation (or test) pieces: the first path component of
// their keys, e.g. "openscore-quartets".
struct CorpusLoss
{
    QString corpus;
    int pieces = 0;
    SequenceLoss transformer;
    SequenceLoss compared;          // targets 0 without --compare
    SequenceLoss baseline;          // targets 0 when no baseline was trained
};

struct EvalResults
{
    QString modelPath;
    QString modelDescription;       // "4 layers, width 256, ... ; 3.6 M parameters; step 1538"
    QString comparedPath;           // --compare: another model measured the same way; empty without
    QString comparedName;           // its file's base name, the source name of its rows and columns
    QString comparedDescription;
    QStringList dataDirectories;
    int trainingPieces = 0;
    int validationPieces = 0;
    int validationWindows = 0;
    int ngramOrder = 3;
    int sampleBars = 8;
    int samplesPerMode = 0;
    QString samplingDescription;    // the sampler's settings in words
    QString indexPath;              // empty: originality not checked
    int copyThreshold = 0;
    bool testMode = false;          // --test: every piece scored, no split, no baseline
    SequenceLoss transformerLoss;
    SequenceLoss comparedLoss;      // targets 0 without --compare
    SequenceLoss baselineLoss;      // targets 0 when no baseline was trained
    std::vector<CorpusLoss> corpusLosses;
    std::vector<SampleSet> samples; // the real pieces first
    double seconds = 0.0;           // the whole evaluation
};

QString writeEvalReport(const EvalResults &results, const QString &directory);

} // namespace tutti::cli
// end of evalreport.h
