// SPDX-License-Identifier: GPL-3.0-or-later
// benchmusicxml.cpp — `tutti bench musicxml`: time to write a 30-minute string quartet as MusicXML.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "io/musicxmlwriter.h"
#include "io/scorefile.h"
#include "score/timemap.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QElapsedTimer>

#include <algorithm>
#include <ctime>
#include <random>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

// Four parts of 30 minutes at 120 BPM in 4/4 and D major: running eighths and 16ths, triplet
// bars, tied half notes across bar lines, double stops, a key change and tempo changes.
Score quartet(int minutes)
{
    Score score;
    score.title = u"Benchmark quartet"_s;
    const Tick quarter = score.ticksPerQuarter;
    const Tick bar = 4 * quarter;
    const int bars = minutes * 120 / 4; // 120 quarters a minute, 4 a bar (a little over 30 minutes with the slower stretches)
    score.timeSignatures = {{0, 4, 4}};
    score.keySignatures = {{0, 2, false}, {bar * bars / 2, -1, false}};
    for (int i = 0; i < 10; ++i)
        score.tempos.push_back({bar * bars * i / 10, TempoChange::microsecondsFromBpm(i % 2 ? 112.0 : 120.0)});
    const int programs[] = {40, 40, 41, 42};
    const int lowest[] = {67, 60, 50, 38};
    std::mt19937 random(20);
    for (int part = 0; part < 4; ++part) {
        Track &track = score.addTrack(part < 2 ? u"Violin %1"_s.arg(part + 1) : part == 2 ? u"Viola"_s : u"Cello"_s,
                                      programs[part]);
        for (int b = 0; b < bars; ++b) {
            const Tick start = b * bar;
            const auto pitch = [&] { return lowest[part] + static_cast<int>(random() % 19); };
            switch ((b + part) % 4) {
            case 0: // eighths
                for (int i = 0; i < 8; ++i)
                    track.notes.push_back({start + i * quarter / 2, quarter / 2, pitch(), 80});
                break;
            case 1: // 16ths and a double stop
                for (int i = 0; i < 8; ++i)
                    track.notes.push_back({start + i * quarter / 4, quarter / 4, pitch(), 80});
                track.notes.push_back({start + 2 * quarter, 2 * quarter, pitch(), 70});
                track.notes.push_back({start + 2 * quarter, 2 * quarter, pitch() + 4, 70});
                break;
            case 2: // triplet eighths
                for (int i = 0; i < 12; ++i)
                    track.notes.push_back({start + i * quarter / 3, quarter / 3, pitch(), 85});
                break;
            default: // dotted quarter, eighth, a half tied over the bar line
                track.notes.push_back({start, 3 * quarter / 2, pitch(), 75});
                track.notes.push_back({start + 3 * quarter / 2, quarter / 2, pitch(), 75});
                track.notes.push_back({start + 3 * quarter, 2 * quarter, pitch(), 75});
                break;
            }
        }
        // The halves tied over the bar line overlap the next bar's first notes: a second voice.
        std::sort(track.notes.begin(), track.notes.end());
    }
    score.normalize();
    return score;
}

} // namespace

int benchMusicXml(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Prints how long writing a 30-minute string quartet (or --input) as MusicXML "
                                     "takes, plain and as compressed .mxl (target: under 1 s)."_s);
    const QCommandLineOption inputOption(u"input"_s, u"Score to write (default: a built-in 30-minute quartet)."_s,
                                         u"file"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Timed runs after one warm-up (default 3)."_s, u"n"_s, u"3"_s);
    parser.addOptions({inputOption, runsOption});
    addScoreReadingOptions(parser);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;

    Score score = quartet(30);
    if (parser.isSet(inputOption)) {
        const ScoreReadResult read = readScore(parser.value(inputOption), scoreReadingOptions(parser));
        if (!read.ok()) {
            err() << "tutti bench musicxml: " << read.error << "\n";
            err().flush();
            return 1;
        }
        score = read.score;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    MusicXmlWriteResult written = writeMusicXml(score); // warm-up
    if (!written.ok()) {
        err() << "tutti bench musicxml: " << written.error << "\n";
        err().flush();
        return 1;
    }
    // Wall-clock time, and the processor time that a busy machine does not inflate.
    double best = 1e9;
    double bestCpu = 1e9;
    QElapsedTimer timer;
    for (int run = 0; run < runs; ++run) {
        timer.start();
        const std::clock_t cpuStart = std::clock();
        written = writeMusicXml(score);
        bestCpu = std::min(bestCpu, static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    const QString mxlPath = QDir::temp().filePath(u"tutti-bench-%1.mxl"_s.arg(QCoreApplication::applicationPid()));
    timer.start();
    const QString error = writeMusicXmlFile(score, mxlPath);
    const double mxlSeconds = timer.nsecsElapsed() / 1e9;
    const qint64 mxlBytes = QFileInfo(mxlPath).size();
    QFile::remove(mxlPath);
    if (!error.isEmpty()) {
        err() << "tutti bench musicxml: " << error << "\n";
        err().flush();
        return 1;
    }
    const TimeMap map(score);
    out() << "MusicXML writing: " << score.tracks.size() << " parts, " << score.noteCount() << " notes, "
          << QString::number(map.seconds(score.endTick()) / 60.0, 'f', 1) << " minutes: "
          << QString::number(best, 'f', 3) << " s wall, " << QString::number(bestCpu, 'f', 3) << " s CPU (best of "
          << runs << "), "
          << QString::number(written.xml.size() / 1e6, 'f', 1) << " MB; as .mxl file "
          << QString::number(mxlSeconds, 'f', 3) << " s, " << QString::number(mxlBytes / 1e6, 'f', 2) << " MB"
          << " (target: under 1 s)\n";
    for (const QString &warning : std::as_const(written.warnings))
        out() << "warning: " << warning << "\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of benchmusicxml.cpp
