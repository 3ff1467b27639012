// SPDX-License-Identifier: GPL-3.0-or-later
// midiinput.cpp — an RtMidi input whose callback stamps messages and hands them on.
#include "midi/midiinput.h"

#include "midiprobe.h"

using namespace Qt::StringLiterals;

namespace tutti {

struct MidiInput::Port
{
    QString lastError;
    std::unique_ptr<RtMidiIn> in;
};

namespace {

void onMessage(double, std::vector<unsigned char> *bytes, void *userData)
{
    if (!bytes || bytes->empty() || (*bytes)[0] < 0x80 || (*bytes)[0] >= 0xF0)
        return;
    MidiMessage message;
    message.timeNs = MidiMessage::nowNs();
    message.size = static_cast<int>(std::min<std::size_t>(bytes->size(), 3));
    message.status = (*bytes)[0];
    message.data1 = message.size > 1 ? (*bytes)[1] : 0;
    message.data2 = message.size > 2 ? (*bytes)[2] : 0;
    auto *input = static_cast<MidiInput *>(userData);
    input->deliver(message);
}

} // namespace

MidiInput::MidiInput(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<tutti::MidiMessage>();
}

MidiInput::~MidiInput()
{
    close();
}

void MidiInput::deliver(const MidiMessage &message)
{
    if (m_handler)
        m_handler(message);
    Q_EMIT received(message);
}

QString MidiInput::open(const MidiPort &port)
{
    close();
    if (port.isNull())
        return u"no MIDI input chosen"_s;
    auto opened = std::make_unique<Port>();
    try {
        opened->in = std::make_unique<RtMidiIn>(midi::rtMidiApi(port.api), midi::clientName);
    } catch (const RtMidiError &error) {
        return port.label() + u": "_s + QString::fromStdString(error.getMessage());
    }
    opened->in->setErrorCallback(midi::rtMidiError, &opened->lastError);
    const int index = midi::findPort(*opened->in, port.api, port.name);
    if (index < 0)
        return port.label() + u": no such MIDI input (unplugged?)"_s;
    opened->in->ignoreTypes(true, true, true);
    opened->in->setCallback(onMessage, this);
    opened->in->openPort(static_cast<unsigned int>(index), "in");
    if (!opened->in->isPortOpen())
        return port.label() + u": could not be opened: "_s + opened->lastError;
    m_open = std::move(opened);
    m_port = port;
    return {};
}

void MidiInput::close()
{
    if (!m_open)
        return;
    m_open->in->cancelCallback();
    m_open->in->closePort();
    m_open.reset(); // closes the client; its MIDI thread has stopped when this returns
    m_port = {};
}

bool MidiInput::isOpen() const
{
    return m_open != nullptr;
}

void MidiInput::setDirectHandler(Handler handler)
{
    m_handler = std::move(handler);
}

} // namespace tutti
// end of midiinput.cpp
