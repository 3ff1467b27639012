// SPDX-License-Identifier: GPL-3.0-or-later
// originalitycommand.cpp — `tutti originality FILE`: does a score copy the training corpus?
// And `tutti index --data DIR... --out FILE`, which builds the corpus index it searches.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/originalityindex.h"
#include "analysis/originalityindexbuilder.h"
#include "io/scorefile.h"
#include "representation/corpus.h"
#include "score/timemap.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

struct BarRange
{
    int first = 0;
    int last = 0;
};

// "5" or "5-12"; 1-based, first <= last.
bool parseBars(const QString &text, BarRange &bars)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*(?:-\\s*(\\d+))?\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    bool firstOk = false;
    bool lastOk = true;
    bars.first = match.captured(1).toInt(&firstOk);
    bars.last = match.captured(2).isEmpty() ? bars.first : match.captured(2).toInt(&lastOk);
    return firstOk && lastOk && bars.first >= 1 && bars.last >= bars.first;
}

QString indexSummary(const OriginalityIndex &index)
{
    return u"%1 pieces, %2 parts, %3 notes"_s.arg(index.pieceCount()).arg(index.lineCount()).arg(index.noteCount());
}

int fail(const QString &command, const QString &message, int code)
{
    err() << "tutti " << command << ": " << message << "\n";
    err().flush();
    return code;
}

} // namespace

int runOriginality(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Finds the longest passage of one part of the score that copies a piece of the training corpus: "
        "the same run of pitch intervals and onset gaps (a transposed copy counts), and flags it when it "
        "reaches the threshold. Exits with 0 whether or not it flags a copy, 1 on an error."_s);
    parser.addPositionalArgument(u"file"_s, u"MIDI, MusicXML or .tutti file."_s, u"FILE"_s);
    parser.addOption({u"index"_s,
                      u"Corpus index (default: %1 beside the model)."_s.arg(QString::fromUtf16(originalityIndexFileName)),
                      u"FILE"_s});
    parser.addOption({u"bars"_s, u"Check only notes starting in these bars, e.g. 9-16."_s, u"A-B"_s});
    parser.addOption({u"threshold"_s,
                      u"Consecutive notes of one part that count as a copy (default %1, at least %2)."_s
                          .arg(defaultCopyThresholdNotes)
                          .arg(minimumMatchNotes),
                      u"N"_s});
    int exitCode = 0;
    addScoreReadingOptions(parser);
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QString command = u"originality"_s;
    if (parser.positionalArguments().size() != 1)
        return fail(command, u"give one score file"_s, 2);
    int threshold = defaultCopyThresholdNotes;
    if (parser.isSet(u"threshold"_s)) {
        bool ok = false;
        threshold = parser.value(u"threshold"_s).toInt(&ok);
        if (!ok || threshold < minimumMatchNotes)
            return fail(command, u"--threshold needs a whole number of at least %1"_s.arg(minimumMatchNotes), 2);
    }
    BarRange bars;
    if (parser.isSet(u"bars"_s) && !parseBars(parser.value(u"bars"_s), bars))
        return fail(command, u"--bars needs A-B with 1 <= A <= B, or one bar number"_s, 2);

    const QString indexPath = parser.isSet(u"index"_s) ? parser.value(u"index"_s) : defaultOriginalityIndexPath();
    if (indexPath.isEmpty())
        return fail(command, u"no corpus index found (looked for %1); build one with 'tutti index' or pass --index"_s
                                 .arg(originalityIndexSearchOrder().join(u", "_s)),
                    1);
    QString error;
    const OriginalityIndex index = OriginalityIndex::load(indexPath, error);
    if (!error.isEmpty())
        return fail(command, error, 1);
    const QString path = parser.positionalArguments().constFirst();
    const ScoreReadResult read = readScore(path, scoreReadingOptions(parser));
    if (!read.ok())
        return fail(command, read.error, 1);

    const Score &score = read.score;
    const TimeMap map(score);
    Tick from = 0;
    Tick to = std::numeric_limits<Tick>::max();
    QString span = u"all bars"_s;
    if (parser.isSet(u"bars"_s)) {
        from = map.barStart(bars.first);
        to = map.barStart(bars.last + 1);
        span = bars.first == bars.last ? u"bar %1"_s.arg(bars.first) : u"bars %1-%2"_s.arg(bars.first).arg(bars.last);
    }
    const OriginalityReport report = index.check(score, from, to);

    out() << "Index:     " << QFileInfo(indexPath).fileName() << " (" << indexSummary(index) << ")\n";
    out() << "Checked:   " << QFileInfo(path).fileName() << ", " << span << ", " << score.tracks.size()
          << " tracks, " << report.checkedNotes << " melody notes\n";
    if (report.matches.empty()) {
        out() << "Longest:   no passage of " << minimumMatchNotes << " or more notes matches the corpus\n";
    } else {
        out() << "Longest:   " << report.longest()->describe() << "\n";
        for (std::size_t i = 1; i < report.matches.size(); ++i)
            out() << "           " << report.matches[i].describe() << "\n";
    }
    if (const OriginalityMatch *copy = report.copied(threshold))
        out() << "COPY:      " << copy->notes << " consecutive notes of one part match " << copy->pieceKey
              << " (threshold " << threshold << ")\n";
    else
        out() << "Original:  no part copies " << threshold << " or more consecutive notes of one training piece"
              << " (passages that " << commonplacePieces << " or more pieces hold, and figures, are common stock)\n";
    out().flush();
    return 0;
}

int runIndex(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Builds the corpus index that 'tutti originality' and the candidate tray search: the melodic line of "
        "every part of every piece under the directories, read as training reads them."_s);
    parser.addOption({u"data"_s, u"Corpus directory; more may follow it (--data A B) or repeat --data."_s, u"DIR"_s});
    parser.addPositionalArgument(u"dirs"_s, u"More corpus directories."_s, u"[DIR...]"_s);
    parser.addOption({u"out"_s, u"Index file to write."_s, u"FILE"_s});
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QString command = u"index"_s;
    const QStringList directories = parser.values(u"data"_s) + parser.positionalArguments();
    if (!parser.isSet(u"data"_s) || !parser.isSet(u"out"_s))
        return fail(command, u"give --data DIR (one or more) and --out FILE"_s, 2);
    for (const QString &directory : directories) {
        if (!QFileInfo(directory).isDir())
            return fail(command, directory + u": not a directory"_s, 1);
    }

    QElapsedTimer clock;
    clock.start();
    const std::vector<CorpusPiece> pieces = findCorpusPieces(directories);
    if (pieces.empty())
        return fail(command, u"no MIDI or MusicXML files under "_s + directories.join(u", "_s), 1);
    OriginalityIndexBuilder builder;
    int reported = 0;
    const QStringList skipped = builder.addCorpus(pieces, [&](int done, int total) {
        if (done * 10 / total > reported || done == total) {
            reported = done * 10 / total;
            err() << "\r" << done << " of " << total << " pieces read";
            err().flush();
        }
    });
    err() << "\n";
    for (const QString &line : skipped)
        err() << "skipped " << line << "\n";
    err().flush();
    const OriginalityIndex index = std::move(builder).build();
    const QString outPath = parser.value(u"out"_s);
    const QString error = index.save(outPath);
    if (!error.isEmpty())
        return fail(command, error, 1);
    out() << "Wrote " << outPath << ": " << indexSummary(index) << ", " << QFileInfo(outPath).size()
          << " bytes, in " << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of originalitycommand.cpp
