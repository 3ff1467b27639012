// SPDX-License-Identifier: GPL-3.0-or-later
// modeljob.cpp — waiting for the model, one worker thread, the hand-back to the GUI thread.
#include "modeljob.h"

#include "modelloader.h"

#include <QThread>

#include <memory>

namespace tutti {

ModelJob::ModelJob(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
{
    connect(loader, &ModelLoader::loaded, this, &ModelJob::startNext);
    connect(loader, &ModelLoader::failed, this, [this](const QString &error) {
        if (!m_next)
            return;
        m_next.reset();
        Q_EMIT failed(error);
    });
}

ModelJob::~ModelJob()
{
    // The thread reads only its own copies, the shared read-only model and m_cancel.
    m_cancel.store(true);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ModelJob::start(Work work)
{
    m_next = std::move(work);
    if (m_loader->state() == ModelLoader::State::Ready)
        startNext();
    else
        m_loader->load(); // startNext() follows loaded(); a failure reports failed()
}

void ModelJob::cancel()
{
    m_next.reset();
    m_cancel.store(true);
}

void ModelJob::startNext()
{
    if (m_thread || !m_next)
        return;
    const std::shared_ptr<const TransformerModel> model = m_loader->model();
    if (!model)
        return;
    m_cancel.store(false);
    m_thread = QThread::create([this, model, work = std::move(*m_next)] {
        const Context context{m_cancel, [this](std::function<void()> call) {
                                  QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
                              }};
        Done done = work(*model, context);
        QMetaObject::invokeMethod(this, [this, done = std::move(done)] { finish(done); }, Qt::QueuedConnection);
    });
    m_next.reset();
    m_thread->start();
    Q_EMIT started();
}

void ModelJob::finish(const Done &done)
{
    m_thread->wait(); // posting this was its last act
    delete m_thread;
    m_thread = nullptr;
    if (done)
        done();
    startNext();
}

} // namespace tutti
// end of modeljob.cpp
