// SPDX-License-Identifier: GPL-3.0-or-later
// appmain.cpp — the app library's entry: the GUI, and the commands that play, record, paint
// or benchmark (cli/commands.h). main.cpp opens this library for anything it does not run
// itself; the helpers both share (cli/cliutil.h, the file commands) stay in the executable,
// which exports them.
#include "cli/commands.h"
#include "cli/cliutil.h"
#include "io/scorefile.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/terminationsignals.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// This library's commands; cli/commands.cpp lists them, with no `run`, for `tutti --help`.
int runAppCommand(const QStringList &arguments)
{
    using namespace tutti::cli;
    const struct
    {
        QLatin1StringView name;
        int (*run)(const QStringList &arguments);
    } appCommands[] = {
        {"render"_L1, runRender}, {"eval"_L1, runEval}, {"attention"_L1, runAttention},
        {"ports"_L1, runPorts},   {"bench"_L1, runBench},
    };
    const QString name = arguments.value(1);
    for (const auto &command : appCommands) {
        if (command.name == name)
            return command.run(arguments.mid(1));
    }
    err() << "tutti: unknown command '" << name << "'. Run 'tutti --help' for the list.\n";
    err().flush();
    return 2;
}

bool wantsGui(int argc, char *argv[])
{
    if (argc == 1)
        return true;
    const QString first = QString::fromLocal8Bit(argv[1]);
    return argc == 2 && QFileInfo(first).isFile() && tutti::scoreFormatForPath(first) != tutti::ScoreFormat::Unknown;
}

// `tutti bench pianoroll` paints widgets, `tutti bench soak` and `tutti bench start` drive
// the main window, and `tutti attention` and `tutti eval` draw charts, so they need a
// QApplication even on the command line.
bool paintsOnCommandLine(int argc, char *argv[])
{
    return (argc >= 2 && (qstrcmp(argv[1], "attention") == 0 || qstrcmp(argv[1], "eval") == 0))
        || (argc >= 3 && qstrcmp(argv[1], "bench") == 0
            && (qstrcmp(argv[2], "pianoroll") == 0 || qstrcmp(argv[2], "soak") == 0
                || qstrcmp(argv[2], "start") == 0));
}

} // namespace

extern "C" Q_DECL_EXPORT int tuttiAppMain(int argc, char *argv[])
{
    if (paintsOnCommandLine(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        tutti::cli::describeApplication();
        return runAppCommand(QCoreApplication::arguments());
    }
    if (!wantsGui(argc, argv)) {
        QCoreApplication app(argc, argv);
        tutti::cli::describeApplication();
        return runAppCommand(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    tutti::cli::describeApplication();
    QApplication::setApplicationDisplayName(u"Tutti"_s);
    // The desktop entry's name, so docks and taskbars match the window to its launcher.
    QGuiApplication::setDesktopFileName(u"org.tutti.Tutti"_s);
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/%1x%1/org.tutti.Tutti.png"_s.arg(size));
    QApplication::setWindowIcon(icon);
    auto window = std::make_unique<tutti::MainWindow>();
    // Logout, shutdown or kill: close as the Quit action would, but without questions.
    auto *termination = new tutti::TerminationSignals(&app);
    QObject::connect(termination, &tutti::TerminationSignals::received, window.get(),
                     &tutti::MainWindow::closeForShutdown);
    window->show();
    if (argc == 2)
        window->openFile(QString::fromLocal8Bit(argv[1]));
    return app.exec();
}
// end of appmain.cpp
