// SPDX-License-Identifier: GPL-3.0-or-later
// midiinput.h — one open MIDI input port: what it receives, stamped on arrival.
//
// Usage:
//   tutti::MidiInput input;
//   input.setDirectHandler([&](const MidiMessage &m) { thru.handle(m); }); // MIDI thread
//   connect(&input, &MidiInput::received, recorder, &Recorder::take);      // queued, GUI thread
//   if (QString error = input.open(port); !error.isEmpty()) complain(error);
//   input.close();
//
// Notes, controllers and program changes arrive; sysex, clock and active sensing are ignored.
// The direct handler runs in the system's MIDI thread (for thru, where every millisecond
// counts) and must not block; set it while the port is closed. received() is emitted from
// that thread too, so connections to objects of other threads are queued. A port that
// vanishes is noticed by MidiPortWatcher (RtMidi says nothing), not here.
#pragma once

#include "midi/midimessage.h"
#include "midi/midiport.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace tutti {

class MidiInput final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const MidiMessage &)>;

    explicit MidiInput(QObject *parent = nullptr);
    ~MidiInput() override;

    // Connects to `port` (closing any port open before). Empty on success, else why not.
    QString open(const MidiPort &port);
    void close();
    bool isOpen() const;
    MidiPort port() const { return m_port; }

    void setDirectHandler(Handler handler);
    // The MIDI thread's entry point: the direct handler, then received(). Tests may call it.
    void deliver(const MidiMessage &message);

Q_SIGNALS:
    void received(const tutti::MidiMessage &message);

private:
    struct Port;
    std::unique_ptr<Port> m_open;
    MidiPort m_port;
    Handler m_handler;
};

} // namespace tutti
// end of midiinput.h
