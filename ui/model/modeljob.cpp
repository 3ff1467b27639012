// SPDX-License-Identifier: GPL-3.0-or-later
// modeljob.cpp — waiting for the model, one worker thread, the hand-back to the GUI thread.
#include "modeljob.h"

#include "modelloader.h"

#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace tutti {

ModelJob::ModelJob(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
{
    if (!loader)
        return;
    connect(loader, &ModelLoader::loaded, this, &ModelJob::startNext);
    connect(loader, &ModelLoader::failed, this, [this](const QString &error) {
        if (!m_next || !m_next->needsModel)
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
    if (!m_loader) {
        m_next.reset();
        Q_EMIT failed(u"no model to run on"_s);
        return;
    }
    m_next = Pending{true, [work = std::move(work)](const TransformerModel *model, const Context &context) {
                         return work(*model, context);
                     }};
    if (m_loader->state() == ModelLoader::State::Ready)
        startNext();
    else
        m_loader->load(); // startNext() follows loaded(); a failure reports failed()
}

void ModelJob::run(Task task)
{
    m_next = Pending{false, [task = std::move(task)](const TransformerModel *, const Context &context) {
                         return task(context);
                     }};
    startNext();
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
    std::shared_ptr<const TransformerModel> model;
    if (m_next->needsModel) {
        model = m_loader->model();
        if (!model)
            return;
    }
    m_cancel.store(false);
    m_thread = QThread::create([this, model, work = std::move(m_next->work)] {
        const auto post = [this](std::function<void()> call) {
            QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
        };
        const Context context{m_cancel, post, [this, post](const QString &line) { post([this, line] { Q_EMIT logged(line); }); },
                              [this, post](int done, int total) { post([this, done, total] { Q_EMIT progressed(done, total); }); }};
        Done done = work(model.get(), context);
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
