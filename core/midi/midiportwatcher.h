// SPDX-License-Identifier: GPL-3.0-or-later
// midiportwatcher.h — notices MIDI devices plugged in or pulled out, by polling the port lists.
//
// Usage:
//   tutti::MidiPortWatcher watcher(&system);
//   connect(&watcher, &MidiPortWatcher::portsChanged, dialog, &Dialog::relist);
//   connect(&watcher, &MidiPortWatcher::portVanished, recorder, &Recorder::stopCleanly);
//   watcher.watch(input.port());   // portVanished(port) once, when it disappears
//   watcher.start();               // every second; refresh() lists at once
//
// RtMidi has no plug notifications on every system, so a timer asks; listing ports costs
// well under a millisecond.
#pragma once

#include "midi/midiport.h"

#include <QObject>
#include <QTimer>

#include <vector>

namespace tutti {

class MidiSystem;

class MidiPortWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit MidiPortWatcher(MidiSystem *system, QObject *parent = nullptr);

    void start(int intervalMs = 1000);
    void stop();
    void refresh();

    const std::vector<MidiPort> &inputs() const { return m_inputs; }
    const std::vector<MidiPort> &outputs() const { return m_outputs; }

    void watch(const MidiPort &port);
    void unwatch(const MidiPort &port);

Q_SIGNALS:
    void portsChanged();
    void portVanished(const tutti::MidiPort &port);

private:
    MidiSystem *m_system;
    QTimer m_timer;
    std::vector<MidiPort> m_inputs;
    std::vector<MidiPort> m_outputs;
    std::vector<MidiPort> m_watched;
};

} // namespace tutti
// end of midiportwatcher.h
