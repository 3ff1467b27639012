// commands.h — the `tutti` command line: one function per subcommand.
//
// Each subcommand takes its arguments without the program name (arguments[0] is the
// subcommand itself, as QCommandLineParser expects), prints to stdout/stderr, and returns
// the process exit code: 0 on success, 1 on a failure it explains, 2 on bad usage.
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
    std::function<int(const QStringList &arguments)> run;
};

const std::vector<Command> &commands();

// Dispatches `tutti SUBCOMMAND ...`; `arguments` holds the full argv.
int runCommandLine(const QStringList &arguments);
void printUsage();

int runInfo(const QStringList &arguments);
int runConvert(const QStringList &arguments);

} // namespace tutti::cli
// end of commands.h
