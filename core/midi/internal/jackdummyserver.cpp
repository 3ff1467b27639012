// SPDX-License-Identifier: GPL-3.0-or-later
// jackdummyserver.cpp — starting jackd -d dummy under a unique name and waiting until it answers.
#include "midi/jackdummyserver.h"

#include "midiprobe.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tutti {

JackDummyServer::~JackDummyServer()
{
    stop();
}

QString JackDummyServer::start(int sampleRate, int periodFrames)
{
    stop();
    const QString jackd = QStandardPaths::findExecutable(u"jackd"_s);
    if (jackd.isEmpty())
        return u"jackd is not installed (Debian package jackd2)"_s;
    m_sampleRate = sampleRate;
    m_periodFrames = periodFrames;
    m_name = u"tutti-"_s + QString::number(QCoreApplication::applicationPid()) + u'-'
        + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // Real-time scheduling where allowed (root, or the audio group's limits) keeps the
    // server's cycle, and the MIDI clients' threads, on time on a busy machine; where the
    // server will not run that way, it runs without.
    QString problem = launch(jackd, true);
    if (!problem.isEmpty())
        problem = launch(jackd, false);
    if (!problem.isEmpty())
        return problem;
    qputenv("JACK_DEFAULT_SERVER", m_name.toUtf8());
    qputenv("TUTTI_MIDI_API", "jack");
    return {};
}

QString JackDummyServer::launch(const QString &jackd, bool realtime)
{
    QStringList arguments = {u"--name"_s, m_name, u"-d"_s, u"dummy"_s, u"-r"_s, QString::number(m_sampleRate),
                             u"-p"_s, QString::number(m_periodFrames)};
    if (!realtime)
        arguments.prepend(u"--no-realtime"_s);
    m_process.start(jackd, arguments);
    if (!m_process.waitForStarted(5000))
        return u"jackd did not start: "_s + m_process.errorString();
    const QDeadlineTimer deadline(10000);
    while (!midi::jackServerRunning(m_name)) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()) {
            const QString log = QString::fromLocal8Bit(m_process.readAll()).trimmed();
            stop();
            return u"the JACK dummy server did not come up: "_s + log.right(300);
        }
        QThread::msleep(20);
    }
    return {};
}

void JackDummyServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace tutti
// end of jackdummyserver.cpp
