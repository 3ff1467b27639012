// cliutil.h — small helpers shared by the subcommands.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace tutti::cli {

QTextStream &out();
QTextStream &err();

// Parses `arguments` for a subcommand. Handles --help (prints help, sets exitCode 0) and
// errors (prints them, sets exitCode 2). Returns true when the command should go on.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode);
// parser.helpText() with the usage line saying "tutti COMMAND".
QString commandHelp(const QCommandLineParser &parser, const QString &command);

} // namespace tutti::cli
// end of cliutil.h
