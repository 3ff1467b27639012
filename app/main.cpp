// SPDX-License-Identifier: GPL-3.0-or-later
// main.cpp — `tutti`: with a subcommand it runs on the command line (no widgets are
// created); with no arguments, or with a score file to open, it starts the GUI.
#include "cli/commands.h"
#include "io/scorefile.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/terminationsignals.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>

#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Tutti"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tutti"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TUTTI_VERSION));
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

int main(int argc, char *argv[])
{
    if (paintsOnCommandLine(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describeApplication();
        return tutti::cli::runCommandLine(QCoreApplication::arguments());
    }
    if (!wantsGui(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return tutti::cli::runCommandLine(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Tutti"));
    // The desktop entry's name, so docks and taskbars match the window to its launcher.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.tutti.Tutti"));
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/org.tutti.Tutti.png").arg(size));
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
// end of main.cpp
