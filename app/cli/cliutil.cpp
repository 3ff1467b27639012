// cliutil.cpp — shared helpers for the subcommands.
#include "cliutil.h"

#include <cstdio>

namespace tutti::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode)
{
    const QCommandLineOption helpOption = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n" << parser.helpText();
        err().flush();
        exitCode = 2;
        return false;
    }
    if (parser.isSet(helpOption)) {
        out() << parser.helpText();
        out().flush();
        exitCode = 0;
        return false;
    }
    return true;
}

} // namespace tutti::cli
// end of cliutil.cpp
