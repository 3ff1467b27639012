// main.cpp — `tutti`: with a subcommand it runs on the command line, without one it will
// open the GUI (until the GUI exists it prints the command list).
#include "cli/commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Tutti"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tutti"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TUTTI_VERSION));
    return tutti::cli::runCommandLine(QCoreApplication::arguments());
}
// end of main.cpp
