// SPDX-License-Identifier: GPL-3.0-or-later
// commands.cpp — the subcommand table and the dispatcher.
#include "cli/commands.h"

#include "cli/cliutil.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {u"info"_s, u"Describe a score: tracks, instruments, notes, bars, duration, tempo and metre"_s, runInfo},
        {u"convert"_s, u"Convert between MIDI, MusicXML (.musicxml, .mxl) and .tutti, both ways"_s, runConvert},
        {u"render"_s, u"Render a score to a WAV file through a SoundFont"_s, {}},
        {u"train"_s, u"Train the music transformer on MIDI and MusicXML files"_s, runTrain},
        {u"finetune"_s, u"Fine-tune the music transformer on your own music; NLL per note before and after"_s, runFinetune},
        {u"optout"_s, u"List the training works, or take works out of the model (unlearning, checked)"_s, runOptOut},
        {u"generate"_s, u"Ask the music transformer for music: new, for instruments, continue or infill"_s, runGenerate},
        {u"metrics"_s, u"Pitch-class entropy, scale and groove consistency of scores (MMT's metrics)"_s, runMetrics},
        {u"attention"_s, u"Musical self-attention of the model per head (MMT's relative attention): CSV and charts"_s, {}},
        {u"originality"_s, u"Does a score copy the training corpus? The longest matching passage of one part"_s,
         runOriginality},
        {u"index"_s, u"Build the corpus index that the originality check searches"_s, runIndex},
        {u"eval"_s, u"Validation likelihood and sample metrics of a model, next to real pieces and an n-gram baseline"_s, {}},
        {u"ports"_s, u"List the MIDI inputs and outputs (ALSA sequencer, JACK)"_s, {}},
        {u"bench"_s, u"Print speed figures (render, ...)"_s, {}},
    };
    return table;
}

bool runsWithoutAppLibrary(const QString &name)
{
    if (name == u"--help"_s || name == u"-h"_s || name == u"help"_s || name == u"--version"_s || name == u"-v"_s)
        return true;
    return std::any_of(commands().cbegin(), commands().cend(),
                       [&name](const Command &command) { return command.name == name && command.run; });
}

void describeApplication()
{
    QCoreApplication::setApplicationName(u"Tutti"_s);
    QCoreApplication::setOrganizationName(u"Tutti"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TUTTI_VERSION));
}

void printUsage()
{
    out() << "Usage: tutti [COMMAND] [OPTIONS]\n"
             "Tutti " << QCoreApplication::applicationVersion()
          << ", a composition workstation with a music transformer.\n\n"
             "Commands:\n";
    for (const Command &command : commands())
        out() << "  " << command.name.leftJustified(12) << command.summary << "\n";
    out() << "\nRun 'tutti COMMAND --help' for a command's options.\n";
    out().flush();
}

int runCommandLine(const QStringList &arguments)
{
    const QString name = arguments.value(1);
    if (name.isEmpty() || name == u"--help"_s || name == u"-h"_s || name == u"help"_s) {
        printUsage();
        return 0;
    }
    if (name == u"--version"_s || name == u"-v"_s) {
        out() << "tutti " << QCoreApplication::applicationVersion() << "\n";
        out().flush();
        return 0;
    }
    for (const Command &command : commands()) {
        if (command.name == name && command.run)
            return command.run(arguments.mid(1));
    }
    err() << "tutti: unknown command '" << name << "'. Run 'tutti --help' for the list.\n";
    err().flush();
    return 2;
}

} // namespace tutti::cli
// end of commands.cpp
