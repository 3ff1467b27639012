// SPDX-License-Identifier: GPL-3.0-or-later
// cliutil.h — small helpers shared by the subcommands.
#pragma once

#include "io/musicxml.h"
#include "io/readresult.h"

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

// Every command that reads scores takes the same options for MusicXML: --play-repeats,
// --no-play-repeats, --play-tremolos, --no-play-tremolos. By default repeats are played
// out where the structure is unambiguous and tremolos stay as written.
void addScoreReadingOptions(QCommandLineParser &parser);
MusicXmlOptions scoreReadingOptions(const QCommandLineParser &parser);
// The one way the subcommands read a score file.
ScoreReadResult readScore(const QString &path, const MusicXmlOptions &options);

} // namespace tutti::cli
// end of cliutil.h
