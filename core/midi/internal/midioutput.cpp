// SPDX-License-Identifier: GPL-3.0-or-later
// midioutput.cpp — an RtMidi output.
#include "midi/midioutput.h"

#include "midiprobe.h"

using namespace Qt::StringLiterals;

namespace tutti {

struct MidiOutput::Port
{
    QString lastError;
    std::unique_ptr<RtMidiOut> out;
};

MidiOutput::MidiOutput() = default;

MidiOutput::~MidiOutput()
{
    close();
}

QString MidiOutput::open(const MidiPort &port)
{
    close();
    if (port.isNull())
        return u"no MIDI output chosen"_s;
    auto opened = std::make_unique<Port>();
    try {
        opened->out = std::make_unique<RtMidiOut>(midi::rtMidiApi(port.api), midi::clientName);
    } catch (const RtMidiError &error) {
        return port.label() + u": "_s + QString::fromStdString(error.getMessage());
    }
    opened->out->setErrorCallback(midi::rtMidiError, &opened->lastError);
    const int index = midi::findPort(*opened->out, port.api, port.name);
    if (index < 0)
        return port.label() + u": no such MIDI output (unplugged?)"_s;
    opened->out->openPort(static_cast<unsigned int>(index), "out");
    if (!opened->out->isPortOpen())
        return port.label() + u": could not be opened: "_s + opened->lastError;
    m_open = std::move(opened);
    m_port = port;
    return {};
}

void MidiOutput::close()
{
    if (!m_open)
        return;
    m_open->out->closePort();
    m_open.reset();
    m_port = {};
}

bool MidiOutput::isOpen() const
{
    return m_open != nullptr;
}

void MidiOutput::send(const MidiMessage &message)
{
    if (!m_open || message.size < 1)
        return;
    const unsigned char bytes[3] = {message.status, message.data1, message.data2};
    m_open->out->sendMessage(bytes, static_cast<std::size_t>(std::min(message.size, 3)));
}

void MidiOutput::allNotesOff()
{
    for (int channel = 0; channel < 16; ++channel) {
        send(MidiMessage::controlChange(channel, MidiMessage::sustainController, 0));
        send(MidiMessage::controlChange(channel, 123, 0));
    }
}

} // namespace tutti
// end of midioutput.cpp
