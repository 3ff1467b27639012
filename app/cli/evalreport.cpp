// SPDX-License-Identifier: GPL-3.0-or-later
// evalreport.cpp — report.md, nll.csv, metrics.csv and two bar charts for `tutti eval`.
#include "cli/evalreport.h"

#include "analysis/musicmetrics.h"
#include "analysis/originalityindex.h"
#include "representation/event.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

struct Bar
{
    QString label;
    double value = 0.0;
    double error = 0.0; // half-width of the whisker; 0 draws none
    QColor colour;
};

QColor sourceColour(const QString &source)
{
    if (source == u"real"_s)
        return QColor(0x79, 0x79, 0x79);
    if (source == u"transformer"_s)
        return QColor(0x4e, 0x79, 0xa7);
    return source == u"n-gram baseline"_s ? QColor(0xf2, 0x8e, 0x2b) : QColor(0x59, 0xa1, 0x4f); // the compared model
}

QString rowLabel(const SampleSet &set)
{
    return set.mode == u"-"_s ? set.source : set.source + u", "_s + set.mode;
}

QString fieldLabel(int field)
{
    return QString::fromLatin1(fieldName(static_cast<Field>(field)));
}

// Horizontal bars with their labels on the left, a zero line and an axis maximum on top.
void drawBars(QPainter &painter, const QRect &area, const QString &title, const std::vector<Bar> &bars)
{
    painter.setPen(Qt::black);
    painter.drawText(area.adjusted(0, 0, 0, -area.height() + 24), Qt::AlignHCenter | Qt::AlignVCenter, title);
    const int labelWidth = 190;
    const QRect plot = area.adjusted(labelWidth, 32, -16, -8);
    double top = 0.0;
    for (const Bar &bar : bars) {
        if (std::isfinite(bar.value))
            top = std::max(top, bar.value + bar.error);
    }
    top = top > 0.0 ? top * 1.05 : 1.0;
    const double rowHeight = static_cast<double>(plot.height()) / std::max<std::size_t>(1, bars.size());
    const auto x = [&](double value) { return plot.left() + static_cast<int>(value / top * plot.width()); };
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar &bar = bars[i];
        const int y = plot.top() + static_cast<int>(static_cast<double>(i) * rowHeight);
        const int h = std::max(4, static_cast<int>(rowHeight * 0.7));
        painter.setPen(Qt::black);
        painter.drawText(QRect(area.left(), y, labelWidth - 8, h), Qt::AlignRight | Qt::AlignVCenter, bar.label);
        if (!std::isfinite(bar.value))
            continue;
        painter.fillRect(QRect(plot.left(), y, x(bar.value) - plot.left(), h), bar.colour);
        if (bar.error > 0.0) {
            const int middle = y + h / 2;
            painter.drawLine(x(bar.value - bar.error), middle, x(bar.value + bar.error), middle);
            painter.drawLine(x(bar.value - bar.error), middle - 3, x(bar.value - bar.error), middle + 3);
            painter.drawLine(x(bar.value + bar.error), middle - 3, x(bar.value + bar.error), middle + 3);
        }
    }
    painter.setPen(Qt::gray);
    painter.drawLine(plot.left(), plot.top(), plot.left(), plot.bottom());
    painter.drawText(QRect(plot.right() - 80, area.top() + 16, 80, 16), Qt::AlignRight, QString::number(top, 'g', 3));
}

QString saveImage(const QImage &image, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return u"%1: cannot write: %2"_s.arg(path, file.errorString());
    return {};
}

QString saveText(const QString &text, const QString &path)
{
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return u"%1: cannot write: %2"_s.arg(path, file.errorString());
    return {};
}

