// SPDX-License-Identifier: GPL-3.0-or-later
// attentioncommand.cpp — `tutti attention`: MMT's musical self-attention of a model over a
// set of pieces, as CSV, one bar-chart PNG per head and a summary of the paper's findings.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/relativeattention.h"
#include "attention/relativeattentionchart.h"
#include "model/modellocation.h"
#include "io/scorefile.h"
#include "model/transformermodel.h"
#include "representation/corpus.h"
#include "representation/encoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

struct Piece
{
    QString name;
    std::function<ScoreReadResult()> read;
};

// Files as they are; directories as corpora (every piece, or only the held-out ones).
std::vector<Piece> piecesOf(const QStringList &inputs, bool validationOnly, const MusicXmlOptions &options)
{
    std::vector<Piece> pieces;
    for (const QString &input : inputs) {
        if (!QFileInfo(input).isDir()) {
            pieces.push_back({QFileInfo(input).fileName(), [input, options] { return readScore(input, options); }});
            continue;
        }
        for (const CorpusPiece &piece : findCorpusPieces({input})) {
            if (!validationOnly || piece.validation)
                pieces.push_back({piece.key, [piece] { return readCorpusPiece(piece); }});
        }
    }
    return pieces;
}

// Up to `count` consecutive windows of the score, each as long as 1,024 events allow.
std::vector<std::vector<Event>> windowsOf(const Score &score, int count)
{
    const std::vector<Event> notes = scoreNoteEvents(score);
    std::vector<std::vector<Event>> windows;
    EncodeOptions options;
    while (static_cast<int>(windows.size()) < count) {
        std::vector<Event> sequence = sequenceFromNotes(notes, options);
        int lastBeat = -1;
        int noteCount = 0;
        for (const Event &e : sequence) {
            if (e.isNote()) {
                lastBeat = e.beatValue();
                ++noteCount;
            }
        }
        if (noteCount < 2)
            break;
        windows.push_back(std::move(sequence));
        options.firstBeat += lastBeat + 1;
    }
    return windows;
}

// MMT's three findings, one number each (positive: the head shows it):
//   bars      gain at keys 4N beats back (N = 1..8) above the mean of its two neighbours
//   position  gain at the same position in the beat
//   consonant mean gain over consonant intervals within an octave minus the mean over the
//             dissonant ones (seconds, tritone, sevenths)
struct Findings
{
    double bars = 0.0;
    double position = 0.0;
    double consonant = 0.0;
};

Findings findingsOf(const RelativeAttention &stats, int layer, int head)
{
    Findings f;
    for (int n = 1; n <= 8; ++n) {
        const auto g = [&](int k) { return stats.gain(RelativeField::Beat, layer, head, k); };
        f.bars += (g(-4 * n) - (g(-4 * n - 1) + g(-4 * n + 1)) / 2.0) / 8.0;
    }
    f.position = stats.gain(RelativeField::Position, layer, head, 0);
    double consonant = 0.0, dissonant = 0.0;
    int consonantCount = 0, dissonantCount = 0;
    for (int k = -12; k <= 12; ++k) {
        const double g = stats.gain(RelativeField::Pitch, layer, head, k);
        if (isHighlightedDifference(RelativeField::Pitch, k)) {
            consonant += g;
            ++consonantCount;
        } else {
            dissonant += g;
            ++dissonantCount;
        }
    }
    f.consonant = consonant / consonantCount - dissonant / dissonantCount;
    return f;
}

// The difference with the largest gain in the charted range, leaving out `skip`.
int strongest(const RelativeAttention &stats, RelativeField field, int layer, int head, int skip)
{
    int best = chartFirstDifference(field);
    double bestGain = -1.0;
    for (int k = chartFirstDifference(field); k <= chartLastDifference(field); ++k) {
        const double g = stats.gain(field, layer, head, k);
        if (k != skip && g > bestGain) {
            bestGain = g;
            best = k;
        }
    }
    return best;
}

QString summaryTable(const RelativeAttention &stats)
{
    QString table = u"| layer | head | bars (4N beats back) | same position | consonance | strongest beat k < 0 "
                    "| strongest pitch k != 0 |\n|---|---|---|---|---|---|---|\n"_s;
    for (int layer = 0; layer < stats.layers(); ++layer) {
        for (int head = 0; head < stats.heads(); ++head) {
            const Findings f = findingsOf(stats, layer, head);
            const int beat = strongest(stats, RelativeField::Beat, layer, head, 0);
            const int pitch = strongest(stats, RelativeField::Pitch, layer, head, 0);
            table += u"| %1 | %2 | %3 | %4 | %5 | %6 (%7) | %8 (%9) |\n"_s.arg(layer + 1)
                         .arg(head + 1)
                         .arg(f.bars, 0, 'f', 4)
                         .arg(f.position, 0, 'f', 4)
                         .arg(f.consonant, 0, 'f', 4)
                         .arg(beat)
                         .arg(stats.gain(RelativeField::Beat, layer, head, beat), 0, 'f', 4)
                         .arg(pitch)
                         .arg(stats.gain(RelativeField::Pitch, layer, head, pitch), 0, 'f', 4);
        }
    }
    return table;
}

