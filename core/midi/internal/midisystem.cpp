// SPDX-License-Identifier: GPL-3.0-or-later
// midisystem.cpp — one RtMidi lister pair per running system, kept while the system runs.
#include "midi/midisystem.h"

#include "midiprobe.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace tutti {

struct MidiSystem::Lister
{
    MidiBackend api;
    QString lastError;
    std::unique_ptr<RtMidiIn> in;
    std::unique_ptr<RtMidiOut> out;
};

MidiSystem::MidiSystem() = default;
MidiSystem::~MidiSystem() = default;

MidiSystem::Lister *MidiSystem::lister(MidiBackend api)
{
    for (const auto &existing : m_listers) {
        if (existing->api == api)
            return existing.get();
    }
    if (!midi::midiBackendRunning(api))
        return nullptr;
    auto made = std::make_unique<Lister>();
    made->api = api;
    try {
        const std::string name = std::string(midi::clientName) + " ports";
        made->in = std::make_unique<RtMidiIn>(midi::rtMidiApi(api), name);
        made->in->setErrorCallback(midi::rtMidiError, &made->lastError);
        made->out = std::make_unique<RtMidiOut>(midi::rtMidiApi(api), name);
        made->out->setErrorCallback(midi::rtMidiError, &made->lastError);
    } catch (const RtMidiError &) {
        return nullptr;
    }
    m_listers.push_back(std::move(made));
    return m_listers.back().get();
}

bool MidiSystem::isAvailable()
{
    for (MidiBackend api : midi::allowedMidiBackends()) {
        if (lister(api))
            return true;
    }
    return false;
}

QString MidiSystem::unavailableMessage() const
{
    return u"No MIDI system: neither the ALSA sequencer nor a JACK server is running "
           "(MIDI recording and MIDI out are off; everything else works)"_s;
}

QString MidiSystem::description()
{
    QStringList names;
    for (MidiBackend api : midi::allowedMidiBackends()) {
        if (lister(api))
            names << (api == MidiBackend::Jack ? u"JACK"_s : u"ALSA sequencer"_s);
    }
    return names.isEmpty() ? unavailableMessage() : u"MIDI: "_s + names.join(u", "_s);
}

namespace {

template<typename Object>
void appendPorts(Object &object, MidiBackend api, std::vector<MidiPort> &ports)
{
    const unsigned int count = object.getPortCount();
    for (unsigned int i = 0; i < count; ++i) {
        const QString name = QString::fromStdString(object.getPortName(i));
        if (!name.isEmpty() && !midi::isOwnPort(name))
            ports.push_back({api, name});
    }
}

} // namespace

std::vector<MidiPort> MidiSystem::inputs()
{
    std::vector<MidiPort> ports;
    for (MidiBackend api : midi::allowedMidiBackends()) {
        if (Lister *found = lister(api))
            appendPorts(*found->in, api, ports);
    }
    return ports;
}

std::vector<MidiPort> MidiSystem::outputs()
{
    std::vector<MidiPort> ports;
    for (MidiBackend api : midi::allowedMidiBackends()) {
        if (Lister *found = lister(api))
            appendPorts(*found->out, api, ports);
    }
    return ports;
}

} // namespace tutti
// end of midisystem.cpp
