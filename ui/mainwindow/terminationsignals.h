// SPDX-License-Identifier: GPL-3.0-or-later
// terminationsignals.h — SIGTERM and SIGINT (logout, shutdown, kill, Ctrl+C in the terminal)
// as a Qt signal, so that the GUI can close its window normally instead of dying.
//
// Usage (main.cpp):
//   auto *termination = new TerminationSignals(&app);
//   connect(termination, &TerminationSignals::received, window, &MainWindow::closeForShutdown);
//
// The handler only writes the signal's number to a socket pair (the one async-signal-safe
// path); a QSocketNotifier reads it in the GUI thread and emits received(). Only one instance
// may exist; its destructor puts the previous handlers back. A second signal while the first
// is being handled is reported too, so a slot must tolerate being called twice.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace tutti {

class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    bool isInstalled() const { return m_notifier != nullptr; } // false when the socket pair failed

Q_SIGNALS:
    void received(int signal); // SIGTERM or SIGINT

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tutti
// end of terminationsignals.h
