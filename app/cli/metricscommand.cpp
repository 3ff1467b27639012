// SPDX-License-Identifier: GPL-3.0-or-later
// metricscommand.cpp — `tutti metrics FILE...`: MMT's objective metrics per file and over the set.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/musicmetrics.h"
#include "io/scorefile.h"
#include "representation/corpus.h"

#include <QFileInfo>

#include <cmath>
#include <functional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

// "2.974" for entropy (bits), "92.26" for the fractions shown as percentages; "-" for NaN.
QString figure(double value, double scale)
{
    return std::isnan(value) ? u"-"_s : QString::number(value * scale, 'f', scale == 1.0 ? 3 : 2);
}

QString row(const QString &name, const QString &entropy, const QString &scale, const QString &groove)
{
    return name.leftJustified(32, u' ', true) + u"  "_s + entropy.rightJustified(18) + u"  "_s
        + scale.rightJustified(18) + u"  "_s + groove.rightJustified(18);
}

QString summaryFigure(const std::vector<double> &values, double scale)
{
    const MetricSummary summary = summarize(values);
    if (summary.count == 0)
        return u"-"_s;
    return figure(summary.mean, scale) + u" ± "_s + figure(summary.confidence95, scale);
}

} // namespace

int runMetrics(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Pitch-class entropy (bits), scale consistency (%) and groove consistency (%) of each score, "
        "cut to its first beats, as the MMT paper reports them; then the mean ± 95 % confidence interval."_s);
    parser.addPositionalArgument(u"files"_s, u"MIDI, MusicXML or .tutti files."_s, u"FILE..."_s);
    parser.addOption({u"validation"_s, u"The arguments are corpus directories: measure their validation pieces, "
                                       "split and read as 'tutti train' does."_s});
    parser.addOption({u"beats"_s, u"Quarter-note beats measured from the start (default %1)."_s.arg(metricBeats), u"N"_s});
    int exitCode = 0;
    addScoreReadingOptions(parser);
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    // Each measured score: a file, or a validation piece read as training reads it.
    std::vector<std::pair<QString, std::function<ScoreReadResult()>>> scores;
    if (parser.isSet(u"validation"_s)) {
        for (const CorpusPiece &piece : findCorpusPieces(parser.positionalArguments())) {
            if (piece.validation)
                scores.emplace_back(piece.key, [piece] { return readCorpusPiece(piece); });
        }
    } else {
        const MusicXmlOptions options = scoreReadingOptions(parser);
        for (const QString &path : parser.positionalArguments())
            scores.emplace_back(QFileInfo(path).fileName(), [path, options] { return readScore(path, options); });
    }
    if (scores.empty()) {
        err() << "tutti metrics: give at least one score file, or --validation with a corpus directory\n";
        err().flush();
        return 2;
    }
    int beats = metricBeats;
    if (parser.isSet(u"beats"_s)) {
        bool ok = false;
        beats = parser.value(u"beats"_s).toInt(&ok);
        if (!ok || beats < 1) {
            err() << "tutti metrics: --beats needs a positive whole number\n";
            err().flush();
            return 2;
        }
    }

    std::vector<double> entropies, scales, grooves;
    bool allRead = true;
    out() << row(u"file"_s, u"pitch-class entropy"_s, u"scale consistency"_s, u"groove consistency"_s) << "\n";
    for (const auto &[name, read] : scores) {
        const ScoreReadResult result = read();
        if (!result.ok()) {
            err() << "tutti metrics: " << result.error << "\n";
            err().flush();
            allRead = false;
            continue;
        }
        const MusicMetrics metrics = musicMetrics(result.score, beats);
        entropies.push_back(metrics.pitchClassEntropy);
        scales.push_back(metrics.scaleConsistency);
        grooves.push_back(metrics.grooveConsistency);
        out() << row(name, figure(metrics.pitchClassEntropy, 1.0),
                     figure(metrics.scaleConsistency, 100.0), figure(metrics.grooveConsistency, 100.0))
              << "\n";
    }
    out() << row(u"mean ± 95% CI (%1 scores)"_s.arg(entropies.size()), summaryFigure(entropies, 1.0),
                 summaryFigure(scales, 100.0), summaryFigure(grooves, 100.0))
          << "\n";
    out().flush();
    return allRead ? 0 : 1;
}

} // namespace tutti::cli
// end of metricscommand.cpp
