// SPDX-License-Identifier: GPL-3.0-or-later
// convertcommand.cpp — `tutti convert IN OUT`: formats chosen by the file names.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "io/scorefile.h"

using namespace Qt::StringLiterals;

namespace tutti::cli {

int runConvert(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Convert a score between formats, chosen by the file names: MIDI (.mid), "
                                     "MusicXML (.musicxml or .xml, and compressed .mxl) and Tutti projects (.tutti)."_s);
    parser.addPositionalArgument(u"in"_s, u"The score to read."_s);
    parser.addPositionalArgument(u"out"_s, u"The file to write (.mid, .musicxml, .xml, .mxl or .tutti)."_s);
    addScoreReadingOptions(parser);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        err() << "tutti convert: expected IN and OUT.\n" << commandHelp(parser, u"convert"_s);
        err().flush();
        return 2;
    }

    const ScoreReadResult result = readScore(files[0], scoreReadingOptions(parser));
    if (!result.ok()) {
        err() << "tutti convert: " << result.error << "\n";
        err().flush();
        return 1;
    }
    for (const QString &warning : result.warnings)
        err() << "tutti convert: warning: " << warning << "\n";
    if (!result.playback.isEmpty())
        out() << "Read " << files[0] << ": " << result.playback << "\n";
    QStringList writeWarnings;
    const QString error = writeScoreFile(result.score, files[1], &writeWarnings);
    for (const QString &warning : std::as_const(writeWarnings))
        err() << "tutti convert: warning: " << files[1] << ": " << warning << "\n";
    if (!error.isEmpty()) {
        err() << "tutti convert: " << error << "\n";
        err().flush();
        return 1;
    }
    out() << "Wrote " << files[1] << " (" << result.score.tracks.size() << " tracks, " << result.score.noteCount()
          << " notes)\n";
    out().flush();
    err().flush();
    return 0;
}

} // namespace tutti::cli
// end of convertcommand.cpp
