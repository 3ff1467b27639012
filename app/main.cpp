// SPDX-License-Identifier: GPL-3.0-or-later
// main.cpp — `tutti`. A command that reads and writes files (info, convert, metrics, train,
// generate, ...) runs here, with QtCore and tutti_core alone. Anything else (the GUI, with
// no arguments or a score file to open, and the commands that play, record, paint or
// benchmark) is in the app library, libtutti_app.so beside tutti_core (appmain.cpp), opened
// only then: the widget, sound and MIDI libraries are about 80 shared objects, and loading
// them took most of a quick command's time (`tutti --help` 50 ms against 20 ms without).
#include "cli/commands.h"
#include "io/librarybesidecore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc >= 2 && tutti::cli::runsWithoutAppLibrary(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        tutti::cli::describeApplication();
        return tutti::cli::runCommandLine(QCoreApplication::arguments());
    }
    QString error;
    using AppMain = int (*)(int argc, char *argv[]);
    const auto appMain = reinterpret_cast<AppMain>(
        tutti::openLibraryBesideCore(QStringLiteral(TUTTI_APP_LIBRARY), "tuttiAppMain", error));
    if (!appMain) {
        std::fprintf(stderr, "tutti: Tutti's app library could not be loaded: %s\n", qPrintable(error));
        return 1;
    }
    return appMain(argc, argv);
}
// end of main.cpp
