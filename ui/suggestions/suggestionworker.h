// suggestionworker.h — runs tutti::suggest() on its own thread, with its own session.
//
// Usage:
//   auto *worker = new SuggestionWorker(this);
//   connect(worker, &SuggestionWorker::candidateReady, tray, &Tray::add);
//   connect(worker, &SuggestionWorker::finished, this, [](bool cancelled, const QString &error) {...});
//   worker->start(model, document.score(), request);   // false while a run is going
//   worker->cancel();                                  // the run stops within one event
//
// The score and request are copied, so the user keeps editing meanwhile. Every signal is
// emitted on the GUI thread (the worker posts them). Destroying the worker cancels a run
// and waits for its thread, so closing the window mid-run is safe.
#pragma once

#include "generation/suggestion.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace tutti {

class TransformerModel;

class SuggestionWorker final : public QObject
{
    Q_OBJECT

public:
    explicit SuggestionWorker(QObject *parent = nullptr);
    ~SuggestionWorker() override;

    bool start(std::shared_ptr<const TransformerModel> model, const Score &score, const SuggestionRequest &request);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    // Milliseconds from the last cancel() to the run's end; -1 before a cancelled run ends.
    qint64 lastCancelLatencyMs() const { return m_cancelLatencyMs; }

Q_SIGNALS:
    void progress(int percent); // of the whole run, all candidates
    void candidateReady(int candidate, const tutti::Suggestion &suggestion);
    void finished(bool cancelled, const QString &error);

private:
    void finish(const SuggestionResult &result);

    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    QElapsedTimer m_sinceCancel;
    qint64 m_cancelLatencyMs = -1;
};

} // namespace tutti
// end of suggestionworker.h
