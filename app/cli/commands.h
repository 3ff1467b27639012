// SPDX-License-Identifier: GPL-3.0-or-later
// commands.h — the `tutti` command line: one function per subcommand.
//
// Each subcommand takes its arguments without the program name (arguments[0] is the
// subcommand itself, as QCommandLineParser expects), prints to stdout/stderr, and returns
// the process exit code: 0 on success, 1 on a failure it explains, 2 on bad usage.
//
// The `tutti` executable runs the commands that read and write files (with tutti_core
// alone); the GUI and the commands that play, record, paint or benchmark are in the app
// library (appmain.cpp), which main.cpp opens when one of them is asked for.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace tutti::cli {

struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList &arguments)> run; // empty: the command is in the app library
};

// Every command, for `tutti --help`.
const std::vector<Command> &commands();

// Whether `tutti NAME ...` runs in the executable: a command with a `run`, or a request for
// the usage or the version.
bool runsWithoutAppLibrary(const QString &name);
// Dispatches `tutti SUBCOMMAND ...` among those; `arguments` holds the full argv.
int runCommandLine(const QStringList &arguments);
void printUsage();
// Names the program and its version for QCoreApplication (settings, --version, messages).
void describeApplication();

// The app library's commands run within it (appmain.cpp); the rest of this header's
// functions run in the executable.
int runRender(const QStringList &arguments);
int runBench(const QStringList &arguments);
int runEval(const QStringList &arguments); // needs a QGuiApplication (plots)
int runAttention(const QStringList &arguments); // needs a QGuiApplication (charts)
int runPorts(const QStringList &arguments);

int runInfo(const QStringList &arguments);
int runConvert(const QStringList &arguments);
int runTrain(const QStringList &arguments);
int runMetrics(const QStringList &arguments);
int runOriginality(const QStringList &arguments);
int runIndex(const QStringList &arguments);
int runGenerate(const QStringList &arguments);
int runFinetune(const QStringList &arguments);
int runOptOut(const QStringList &arguments);

// `tutti train --workers N`: starts N copies of `arguments` (the train command's, without
// the program name) as ranks 0..N-1 of a loopback training group, relays their output and
// returns the first failure's exit code (trainworkers.cpp).
int runTrainingWorkers(const QStringList &arguments, int workers, bool threadsGiven);

// Restarts the process with OMP_WAIT_POLICY=passive unless it is set (see traincommand.cpp).
void preferPassiveOpenMpThreads();

// `tutti bench` benchmarks (app library): arguments[0] is the benchmark's name.
int benchRender(const QStringList &arguments);
int benchTrain(const QStringList &arguments);
int benchGenerate(const QStringList &arguments);
int benchPianoRoll(const QStringList &arguments); // needs a QApplication
int benchSoak(const QStringList &arguments);      // needs a QApplication
int benchOriginality(const QStringList &arguments);
int benchOptOut(const QStringList &arguments);
int benchThru(const QStringList &arguments);
int benchAnswer(const QStringList &arguments);
int benchMusicXml(const QStringList &arguments);
int benchStart(const QStringList &arguments);     // needs a QApplication

} // namespace tutti::cli
// end of commands.h
