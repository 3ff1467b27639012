// SPDX-License-Identifier: GPL-3.0-or-later
// attentioncomputer.cpp — the latest request on a ModelJob's thread, its result on the GUI thread.
#include "attentioncomputer.h"

#include "model/modeljob.h"
#include "model/modelloader.h"

namespace tutti {

AttentionComputer::AttentionComputer(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_job(new ModelJob(loader, this))
{
    connect(m_job, &ModelJob::started, this, &AttentionComputer::started);
    connect(m_job, &ModelJob::failed, this, &AttentionComputer::failed);
}

bool AttentionComputer::isBusy() const
{
    return m_job->isRunning();
}

void AttentionComputer::request(const Score &score, const EncodeOptions &options)
{
    m_job->start([this, score, options](const TransformerModel &model, const ModelJob::Context &) -> ModelJob::Done {
        auto snapshot = std::make_shared<const AttentionSnapshot>(
            computeAttentionSnapshot(ModelLoader::attentionOf(model), score, options));
        return [this, snapshot] {
            if (!m_job->isWaiting()) // else the score changed meanwhile: this result is already old
                Q_EMIT ready(snapshot);
        };
    });
}

} // namespace tutti
// end of attentioncomputer.cpp
