// SPDX-License-Identifier: GPL-3.0-or-later
// benchsoak.cpp — `tutti bench soak`: the soak test for as long as you like, before a release.
//
// Drives the real main window offscreen with random edits (SoakDriver: draw, move, resize,
// delete, transpose, quantize, velocity, clipboard, tracks, tempo and metre, suggestions,
// undo and redo), checking the score after every action, save + reopen every 250, undo-all
// and redo-all and the heap after every round. Prints the seed first: `--seed` replays a
// failure exactly. Settings and autosaves go to Qt's test locations, never the user's.
// Needs a QApplication (main.cpp makes an offscreen one for this benchmark).
//
// `--events FILE --autosave-ms MS` is the crash test's child mode (tests/testuisoak.cpp):
// autosave every MS and log each copy, until the parent kills the process.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "edit/autosaver.h"
#include "model/modellocation.h"
#include "mainwindow/mainwindow.h"
#include "soak/soakrun.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace tutti::cli {

int benchSoak(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Random edits on the main window for N minutes, checking the score throughout."_s);
    parser.addOption({u"minutes"_s, u"How long to run (default 1)."_s, u"N"_s, u"1"_s});
    parser.addOption({u"actions"_s, u"Stop after this many actions instead (0: no limit)."_s, u"N"_s, u"0"_s});
    parser.addOption({u"seed"_s, u"Random seed (default: a new one, printed)."_s, u"S"_s});
    parser.addOption({u"no-suggestions"_s, u"Never ask the model for suggestions."_s});
    parser.addOption({u"verbose"_s, u"Print every action and the undo step it made."_s});
    parser.addOption({u"events"_s, u"Crash-test child: log autosave events to FILE."_s, u"FILE"_s});
    parser.addOption({u"autosave-ms"_s, u"Crash-test child: autosave interval (default 300)."_s, u"MS"_s, u"300"_s});
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        err() << "tutti bench soak: needs a QApplication (run it as `tutti bench soak`).\n";
        err().flush();
        return 1;
    }
    QStandardPaths::setTestModeEnabled(true); // the user's settings and autosaves stay untouched
    bool seedOk = true;
    const quint64 seed = parser.isSet(u"seed"_s) ? parser.value(u"seed"_s).toULongLong(&seedOk)
                                                 : QRandomGenerator::global()->bounded(quint64(1) << 40);
    if (!seedOk) {
        err() << "tutti bench soak: --seed takes a whole number.\n";
        err().flush();
        return 2;
    }
    QTemporaryDir folder;
    SoakOptions options;
    options.seed = seed;
    options.actions = std::max(0, parser.value(u"actions"_s).toInt());
    options.milliseconds = options.actions > 0 ? 0 : qint64(parser.value(u"minutes"_s).toDouble() * 60'000);
    options.folder = folder.path();
    options.events = parser.value(u"events"_s);
    options.verbose = parser.isSet(u"verbose"_s);
    options.suggestions = !parser.isSet(u"no-suggestions"_s) && options.events.isEmpty() && !defaultModelPath().isEmpty();
    options.progress = [](const QString &line) {
        out() << line << "\n";
        out().flush();
    };
    out() << "seed " << seed << " (replay with --seed " << seed << ")\n";
    out() << "suggestions: " << (options.suggestions ? defaultModelPath() : u"off"_s) << "\n";
    out().flush();

    MainWindow window;
    window.resize(1400, 860);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        err() << "tutti bench soak: the window did not appear.\n";
        err().flush();
        return 1;
    }
    QCoreApplication::processEvents(); // the autosaver starts once the event loop runs
    if (!options.events.isEmpty())
        window.autosaver()->setIntervalMs(std::max(10, parser.value(u"autosave-ms"_s).toInt()));
    QElapsedTimer clock;
    clock.start();
    const SoakReport report = runSoak(&window, options);
    const double seconds = clock.elapsed() / 1000.0;
    window.autosaver()->discard();
    out() << report.actions << " actions in " << report.rounds << " rounds, " << QString::number(seconds, 'f', 1)
          << " s (" << QString::number(report.actions / std::max(seconds, 0.001), 'f', 1) << " actions/s), "
          << report.suggestionsAccepted << " suggestions accepted\n";
    out() << "heap after round 1: " << QString::number(report.heapAfterFirstRound / 1048576.0, 'f', 1)
          << " MiB, after the last: " << QString::number(report.heapAfterLastRound / 1048576.0, 'f', 1)
          << " MiB, peak: " << QString::number(report.heapPeak / 1048576.0, 'f', 1) << " MiB\n";
    if (!report.failure.isEmpty()) {
        out() << "FAILED " << report.failure << "\nlast actions:\n  " << report.recentActions.join(u"\n  "_s)
              << "\nreplay: tutti bench soak --seed " << seed << " --actions " << report.actions << "\n";
        out().flush();
        return 1;
    }
    out() << "every check held\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of benchsoak.cpp
