// SPDX-License-Identifier: GPL-3.0-or-later
// teachingrunner.cpp — one recording at a time, on a ModelJob's thread.
#include "teachingrunner.h"

#include "model/modeljob.h"
#include "model/modelloader.h"

namespace tutti {

TeachingRunner::TeachingRunner(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_job(new ModelJob(loader, this))
{
    connect(m_job, &ModelJob::failed, this, &TeachingRunner::failed);
}

bool TeachingRunner::isRunning() const
{
    return m_job->isRunning() || m_job->isWaiting();
}

void TeachingRunner::start(TeachingRequest request)
{
    if (isRunning())
        return;
    m_job->start([this, request = std::move(request)](const TransformerModel &model, const ModelJob::Context &context) -> ModelJob::Done {
        const std::unique_ptr<LogitSource> session = ModelLoader::newSession(model);
        const int wanted = request.notes;
        auto run = std::make_shared<const TeachingRun>(
            recordSuggestion(*session, request, context.cancelled, [this, &context, wanted](int written) {
                context.post([this, written, wanted] { Q_EMIT progress(written, wanted); });
            }));
        return [this, run] { Q_EMIT finished(run); };
    });
}

void TeachingRunner::cancel()
{
    m_job->cancel();
}

} // namespace tutti
// end of teachingrunner.cpp