QImage nllChart(const EvalResults &results)
{
    QImage image(900, 520, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    std::vector<Bar> bars;
    for (int field = 0; field < fieldCount; ++field) {
        const auto f = static_cast<std::size_t>(field);
        bars.push_back({fieldLabel(field) + u", transformer"_s, results.transformerLoss.perField[f], 0.0,
                        sourceColour(u"transformer"_s)});
        if (results.comparedLoss.targets > 0)
            bars.push_back({fieldLabel(field) + u", "_s + results.comparedName, results.comparedLoss.perField[f], 0.0,
                            sourceColour(results.comparedName)});
        if (results.baselineLoss.targets > 0)
            bars.push_back({fieldLabel(field) + u", n-gram"_s, results.baselineLoss.perField[f], 0.0,
                            sourceColour(u"n-gram baseline"_s)});
    }
    drawBars(painter, image.rect().adjusted(8, 8, -8, -8),
             u"Validation negative log-likelihood per field (nats per event, lower is better)"_s, bars);
    return image;
}

QImage metricsChart(const EvalResults &results)
{
    QImage image(1500, 420, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    const QString titles[] = {u"Pitch-class entropy (bits)"_s, u"Scale consistency"_s, u"Groove consistency"_s};
    for (int metric = 0; metric < 3; ++metric) {
        std::vector<Bar> bars;
        for (const SampleSet &set : results.samples) {
            const std::vector<double> &values = metric == 0 ? set.entropy : metric == 1 ? set.scale : set.groove;
            const MetricSummary summary = summarize(values);
            bars.push_back({rowLabel(set), summary.mean, summary.confidence95, sourceColour(set.source)});
        }
        drawBars(painter, QRect(metric * 500 + 8, 8, 484, image.height() - 16), titles[metric], bars);
    }
    return image;
}

QString figure(const std::vector<double> &values, double scale, int decimals)
{
    const MetricSummary summary = summarize(values);
    if (summary.count == 0)
        return u"-"_s;
    return QString::number(summary.mean * scale, 'f', decimals) + u" ± "_s
        + QString::number(summary.confidence95 * scale, 'f', decimals);
}

QString notesPerSecond(const SampleSet &set)
{
    return set.seconds > 0.0 ? QString::number(static_cast<double>(set.notes) / set.seconds, 'f', 0) : u"-"_s;
}

QString copies(const SampleSet &set)
{
    return set.checked > 0 ? u"%1 of %2"_s.arg(set.copies).arg(set.checked) : u"-"_s;
}

// A loss figure, or "-" for a source that was not measured.
QString nats(const SequenceLoss &loss, double value, int decimals)
{
    return loss.targets > 0 ? QString::number(value, 'f', decimals) : u"-"_s;
}

// The compared model's cell after the transformer's, only with --compare: ",4.28100" in CSV,
// " 4.281 |" in Markdown.
QString comparedCsvCell(const EvalResults &results, const SequenceLoss &loss, double value)
{
    return results.comparedPath.isEmpty() ? QString() : u","_s + nats(loss, value, 5);
}

QString comparedMarkdownCell(const EvalResults &results, const SequenceLoss &loss, double value)
{
    return results.comparedPath.isEmpty() ? QString() : u" %1 |"_s.arg(nats(loss, value, 3));
}

QString nllCsv(const EvalResults &results)
{
    QString csv = u"field,transformer_nats"_s + (results.comparedPath.isEmpty() ? QString() : u",compared_nats"_s)
        + u",ngram_nats\n"_s;
    for (int field = 0; field < fieldCount; ++field) {
        const auto f = static_cast<std::size_t>(field);
        csv += u"%1,%2%3,%4\n"_s.arg(fieldLabel(field))
                   .arg(results.transformerLoss.perField[f], 0, 'f', 5)
                   .arg(comparedCsvCell(results, results.comparedLoss, results.comparedLoss.perField[f]))
                   .arg(nats(results.baselineLoss, results.baselineLoss.perField[f], 5));
    }
    csv += u"per_note,%1%2,%3\n"_s.arg(results.transformerLoss.perNote(), 0, 'f', 5)
               .arg(comparedCsvCell(results, results.comparedLoss, results.comparedLoss.perNote()))
               .arg(nats(results.baselineLoss, results.baselineLoss.perNote(), 5));
    for (const CorpusLoss &corpus : results.corpusLosses)
        csv += u"per_note:%1,%2%3,%4\n"_s.arg(corpus.corpus).arg(corpus.transformer.perNote(), 0, 'f', 5)
                   .arg(comparedCsvCell(results, corpus.compared, corpus.compared.perNote()))
                   .arg(nats(corpus.baseline, corpus.baseline.perNote(), 5));
    return csv;
}

// "5.2 % lower" or "1.0 % higher": the transformer's loss against the compared model's.
QString change(const SequenceLoss &transformer, const SequenceLoss &compared)
{
    if (transformer.targets == 0 || compared.targets == 0)
        return u"-"_s;
    const double relative = (transformer.perNote() - compared.perNote()) / compared.perNote() * 100.0;
    return u"%1 % %2"_s.arg(std::abs(relative), 0, 'f', 1).arg(relative <= 0.0 ? u"lower"_s : u"higher"_s);
}

QString metricsCsv(const EvalResults &results)
{
    QString csv = u"source,mode,samples,entropy_mean,entropy_ci95,scale_mean,scale_ci95,groove_mean,groove_ci95,"
                  "notes,seconds,copy_checked,copies\n"_s;
    for (const SampleSet &set : results.samples) {
        csv += set.source + u',' + set.mode + u',' + QString::number(set.entropy.size());
        for (const std::vector<double> *values : {&set.entropy, &set.scale, &set.groove}) {
            const MetricSummary summary = summarize(*values);
            csv += u',' + QString::number(summary.mean, 'f', 5) + u',' + QString::number(summary.confidence95, 'f', 5);
        }
        csv += u",%1,%2,%3,%4\n"_s.arg(set.notes).arg(set.seconds, 0, 'f', 3).arg(set.checked).arg(set.copies);
    }
    return csv;
}

QString markdown(const EvalResults &results)
{
    QString md = u"# Tutti evaluation\n\n"_s;
    md += u"- Model: `%1` (%2)\n"_s.arg(results.modelPath, results.modelDescription);
    if (!results.comparedPath.isEmpty())
        md += u"- Compared with: `%1` (%2), measured the same way; its rows and columns are headed %3\n"_s
                  .arg(results.comparedPath, results.comparedDescription, results.comparedName);
    if (results.testMode) {
        md += u"- Data (--test, every piece scored, no split): %1; %2 pieces (%3 windows of up to 256 beats, as "
              "training scores them)\n"_s.arg(results.dataDirectories.join(u", "_s))
                  .arg(results.validationPieces)
                  .arg(results.validationWindows);
        md += u"- Baseline: none (--test has no training split to train it on)\n"_s;
    } else {
        md += u"- Data: %1; %2 training pieces, %3 validation pieces (%4 windows of up to 256 beats, as training "
              "scores them)\n"_s.arg(results.dataDirectories.join(u", "_s))
                  .arg(results.trainingPieces)
                  .arg(results.validationPieces)
                  .arg(results.validationWindows);
        md += u"- Baseline: one %1-gram model per field (interpolated Witten-Bell), trained on every 256-beat window "
              "of the training pieces; each field predicted from that field of the previous events only\n"_s
                  .arg(results.ngramOrder);
    }
    md += u"- Sampling: %1\n"_s.arg(results.samplingDescription);
    md += u"- Run time: %1 s\n\n"_s.arg(results.seconds, 0, 'f', 0);

    md += u"## Validation negative log-likelihood\n\nNats per event (mean over every event after the first, "
          "%1 events, %2 of them notes). Per note: all six fields of all events, over the notes.\n\n"_s
              .arg(results.transformerLoss.targets)
              .arg(results.transformerLoss.notes);
    const bool compared = !results.comparedPath.isEmpty();
    const QString comparedHeader = compared ? u" %1 |"_s.arg(results.comparedName) : QString();
    const QString comparedRule = compared ? u"---:|"_s : QString();
    md += u"| field | transformer |%1 n-gram baseline |\n|---|---:|%2---:|\n"_s.arg(comparedHeader, comparedRule);
    for (int field = 0; field < fieldCount; ++field) {
        const auto f = static_cast<std::size_t>(field);
        md += u"| %1 | %2 |%3 %4 |\n"_s.arg(fieldLabel(field))
                  .arg(results.transformerLoss.perField[f], 0, 'f', 3)
                  .arg(comparedMarkdownCell(results, results.comparedLoss, results.comparedLoss.perField[f]))
                  .arg(nats(results.baselineLoss, results.baselineLoss.perField[f], 3));
    }
    md += u"| **per note** | **%1** |%2 **%3** |\n\n"_s
              .arg(results.transformerLoss.perNote(), 0, 'f', 3)
              .arg(compared ? u" **%1** |"_s.arg(nats(results.comparedLoss, results.comparedLoss.perNote(), 3)) : QString())
              .arg(nats(results.baselineLoss, results.baselineLoss.perNote(), 3));
    md += u"Per note, by corpus:\n\n| corpus | pieces | transformer |%1 n-gram baseline |%2\n|---|---:|---:|%3---:|%3\n"_s
              .arg(comparedHeader, compared ? u" against %1 |"_s.arg(results.comparedName) : QString(), comparedRule);
    for (const CorpusLoss &corpus : results.corpusLosses)
        md += u"| %1 | %2 | %3 |%4 %5 |%6\n"_s.arg(corpus.corpus).arg(corpus.pieces)
                  .arg(corpus.transformer.perNote(), 0, 'f', 3)
                  .arg(comparedMarkdownCell(results, corpus.compared, corpus.compared.perNote()))
                  .arg(nats(corpus.baseline, corpus.baseline.perNote(), 3))
                  .arg(compared ? u" %1 |"_s.arg(change(corpus.transformer, corpus.compared)) : QString());
    if (compared)
        md += u"\nPer note over all of them: %1 against %2 for %3: %4.\n"_s
                  .arg(results.transformerLoss.perNote(), 0, 'f', 3)
                  .arg(results.comparedLoss.perNote(), 0, 'f', 3)
                  .arg(results.comparedName, change(results.transformerLoss, results.comparedLoss));
    md += u"\n![NLL per field](nll.png)\n\n"_s;

    md += u"## Objective metrics of %1-bar samples\n\n"_s.arg(results.sampleBars);
    md += u"Mean ± 95 % confidence interval over %1 samples per mode (validation pieces in turn give the "
          "context: bars 1-8 for continue, bars 9-%2 rewritten for infill, their instruments for instruments). "
          "Real: bars 9-%2 of every validation piece at least 24 bars long. Copies: samples with a passage "
          "of %3 or more notes of one part that matches one training piece (passages that %4 or more pieces "
          "hold, and figures such as repeated notes or trills, are common stock and not counted)"_s.arg(results.samplesPerMode)
              .arg(8 + results.sampleBars)
              .arg(results.copyThreshold)
              .arg(commonplacePieces);
    md += results.indexPath.isEmpty() ? u" (not checked: no corpus index).\n\n"_s
                                      : u" (index `%1`).\n\n"_s.arg(QFileInfo(results.indexPath).fileName());
    md += u"| source | mode | samples | pitch-class entropy (bits) | scale consistency (%) | groove consistency (%) "
          "| notes/s | copies |\n|---|---|---:|---:|---:|---:|---:|---:|\n"_s;
    for (const SampleSet &set : results.samples) {
        md += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n"_s.arg(set.source, set.mode)
                  .arg(set.entropy.size())
                  .arg(figure(set.entropy, 1.0, 3), figure(set.scale, 100.0, 1), figure(set.groove, 100.0, 1),
                       notesPerSecond(set), copies(set));
    }
    md += u"\n![Objective metrics](metrics.png)\n"_s;
    return md;
}

} // namespace

QString writeEvalReport(const EvalResults &results, const QString &directory)
{
    const QDir dir(directory);
    for (const QString &error : {saveText(markdown(results), dir.filePath(u"report.md"_s)),
                                 saveText(nllCsv(results), dir.filePath(u"nll.csv"_s)),
                                 saveText(metricsCsv(results), dir.filePath(u"metrics.csv"_s)),
                                 saveImage(nllChart(results), dir.filePath(u"nll.png"_s)),
                                 saveImage(metricsChart(results), dir.filePath(u"metrics.png"_s))}) {
        if (!error.isEmpty())
            return error;
    }
    return {};
}

} // namespace tutti::cli
// end of evalreport.cpp
