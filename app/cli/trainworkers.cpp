// SPDX-License-Identifier: GPL-3.0-or-later
// trainworkers.cpp — `tutti train --workers N`: N training processes on this machine.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <arpa/inet.h>
#include <atomic>
#include <csignal>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

std::atomic<bool> terminationSignalled = false;

void onTermination(int)
{
    terminationSignalled = true;
}

// A loopback port that nothing listens on now, for rank 0's rendezvous store: the kernel
// picks it for a socket bound to port 0, which is closed again at once.
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// The train command's arguments without --workers.
QStringList withoutWorkers(const QStringList &arguments)
{
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == u"--workers"_s) {
            ++i; // and its value
            continue;
        }
        if (!arguments[i].startsWith(u"--workers="_s))
            kept << arguments[i];
    }
    return kept;
}

} // namespace

int runTrainingWorkers(const QStringList &arguments, int workers, bool threadsGiven)
{
    const int port = freeLoopbackPort();
    if (port == 0) {
        err() << "tutti train: found no free loopback port for the workers' rendezvous\n";
        err().flush();
        return 1;
    }
    out() << "tutti train: " << workers << " workers, rendezvous at 127.0.0.1:" << port << "\n";
    out().flush();

    // Ctrl-C reaches every worker through the terminal's process group, and each stops with
    // a checkpoint; a SIGTERM to this process alone is passed on to them.
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, onTermination);
    std::vector<std::unique_ptr<QProcess>> ranks;
    for (int rank = 0; rank < workers; ++rank) {
        QStringList rankArguments = withoutWorkers(arguments);
        rankArguments << u"--rendezvous"_s << u"127.0.0.1:%1"_s.arg(port) << u"--rank"_s << QString::number(rank)
                      << u"--world-size"_s << QString::number(workers);
        if (!threadsGiven)
            rankArguments << u"--threads"_s << u"1"_s;
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedChannels);
        process->start(QCoreApplication::applicationFilePath(), rankArguments);
        ranks.push_back(std::move(process));
    }

    // Gloo makes the others fail at once when one dies; whatever still runs a minute after a
    // failure (a rank that never joined) is killed.
    int exitCode = 0;
    qint64 killAt = -1;
    QElapsedTimer clock;
    clock.start();
    bool terminationPassedOn = false;
    for (;;) {
        bool running = false;
        for (std::unique_ptr<QProcess> &process : ranks) {
            if (process->state() == QProcess::NotRunning)
                continue;
            process->waitForFinished(100);
            if (process->state() != QProcess::NotRunning) {
                running = true;
                continue;
            }
            const int code = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : 1;
            if (code != 0 && exitCode == 0) {
                exitCode = code;
                killAt = clock.elapsed() + 60'000;
            }
        }
        if (!running)
            break;
        if (terminationSignalled && !terminationPassedOn) {
            for (std::unique_ptr<QProcess> &process : ranks)
                process->terminate();
            terminationPassedOn = true;
        }
        if (killAt >= 0 && clock.elapsed() > killAt) {
            for (std::unique_ptr<QProcess> &process : ranks)
                process->kill();
        }
    }
    for (std::size_t rank = 0; rank < ranks.size(); ++rank) {
        if (ranks[rank]->error() == QProcess::FailedToStart) {
            err() << "tutti train: worker " << rank << " did not start: " << ranks[rank]->errorString() << "\n";
            exitCode = 1;
        }
    }
    err().flush();
    return exitCode;
}

} // namespace tutti::cli
// end of trainworkers.cpp
