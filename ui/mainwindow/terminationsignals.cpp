// SPDX-License-Identifier: GPL-3.0-or-later
// terminationsignals.cpp — the self-pipe between the signal handler and the event loop.
#include "terminationsignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tutti {

namespace {

int sockets[2] = {-1, -1}; // [0] written by the handler, [1] read by the notifier
struct sigaction previousTerm;
struct sigaction previousInt;

void handle(int signal)
{
    const char byte = static_cast<char>(signal);
    const int saved = errno;
    [[maybe_unused]] const ssize_t written = ::write(sockets[0], &byte, 1);
    errno = saved;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
        return;
    ::fcntl(sockets[0], F_SETFL, O_NONBLOCK); // a handler must never block on a full socket
    m_notifier = new QSocketNotifier(sockets[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(sockets[1], &byte, 1) == 1)
            Q_EMIT received(static_cast<int>(byte));
    });
    struct sigaction action = {};
    action.sa_handler = handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, &previousTerm);
    ::sigaction(SIGINT, &action, &previousInt);
    // A signal ignored when Tutti started (SIGINT of a job started in the background) stays so.
    if (previousTerm.sa_handler == SIG_IGN)
        ::sigaction(SIGTERM, &previousTerm, nullptr);
    if (previousInt.sa_handler == SIG_IGN)
        ::sigaction(SIGINT, &previousInt, nullptr);
}

TerminationSignals::~TerminationSignals()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGTERM, &previousTerm, nullptr);
    ::sigaction(SIGINT, &previousInt, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    ::close(sockets[0]);
    ::close(sockets[1]);
    sockets[0] = sockets[1] = -1;
}

} // namespace tutti
// end of terminationsignals.cpp
