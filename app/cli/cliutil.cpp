// cliutil.cpp — shared helpers for the subcommands.
#include "cliutil.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

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

QString commandHelp(const QCommandLineParser &parser, const QString &command)
{
    // Qt's usage line names the executable as it was invoked ("build/app/tutti"), without
    // the command; a user types "tutti COMMAND".
    QString text = parser.helpText();
    const QString invoked = u"Usage: "_s + QCoreApplication::arguments().value(0) + u' ';
    if (text.startsWith(invoked))
        text.replace(0, invoked.size(), u"Usage: tutti "_s + command + u' ');
    return text;
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode)
{
    const QCommandLineOption helpOption = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n" << commandHelp(parser, arguments.value(0));
        err().flush();
        exitCode = 2;
        return false;
    }
    if (parser.isSet(helpOption)) {
        out() << commandHelp(parser, arguments.value(0));
        out().flush();
        exitCode = 0;
        return false;
    }
    return true;
}

} // namespace tutti::cli
// end of cliutil.cpp
