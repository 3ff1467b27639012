// SPDX-License-Identifier: GPL-3.0-or-later
// benchstart.cpp — `tutti bench start`: how fast Tutti starts when it needs no model.
//
// Times this same executable, started as a child process, running `tutti --help`, `tutti info`
// and `tutti info FILE` (the median and the fastest of --runs runs each), then, in this
// process, the main window from construction to shown on screen, then the model library
// (LibTorch, model/internal/modelplugin.h) loading, which none of the above needed. Needs a
// QApplication (main.cpp makes an offscreen one for this benchmark).
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "mainwindow/mainwindow.h"
#include "model/optout.h"
#include "model/transformermodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

// Milliseconds of each run of `tutti arguments...` to its exit; empty when one failed.
std::vector<double> timeChild(const QStringList &arguments, int runs)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer clock;
        clock.start();
        process.start(QCoreApplication::applicationFilePath(), arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return {};
        times.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times;
}

// The shared objects this process has mapped (/proc/self/maps).
int mappedLibraries(bool *modelLibrary = nullptr)
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return 0;
    QSet<QByteArray> files;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const qsizetype slash = line.indexOf('/');
        if (slash >= 0 && line.contains(".so"))
            files.insert(line.mid(slash));
    }
    if (modelLibrary)
        *modelLibrary = std::any_of(files.cbegin(), files.cend(), [](const QByteArray &file) {
            return file.contains("libtutti_model") || file.contains("libtorch");
        });
    return static_cast<int>(files.size());
}

// A quartet of the training corpora, where they can be found: the first MusicXML file by name.
QString defaultScore()
{
    QStringList found;
    for (const QString &directory : shippedTrainingDirectories()) {
        QDirIterator it(directory, {u"*.mxl"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.push_back(it.next());
    }
    std::sort(found.begin(), found.end());
    return found.value(0);
}

QString figures(const std::vector<double> &times)
{
    if (times.empty())
        return u"failed"_s;
    return u"median %1 ms, fastest %2 ms"_s.arg(times[times.size() / 2], 0, 'f', 1).arg(times.front(), 0, 'f', 1);
}

} // namespace

int benchStart(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Start-up times of commands that need no model, of the main window, and of "
                                     "loading the model library (LibTorch) that they do without."_s);
    parser.addOptions({
        {u"file"_s, u"The score `tutti info` reads (default: the first quartet of the training corpora)."_s,
         u"FILE"_s},
        {u"runs"_s, u"Runs of each command (default 7)."_s, u"N"_s, u"7"_s},
    });
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        err() << "tutti bench start: needs a QApplication (run it as `tutti bench start`).\n";
        err().flush();
        return 1;
    }
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    const QString score = parser.isSet(u"file"_s) ? parser.value(u"file"_s) : defaultScore();

    QTextStream &stream = out();
    stream << "Child processes, " << runs << " runs each (target: tutti info FILE under 100 ms):\n";
    stream << "  tutti --help      " << figures(timeChild({u"--help"_s}, runs)) << "\n";
    stream.flush();
    stream << "  tutti info        " << figures(timeChild({u"info"_s}, runs)) << "\n";
    stream.flush();
    if (!score.isEmpty()) {
        stream << "  tutti info FILE   " << figures(timeChild({u"info"_s, score}, runs)) << "  (" << score << ")\n";
        stream.flush();
    }

    bool modelLoaded = false;
    int libraries = mappedLibraries(&modelLoaded);
    if (modelLoaded) {
        err() << "tutti bench start: the model library is loaded before any model was asked for.\n";
        err().flush();
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    {
        MainWindow window;
        window.show();
        const bool exposed = QTest::qWaitForWindowExposed(&window);
        const double windowMs = clock.nsecsElapsed() / 1e6;
        mappedLibraries(&modelLoaded);
        stream << "Main window: constructed and shown in " << QString::number(windowMs, 'f', 1) << " ms"
               << (exposed ? "" : " (not exposed)") << ", model library "
               << (modelLoaded ? "loaded" : "not loaded") << "\n";
        stream.flush();
        window.close();
    }
    libraries = mappedLibraries();

    clock.restart();
    const QString error = loadModelLibrary();
    const double loadMs = clock.nsecsElapsed() / 1e6;
    if (!error.isEmpty()) {
        err() << "tutti bench start: " << error << "\n";
        err().flush();
        return 1;
    }
    stream << "Model library (LibTorch): loaded in " << QString::number(loadMs, 'f', 1) << " ms, shared objects "
           << libraries << " before, " << mappedLibraries() << " after\n";
    stream.flush();
    return 0;
}

} // namespace tutti::cli
// end of benchstart.cpp
