// SPDX-License-Identifier: GPL-3.0-or-later
// midiprobe.cpp — quiet probes of the ALSA sequencer and JACK, and RtMidi helpers.
#include "midiprobe.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <alsa/asoundlib.h>
#include <jack/jack.h>

#include <cstdarg>
#include <mutex>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMidi, "tutti.midi")

namespace tutti::midi {

namespace {

void quietAlsa(const char *, int, const char *, int, const char *, ...) {}
void quietJack(const char *) {}

void silenceSystemLogs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        snd_lib_error_set_handler(quietAlsa);
        jack_set_error_function(quietJack);
        jack_set_info_function(quietJack);
    });
}

QString withoutAlsaAddress(const QString &name)
{
    static const QRegularExpression address(u" \\d+:\\d+$"_s);
    QString copy = name;
    return copy.remove(address);
}

} // namespace

std::vector<MidiBackend> allowedMidiBackends()
{
    const QString wanted = qEnvironmentVariable("TUTTI_MIDI_API").trimmed().toLower();
    if (wanted == u"none"_s)
        return {};
    if (wanted == u"alsa"_s)
        return {MidiBackend::Alsa};
    if (wanted == u"jack"_s)
        return {MidiBackend::Jack};
    return {MidiBackend::Alsa, MidiBackend::Jack};
}

bool jackServerRunning(const QString &serverName)
{
    silenceSystemLogs();
    jack_status_t status{};
    const QByteArray server = serverName.toUtf8();
    jack_client_t *client = serverName.isEmpty()
        ? jack_client_open("tutti-probe", JackNoStartServer, &status)
        : jack_client_open("tutti-probe", jack_options_t(JackNoStartServer | JackServerName), &status,
                           server.constData());
    if (!client)
        return false;
    jack_client_close(client);
    return true;
}

bool midiBackendRunning(MidiBackend api)
{
    silenceSystemLogs();
    if (api == MidiBackend::Jack)
        return jackServerRunning({});
    snd_seq_t *sequencer = nullptr;
    if (snd_seq_open(&sequencer, "default", SND_SEQ_OPEN_DUPLEX, SND_SEQ_NONBLOCK) < 0)
        return false;
    snd_seq_close(sequencer);
    return true;
}

RtMidi::Api rtMidiApi(MidiBackend api)
{
    return api == MidiBackend::Jack ? RtMidi::UNIX_JACK : RtMidi::LINUX_ALSA;
}

bool isOwnPort(const QString &name)
{
    static const QRegularExpression own(u"^"_s + QString::fromLatin1(clientName) + u"(-\\d+)?:"_s);
    return own.match(name).hasMatch();
}

void rtMidiError(RtMidiError::Type type, const std::string &text, void *userData)
{
    const QString message = QString::fromStdString(text);
    if (type == RtMidiError::WARNING || type == RtMidiError::DEBUG_WARNING)
        qCDebug(lcMidi, "%s", qUtf8Printable(message));
    else
        qCInfo(lcMidi, "%s", qUtf8Printable(message));
    if (userData && type != RtMidiError::DEBUG_WARNING)
        *static_cast<QString *>(userData) = message;
}

int findPort(RtMidi &object, MidiBackend api, const QString &name)
{
    const unsigned int count = object.getPortCount();
    for (unsigned int i = 0; i < count; ++i) {
        if (QString::fromStdString(object.getPortName(i)) == name)
            return static_cast<int>(i);
    }
    if (api != MidiBackend::Alsa)
        return -1;
    const QString bare = withoutAlsaAddress(name);
    for (unsigned int i = 0; i < count; ++i) {
        if (withoutAlsaAddress(QString::fromStdString(object.getPortName(i))) == bare)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace tutti::midi
// end of midiprobe.cpp
