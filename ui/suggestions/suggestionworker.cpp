// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionworker.cpp — the run's body on the job's thread, its signals on the GUI thread.
#include "suggestionworker.h"

#include "model/modeljob.h"
#include "model/modelloader.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace tutti {

SuggestionWorker::SuggestionWorker(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_job(new ModelJob(loader, this))
{
    connect(m_job, &ModelJob::started, this, &SuggestionWorker::started);
    connect(m_job, &ModelJob::failed, this, [this](const QString &error) { Q_EMIT finished(false, error); });
}

bool SuggestionWorker::isRunning() const
{
    return m_job->isRunning() || m_job->isWaiting();
}

bool SuggestionWorker::start(const Score &score, const SuggestionRequest &request)
{
    if (isRunning())
        return false;
    m_cancelLatencyMs = -1;
    // The work reads only its own copies and the shared read-only model; it reaches this
    // object only through posted calls, which die with the job.
    m_job->start([this, score, request](const TransformerModel &model, const ModelJob::Context &context) -> ModelJob::Done {
        const std::unique_ptr<LogitBatch> batch = ModelLoader::newBatch(model, request.candidates);
        int lastPercent = -1;
        // The candidates run side by side: the run is as far as their mean.
        std::vector<double> fractions(static_cast<std::size_t>(std::max(1, request.candidates)), 0.0);
        SuggestionCallbacks callbacks;
        callbacks.cancelled = [&context] { return context.cancelled.load(std::memory_order_relaxed); };
        callbacks.progress = [this, &context, &lastPercent, &fractions](int candidate, int, double fraction) {
            fractions.at(static_cast<std::size_t>(candidate)) = fraction;
            const double sum = std::accumulate(fractions.begin(), fractions.end(), 0.0);
            const int percent = static_cast<int>(100.0 * sum / static_cast<double>(fractions.size()));
            if (percent != lastPercent) { // a post per percent, not per event
                lastPercent = percent;
                context.post([this, percent] { Q_EMIT progress(percent); });
            }
        };
        callbacks.candidateReady = [this, &context](int candidate, const Suggestion &suggestion) {
            context.post([this, candidate, suggestion] { Q_EMIT candidateReady(candidate, suggestion); });
        };
        const SuggestionResult result = suggest(*batch, score, request, callbacks);
        return [this, cancelled = result.cancelled, error = result.error] {
            if (m_job->isCancelled())
                m_cancelLatencyMs = m_sinceCancel.elapsed();
            Q_EMIT finished(cancelled, error);
        };
    });
    return true;
}

void SuggestionWorker::cancel()
{
    if (!isRunning())
        return;
    if (!m_job->isRunning()) { // still waiting for the model: nothing runs yet
        m_job->cancel();
        Q_EMIT finished(true, {});
        return;
    }
    if (m_job->isCancelled())
        return;
    m_sinceCancel.start();
    m_job->cancel();
}

} // namespace tutti
// end of suggestionworker.cpp
