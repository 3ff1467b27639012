// attentioncomputer.cpp — one worker thread at a time, results posted back to the GUI thread.
#include "attentioncomputer.h"

#include "suggestions/modelloader.h"

#include <QThread>

namespace tutti {

AttentionComputer::AttentionComputer(ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
{
    connect(loader, &ModelLoader::loaded, this, &AttentionComputer::startNext);
    connect(loader, &ModelLoader::failed, this, [this](const QString &error) {
        if (m_pending) {
            m_pending.reset();
            Q_EMIT failed(error);
        }
    });
}

AttentionComputer::~AttentionComputer()
{
    // The thread reads only its own copies; what it posts dies with this object.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void AttentionComputer::request(const Score &score, const EncodeOptions &options)
{
    m_pending = Request{score, options};
    if (m_loader->state() == ModelLoader::State::Ready)
        startNext();
    else
        m_loader->load(); // startNext() follows loaded(); a failure reports failed()
}

void AttentionComputer::startNext()
{
    if (m_thread || !m_pending)
        return;
    const std::shared_ptr<const TransformerModel> model = m_loader->model();
    if (!model)
        return;
    m_thread = QThread::create([this, model, request = std::move(*m_pending)] {
        auto snapshot = std::make_shared<const AttentionSnapshot>(
            computeAttentionSnapshot(*model, request.score, request.options));
        QMetaObject::invokeMethod(this, [this, snapshot] { finish(snapshot); }, Qt::QueuedConnection);
    });
    m_pending.reset();
    m_thread->start();
    Q_EMIT started();
}

void AttentionComputer::finish(std::shared_ptr<const AttentionSnapshot> snapshot)
{
    m_thread->wait(); // it posted this as its last act
    delete m_thread;
    m_thread = nullptr;
    if (m_pending) { // the score changed meanwhile: this result is already old
        startNext();
        return;
    }
    Q_EMIT ready(std::move(snapshot));
}

} // namespace tutti
// end of attentioncomputer.cpp
