// SPDX-License-Identifier: GPL-3.0-or-later
// midiportwatcher.cpp — the polling loop behind hot-plugging.
#include "midi/midiportwatcher.h"

#include "midi/midisystem.h"

#include <algorithm>

namespace tutti {

MidiPortWatcher::MidiPortWatcher(MidiSystem *system, QObject *parent)
    : QObject(parent)
    , m_system(system)
{
    connect(&m_timer, &QTimer::timeout, this, &MidiPortWatcher::refresh);
}

void MidiPortWatcher::start(int intervalMs)
{
    refresh();
    m_timer.start(intervalMs);
}

void MidiPortWatcher::stop()
{
    m_timer.stop();
}

void MidiPortWatcher::refresh()
{
    std::vector<MidiPort> inputs = m_system->inputs();
    std::vector<MidiPort> outputs = m_system->outputs();
    const bool changed = inputs != m_inputs || outputs != m_outputs;
    m_inputs = std::move(inputs);
    m_outputs = std::move(outputs);
    const auto present = [this](const MidiPort &port) {
        return std::find(m_inputs.begin(), m_inputs.end(), port) != m_inputs.end()
            || std::find(m_outputs.begin(), m_outputs.end(), port) != m_outputs.end();
    };
    std::vector<MidiPort> vanished;
    for (const MidiPort &port : m_watched) {
        if (!present(port))
            vanished.push_back(port);
    }
    std::erase_if(m_watched, [&](const MidiPort &port) { return !present(port); });
    if (changed)
        Q_EMIT portsChanged();
    for (const MidiPort &port : vanished)
        Q_EMIT portVanished(port);
}

void MidiPortWatcher::watch(const MidiPort &port)
{
    if (!port.isNull() && std::find(m_watched.begin(), m_watched.end(), port) == m_watched.end())
        m_watched.push_back(port);
}

void MidiPortWatcher::unwatch(const MidiPort &port)
{
    std::erase(m_watched, port);
}

} // namespace tutti
// end of midiportwatcher.cpp
