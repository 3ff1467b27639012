// teachingrunner.cpp — one generation at a time, off the GUI thread.
#include "teachingrunner.h"

#include "model/generationsession.h"
#include "suggestions/modelloader.h"

#include <QThread>

namespace tutti {

TeachingRunner::TeachingRunner(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
{
    connect(loader, &ModelLoader::loaded, this, [this] {
        if (m_waiting) {
            TeachingRequest request = std::move(*m_waiting);
            m_waiting.reset();
            run(std::move(request));
        }
    });
    connect(loader, &ModelLoader::failed, this, [this](const QString &error) {
        if (m_waiting) {
            m_waiting.reset();
            Q_EMIT failed(error);
        }
    });
}

TeachingRunner::~TeachingRunner()
{
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void TeachingRunner::start(TeachingRequest request)
{
    if (isRunning())
        return;
    if (m_loader->state() == ModelLoader::State::Ready) {
        run(std::move(request));
        return;
    }
    m_waiting = std::move(request);
    m_loader->load();
}

void TeachingRunner::cancel()
{
    m_cancel = true;
    m_waiting.reset();
}

void TeachingRunner::run(TeachingRequest request)
{
    const std::shared_ptr<const TransformerModel> model = m_loader->model();
    m_cancel = false;
    m_thread = QThread::create([this, model, request = std::move(request)] {
        GenerationSession session(*model);
        const int wanted = request.notes;
        auto result = std::make_shared<const TeachingRun>(recordGeneration(session, request, m_cancel, [this, wanted](int written) {
            QMetaObject::invokeMethod(this, [this, written, wanted] { Q_EMIT progress(written, wanted); }, Qt::QueuedConnection);
        }));
        QMetaObject::invokeMethod(this, [this, result] { finish(result); }, Qt::QueuedConnection);
    });
    m_thread->start();
}

void TeachingRunner::finish(std::shared_ptr<const TeachingRun> run)
{
    m_thread->wait(); // it posted this as its last act
    delete m_thread;
    m_thread = nullptr;
    Q_EMIT finished(std::move(run));
}

} // namespace tutti
// end of teachingrunner.cpp
