// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionworker.h — runs tutti::suggest() on a ModelJob's thread, with its own session.
//
// Usage:
//   auto *worker = new SuggestionWorker(loader, this);                // a shared ModelLoader
//   connect(worker, &SuggestionWorker::candidateReady, tray, &Tray::add);
//   connect(worker, &SuggestionWorker::finished, this, [](bool cancelled, const QString &error) {...});
//   worker->start(document.score(), request);   // false while a run is going
//   worker->cancel();                           // the run stops within one event
//
// The model loads at the first start(); a load that fails ends the run with finished(false,
// error). The score and request are copied, so the user keeps editing meanwhile. Every
// signal is emitted on the GUI thread. Destroying the worker cancels a run and waits for
// its thread, so closing the window mid-run is safe.
#pragma once

#include "generation/suggestion.h"

#include <QElapsedTimer>
#include <QObject>

namespace tutti {

class ModelJob;
class ModelLoader;

class SuggestionWorker final : public QObject
{
    Q_OBJECT

public:
    SuggestionWorker(ModelLoader *loader, QObject *parent = nullptr);

    bool start(const Score &score, const SuggestionRequest &request);
    void cancel();
    bool isRunning() const; // generating, or waiting for the model to do so
    // Milliseconds from the last cancel() to the run's end; -1 before a cancelled run ends.
    qint64 lastCancelLatencyMs() const { return m_cancelLatencyMs; }

Q_SIGNALS:
    void started(); // the model is loaded and the run has begun
    void progress(int percent); // of the whole run, all candidates
    void candidateReady(int candidate, const tutti::Suggestion &suggestion);
    void finished(bool cancelled, const QString &error);

private:
    ModelJob *m_job;
    QElapsedTimer m_sinceCancel;
    qint64 m_cancelLatencyMs = -1;
};

} // namespace tutti
// end of suggestionworker.h
