// SPDX-License-Identifier: GPL-3.0-or-later
// portscommand.cpp — `tutti ports`: the MIDI inputs and outputs Tutti can open.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "midi/midisystem.h"

using namespace Qt::StringLiterals;

namespace tutti::cli {

int runPorts(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Lists the MIDI inputs (keyboards) and outputs (synthesizers) of the ALSA sequencer and "
        "JACK that Tutti can open. With none, prints \"no MIDI ports\". TUTTI_MIDI_API=alsa|jack "
        "limits the systems asked."_s);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    MidiSystem system;
    const std::vector<MidiPort> inputs = system.inputs();
    const std::vector<MidiPort> outputs = system.outputs();
    if (inputs.empty() && outputs.empty()) {
        out() << "no MIDI ports\n";
        if (!system.isAvailable())
            out() << system.unavailableMessage() << "\n";
        out().flush();
        return 0;
    }
    out() << "Inputs:\n";
    for (const MidiPort &port : inputs)
        out() << "  " << port.label() << "\n";
    if (inputs.empty())
        out() << "  (none)\n";
    out() << "Outputs:\n";
    for (const MidiPort &port : outputs)
        out() << "  " << port.label() << "\n";
    if (outputs.empty())
        out() << "  (none)\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of portscommand.cpp
