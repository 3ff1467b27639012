// SPDX-License-Identifier: GPL-3.0-or-later
// benchoriginality.cpp — `tutti bench originality`: how long the check of one candidate takes.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/originalityindex.h"
#include "io/scorefile.h"
#include "score/timemap.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <functional>
#include <limits>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

constexpr int candidateBars = 8;
constexpr int eighth = Score::defaultTicksPerQuarter / 2;
constexpr int barTicks = 4 * Score::defaultTicksPerQuarter;

// Four parts, eight bars of 4/4, each part's notes made by `pitchAt(part, index)` with
// lengths from `lengthAt(index)` (ticks).
Score candidate(const std::function<int(int part, int index)> &pitchAt, const std::function<int(int index)> &lengthAt)
{
    Score score;
    const int programs[] = {40, 40, 41, 42};
    for (int part = 0; part < 4; ++part) {
        Track &track = score.addTrack(u"Part %1"_s.arg(part + 1), programs[part]);
        Tick tick = 0;
        for (int index = 0; tick < candidateBars * barTicks; ++index) {
            const int length = lengthAt(index);
            track.notes.push_back({tick, length, pitchAt(part, index), 80});
            tick += length;
        }
    }
    score.normalize();
    return score;
}

// Random pitches in each part's range, eighths and quarters: what a sampled candidate is like.
Score randomCandidate()
{
    std::mt19937 random(8);
    return candidate([&](int part, int) { return 72 - part * 10 + static_cast<int>(random() % 12); },
                     [&](int) { return random() % 3 == 0 ? 2 * eighth : eighth; });
}

// Running C major scales in eighths: n-grams the corpus is full of, so many hits to extend.
Score scaleCandidate()
{
    static const int degrees[] = {0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2};
    return candidate([](int part, int index) { return 72 - part * 12 + degrees[index % 14]; },
                     [](int) { return eighth; });
}

// One pitch repeated in eighths per part: the most common n-gram there is.
Score repeatedCandidate()
{
    return candidate([](int part, int) { return 72 - part * 7; }, [](int) { return eighth; });
}

struct Timing
{
    double medianMs = 0;
    double slowestMs = 0;
    OriginalityReport report;
};

Timing timeChecks(const OriginalityIndex &index, const Score &score, Tick from, Tick to, int runs)
{
    Timing timing;
    for (int warmUp = 0; warmUp < 3; ++warmUp)
        timing.report = index.check(score, from, to);
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        timing.report = index.check(score, from, to);
        times.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    timing.medianMs = times[times.size() / 2];
    timing.slowestMs = times.back();
    return timing;
}

void printTiming(const QString &name, int notes, const Timing &timing)
{
    const OriginalityMatch *longest = timing.report.longest();
    out() << "  " << name.leftJustified(34) << QString::number(notes).rightJustified(5) << " notes  median "
          << QString::number(timing.medianMs, 'f', 3).rightJustified(7) << " ms  slowest "
          << QString::number(timing.slowestMs, 'f', 3).rightJustified(7) << " ms  "
          << timing.report.checkedNotes << " melody notes looked up, longest match "
          << (longest ? longest->notes : 0) << "\n";
    out().flush();
}

} // namespace

int benchOriginality(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times the originality check of 8-bar, 4-part candidates against the whole corpus index: random "
        "notes, running scales and repeated notes (the commonest n-grams), and optionally bars 1-8 of a "
        "score (a training piece gives a full-length copy)."_s);
    parser.addOption({u"index"_s, u"Corpus index (default: the one beside the model)."_s, u"FILE"_s});
    parser.addOption({u"score"_s, u"Also time bars 1-8 of this score."_s, u"FILE"_s});
    parser.addOption({u"runs"_s, u"Timed checks per candidate (default 100)."_s, u"N"_s});
    int exitCode = 0;
    addScoreReadingOptions(parser);
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const int runs = parser.isSet(u"runs"_s) ? parser.value(u"runs"_s).toInt() : 100;
    if (runs < 1) {
        err() << "tutti bench originality: --runs needs a positive whole number\n";
        return 2;
    }
    const QString indexPath = parser.isSet(u"index"_s) ? parser.value(u"index"_s) : defaultOriginalityIndexPath();
    if (indexPath.isEmpty()) {
        err() << "tutti bench originality: no corpus index found; build one with 'tutti index' or pass --index\n";
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    QString error;
    const OriginalityIndex index = OriginalityIndex::load(indexPath, error);
    if (!error.isEmpty()) {
        err() << "tutti bench originality: " << error << "\n";
        return 1;
    }
    out() << "Index " << QFileInfo(indexPath).fileName() << ": " << QFileInfo(indexPath).size() << " bytes, "
          << index.pieceCount() << " pieces, " << index.lineCount() << " parts, " << index.noteCount()
          << " notes; loaded in " << clock.elapsed() << " ms\n";
    out() << "Check of one 8-bar, 4-part candidate (" << runs << " runs after warm-up):\n";

    const Tick all = std::numeric_limits<Tick>::max();
    const std::pair<QString, Score> candidates[] = {
        {u"random eighths and quarters"_s, randomCandidate()},
        {u"running scales in eighths"_s, scaleCandidate()},
        {u"repeated notes in eighths"_s, repeatedCandidate()},
    };
    for (const auto &[name, score] : candidates)
        printTiming(name, static_cast<int>(score.noteCount()), timeChecks(index, score, 0, all, runs));
    if (parser.isSet(u"score"_s)) {
        const ScoreReadResult read = readScore(parser.value(u"score"_s), scoreReadingOptions(parser));
        if (!read.ok()) {
            err() << "tutti bench originality: " << read.error << "\n";
            return 1;
        }
        const TimeMap map(read.score);
        const Tick end = map.barStart(candidateBars + 1);
        std::size_t notes = 0;
        for (const Track &track : read.score.tracks)
            notes += static_cast<std::size_t>(std::count_if(track.notes.begin(), track.notes.end(),
                                                            [end](const Note &note) { return note.start < end; }));
        printTiming(QFileInfo(parser.value(u"score"_s)).fileName() + u", bars 1-8"_s, static_cast<int>(notes),
                    timeChecks(index, read.score, 0, end, runs));
    }
    return 0;
}

} // namespace tutti::cli
// end of benchoriginality.cpp
