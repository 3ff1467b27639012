// SPDX-License-Identifier: GPL-3.0-or-later
// midiport.cpp — labels and settings keys of MIDI ports.
#include "midi/midiport.h"

using namespace Qt::StringLiterals;

namespace tutti {

QString midiBackendName(MidiBackend api)
{
    return api == MidiBackend::Jack ? u"JACK"_s : u"ALSA"_s;
}

QString MidiPort::label() const
{
    return name + u" ("_s + midiBackendName(api) + u')';
}

QString MidiPort::key() const
{
    return (api == MidiBackend::Jack ? u"jack:"_s : u"alsa:"_s) + name;
}

MidiPort MidiPort::fromKey(const QString &key)
{
    if (key.startsWith(u"jack:"_s) && key.size() > 5)
        return {MidiBackend::Jack, key.mid(5)};
    if (key.startsWith(u"alsa:"_s) && key.size() > 5)
        return {MidiBackend::Alsa, key.mid(5)};
    return {};
}

} // namespace tutti
// end of midiport.cpp
