// SPDX-License-Identifier: GPL-3.0-or-later
// midiport.h — a MIDI port of the ALSA sequencer or of JACK, named as the system names it.
//
// Usage:
//   for (const MidiPort &port : system.inputs()) list.addItem(port.label()); // "Keystation (JACK)"
//   QString saved = port.key();  MidiPort again = MidiPort::fromKey(saved); // for QSettings
#pragma once

#include <QString>

namespace tutti {

enum class MidiBackend
{
    Alsa,
    Jack,
};

struct MidiPort
{
    MidiBackend api = MidiBackend::Alsa;
    QString name; // RtMidi's port name, e.g. "Keystation:Keystation MIDI 1 20:0" or "a2j:keys"

    bool isNull() const { return name.isEmpty(); }
    QString label() const;               // the name and its system, for lists
    QString key() const;                 // "jack:NAME", to remember a choice
    static MidiPort fromKey(const QString &key); // null for an unknown key

    friend bool operator==(const MidiPort &, const MidiPort &) = default;
};

QString midiBackendName(MidiBackend api); // "ALSA", "JACK"

} // namespace tutti
// end of midiport.h
