// suggestionworker.cpp — the worker thread's body and the hand-over back to the GUI thread.
#include "suggestionworker.h"

#include "model/generationsession.h"
#include "model/transformermodel.h"

#include <QThread>

#include <algorithm>

namespace tutti {

SuggestionWorker::SuggestionWorker(QObject *parent)
    : QObject(parent)
{
}

SuggestionWorker::~SuggestionWorker()
{
    if (m_thread) {
        m_cancel.store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool SuggestionWorker::start(std::shared_ptr<const TransformerModel> model, const Score &score,
                             const SuggestionRequest &request)
{
    if (m_thread || !model)
        return false;
    m_cancel.store(false);
    m_cancelLatencyMs = -1;
    // The thread reads only its own copies, the shared read-only model and m_cancel; it
    // reaches this object only through posted calls, which die with it.
    m_thread = QThread::create([this, model, score, request] {
        GenerationSession session(*model);
        int lastPercent = -1;
        SuggestionCallbacks callbacks;
        callbacks.cancelled = [this] { return m_cancel.load(std::memory_order_relaxed); };
        callbacks.progress = [this, &lastPercent](int candidate, int candidates, double fraction) {
            const int percent = static_cast<int>(100.0 * (candidate + fraction) / std::max(1, candidates));
            if (percent != lastPercent) { // a post per percent, not per event
                lastPercent = percent;
                QMetaObject::invokeMethod(this, [this, percent] { Q_EMIT progress(percent); }, Qt::QueuedConnection);
            }
        };
        callbacks.candidateReady = [this](int candidate, const Suggestion &suggestion) {
            QMetaObject::invokeMethod(
                this, [this, candidate, suggestion] { Q_EMIT candidateReady(candidate, suggestion); },
                Qt::QueuedConnection);
        };
        SuggestionResult result = suggest(session, score, request, callbacks);
        result.candidates.clear(); // each came through candidateReady already
        QMetaObject::invokeMethod(this, [this, result] { finish(result); }, Qt::QueuedConnection);
    });
    m_thread->start();
    return true;
}

void SuggestionWorker::cancel()
{
    if (!m_thread || m_cancel.exchange(true))
        return;
    m_sinceCancel.start();
}

void SuggestionWorker::finish(const SuggestionResult &result)
{
    m_thread->wait(); // posting this was its last act
    delete m_thread;
    m_thread = nullptr;
    if (m_cancel.load())
        m_cancelLatencyMs = m_sinceCancel.elapsed();
    Q_EMIT finished(result.cancelled, result.error);
}

} // namespace tutti
// end of suggestionworker.cpp
