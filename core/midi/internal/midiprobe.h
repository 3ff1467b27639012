// SPDX-License-Identifier: GPL-3.0-or-later
// midiprobe.h — which MIDI systems this process may use and whether they are running, found
// out quietly (ALSA's and JACK's own error printers are silenced), plus RtMidi glue.
#pragma once

#include "midi/midiport.h"

#include <QString>

#include <rtmidi/RtMidi.h>

#include <vector>

namespace tutti::midi {

// The client name Tutti's ports appear under; our own ports are left out of port lists.
inline constexpr const char *clientName = "Tutti";

// TUTTI_MIDI_API=alsa|jack|none limits the systems tried (tests use jack); unset: both.
std::vector<MidiBackend> allowedMidiBackends();
// Whether the system can be used now: the ALSA sequencer device opens, or a JACK server
// (JACK_DEFAULT_SERVER's, else the default one) answers. Never starts a server.
bool midiBackendRunning(MidiBackend api);
bool jackServerRunning(const QString &serverName); // empty: the default server

RtMidi::Api rtMidiApi(MidiBackend api);
bool isOwnPort(const QString &name);

// Installed on each RtMidi object: RtMidi then reports errors here instead of printing or
// throwing. userData is a QString* that receives the text of the last error.
void rtMidiError(RtMidiError::Type type, const std::string &text, void *userData);

// Finds `name` among the ports that `object` lists; for ALSA the trailing "client:port"
// numbers may differ (a device plugged in again gets new ones). -1 when it is not there.
int findPort(RtMidi &object, MidiBackend api, const QString &name);

} // namespace tutti::midi
// end of midiprobe.h
