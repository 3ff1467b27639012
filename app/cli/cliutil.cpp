// SPDX-License-Identifier: GPL-3.0-or-later
// cliutil.cpp — shared helpers for the subcommands.
#include "cliutil.h"

#include "io/scorefile.h"

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
    for (const QString &choice : {u"repeats"_s, u"tremolos"_s}) {
        if (parser.optionNames().contains(u"play-"_s + choice) && parser.optionNames().contains(u"no-play-"_s + choice)) {
            err() << "--play-" << choice << " and --no-play-" << choice << " contradict each other: give one.\n";
            err().flush();
            exitCode = 2;
            return false;
        }
    }
    if (parser.isSet(helpOption)) {
        out() << commandHelp(parser, arguments.value(0));
        out().flush();
        exitCode = 0;
        return false;
    }
    return true;
}

void addScoreReadingOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"play-repeats"_s, u"MusicXML: play repeats, voltas and D.C./D.S. out even where the structure is "
                            "ambiguous (by default they are played out only where it is not)."_s},
        {u"no-play-repeats"_s, u"MusicXML: keep repeats as written, each measure once."_s},
        {u"play-tremolos"_s, u"MusicXML: play tremolos out as repeated notes."_s},
        {u"no-play-tremolos"_s, u"MusicXML: keep tremolos as the written notes (the default)."_s},
    });
}

MusicXmlOptions scoreReadingOptions(const QCommandLineParser &parser)
{
    MusicXmlOptions options = MusicXmlOptions::forListening();
    if (parser.isSet(u"play-repeats"_s)) {
        options.expandRepeats = true;
        options.onlyUnambiguousRepeats = false;
    } else if (parser.isSet(u"no-play-repeats"_s)) {
        options.expandRepeats = false;
    }
    if (parser.isSet(u"play-tremolos"_s))
        options.expandTremolos = true;
    else if (parser.isSet(u"no-play-tremolos"_s))
        options.expandTremolos = false;
    return options;
}

ScoreReadResult readScore(const QString &path, const MusicXmlOptions &options)
{
    return readScoreFile(path, options);
}

} // namespace tutti::cli
// end of cliutil.cpp
