// SPDX-License-Identifier: GPL-3.0-or-later
// jackdummyserver.h — a private JACK server with the dummy backend (no sound card), for the
// MIDI tests and `tutti bench thru`: each gets its own server name, so runs never clash.
//
// Usage:
//   tutti::JackDummyServer server;
//   if (QString error = server.start(); !error.isEmpty()) QSKIP / complain(error);
//   // JACK clients of this process (RtMidi's included) now talk to it
//   ...                                    // the destructor stops the server
//
// start() sets JACK_DEFAULT_SERVER for this process and TUTTI_MIDI_API=jack, so a machine's
// ALSA devices stay out of the way. Needs the `jackd` program (Debian jackd2).
#pragma once

#include <QProcess>
#include <QString>

namespace tutti {

class JackDummyServer
{
public:
    JackDummyServer() = default;
    ~JackDummyServer();
    JackDummyServer(const JackDummyServer &) = delete;
    JackDummyServer &operator=(const JackDummyServer &) = delete;

    // Empty on success (the server answers), else why it did not start.
    QString start(int sampleRate = 48000, int periodFrames = 256);
    void stop();

    QString name() const { return m_name; }
    double periodSeconds() const { return static_cast<double>(m_periodFrames) / m_sampleRate; }

private:
    QString launch(const QString &jackd, bool realtime);

    QProcess m_process;
    QString m_name;
    int m_sampleRate = 48000;
    int m_periodFrames = 256;
};

} // namespace tutti
// end of jackdummyserver.h