bool writeText(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text.toUtf8());
    return file.commit();
}

int fail(const QString &message, int code = 1)
{
    err() << "tutti attention: " << message << "\n";
    err().flush();
    return code;
}

} // namespace

int runAttention(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Musical self-attention as in the MMT paper: for every layer and head, the mean attention a note pays to "
        "earlier notes by beat, position and pitch difference, and its gain over attending to every note alike. "
        "Writes relative-attention.csv, one PNG of bar charts per head and summary.md to the output folder."_s);
    parser.addPositionalArgument(u"files"_s, u"More inputs, as --input."_s, u"[FILE...]"_s);
    parser.addOptions({
        {u"input"_s, u"Score files, or corpus folders (one piece per work, as training reads them)."_s, u"FILES"_s},
        {u"out"_s, u"Output folder (created when missing)."_s, u"DIR"_s},
        {u"model"_s, u"Model file (default: the shipped model)."_s, u"FILE"_s},
        {u"validation"_s, u"From corpus folders, only the pieces held out from training."_s},
        {u"max-pieces"_s, u"Use at most N pieces (default: all)."_s, u"N"_s},
        {u"windows"_s, u"Sequences of up to 1,024 events per piece, from its start (default 1)."_s, u"N"_s},
    });
    int exitCode = 0;
    addScoreReadingOptions(parser);
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList inputs = parser.values(u"input"_s) + parser.positionalArguments();
    const QString outDir = parser.value(u"out"_s);
    if (inputs.isEmpty() || outDir.isEmpty())
        return fail(u"give --input FILES... and --out DIR"_s, 2);
    bool ok = true;
    const int maxPieces = parser.isSet(u"max-pieces"_s) ? parser.value(u"max-pieces"_s).toInt(&ok) : 1 << 30;
    if (!ok || maxPieces < 1)
        return fail(u"--max-pieces needs a positive whole number"_s, 2);
    const int windows = parser.isSet(u"windows"_s) ? parser.value(u"windows"_s).toInt(&ok) : 1;
    if (!ok || windows < 1)
        return fail(u"--windows needs a positive whole number"_s, 2);

    const QString modelPath = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    if (modelPath.isEmpty())
        return fail(noModelMessage());
    QString error;
    const std::unique_ptr<TransformerModel> model = TransformerModel::load(modelPath, error);
    if (!model)
        return fail(error);
    if (!QDir().mkpath(outDir))
        return fail(u"cannot create %1"_s.arg(outDir));

    std::vector<Piece> pieces = piecesOf(inputs, parser.isSet(u"validation"_s), scoreReadingOptions(parser));
    if (pieces.empty())
        return fail(u"no pieces found in the inputs"_s);
    if (static_cast<int>(pieces.size()) > maxPieces)
        pieces.resize(static_cast<std::size_t>(maxPieces));

    RelativeAttention stats(model->config().layers, model->config().heads);
    QElapsedTimer timer;
    timer.start();
    for (const Piece &piece : pieces) {
        const ScoreReadResult read = piece.read();
        if (!read.ok()) {
            err() << "tutti attention: skipped " << piece.name << ": " << read.error << "\n";
            err().flush();
            continue;
        }
        int events = 0;
        for (const std::vector<Event> &sequence : windowsOf(read.score, windows)) {
            const std::size_t t = std::min<std::size_t>(sequence.size(), static_cast<std::size_t>(model->config().context));
            const std::span<const Event> used(sequence.data(), t);
            stats.add(used, model->attention(used).weights);
            events += static_cast<int>(t);
        }
        out() << piece.name << ": " << events << " events\n";
        out().flush();
    }
    if (stats.sequences() == 0)
        return fail(u"no piece had two notes to compare"_s);

    const QDir dir(outDir);
    if (!writeText(dir.filePath(u"relative-attention.csv"_s), stats.toCsv()))
        return fail(u"cannot write %1"_s.arg(dir.filePath(u"relative-attention.csv"_s)));
    for (int layer = 0; layer < stats.layers(); ++layer) {
        for (int head = 0; head < stats.heads(); ++head) {
            const QString path = dir.filePath(u"layer%1-head%2.png"_s.arg(layer + 1).arg(head + 1));
            if (!relativeAttentionImage(stats, layer, head).save(path))
                return fail(u"cannot write %1"_s.arg(path));
        }
    }
    const std::map<QString, QString> &metadata = model->metadata();
    const auto step = metadata.find(u"training_step"_s);
    const QString trained = step == metadata.end() ? QString() : u" (training step %1)"_s.arg(step->second);
    const QString summary = u"Model: %1%2\nSequences: %3, note pairs: %4\n\n"_s.arg(QFileInfo(modelPath).fileName(), trained)
                                .arg(stats.sequences())
                                .arg(stats.pairs())
        + summaryTable(stats);
    if (!writeText(dir.filePath(u"summary.md"_s), summary))
        return fail(u"cannot write %1"_s.arg(dir.filePath(u"summary.md"_s)));
    out() << "\n" << summary << "\nWrote " << dir.filePath(u"relative-attention.csv"_s) << ", "
          << stats.layers() * stats.heads() << " charts and summary.md in " << timer.elapsed() / 1000.0 << " s\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of attentioncommand.cpp
