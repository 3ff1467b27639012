// SPDX-License-Identifier: GPL-3.0-or-later
// modelloader.cpp — one background load, its result delivered back on the GUI thread.
#include "modelloader.h"

#include "model/generationbatch.h"
#include "model/generationsession.h"
#include "model/modellocation.h"
#include "model/personalization.h"
#include "model/transformermodel.h"

#include <QFileInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace tutti {

ModelLoader::ModelLoader(QObject *parent)
    : QObject(parent)
{
}

ModelLoader::ModelLoader(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_pathGiven(true)
{
}

ModelLoader::~ModelLoader()
{
    // The thread touches none of this object's members; its posted result dies with us.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ModelLoader::load()
{
    if (m_state == State::Loading || m_state == State::Ready)
        return;
    if (!m_pathGiven)
        m_path = defaultModelPath();
    if (m_path.isEmpty()) {
        finish(nullptr, noModelMessage(), {}, {});
        return;
    }
    m_state = State::Loading;
    m_error.clear();
    Q_EMIT stateChanged(m_state);
    const QString path = m_path;
    m_thread = QThread::create([this, path] {
        QString error;
        std::shared_ptr<const TransformerModel> model = TransformerModel::load(path, error);
        if (!model)
            error = u"Could not load the music model: "_s + error;
        QString indexError;
        const QString indexPath = modelIndexPath(path);
        const OriginalityIndex index = indexPath.isEmpty() ? OriginalityIndex()
                                                           : OriginalityIndex::load(indexPath, indexError);
        if (indexPath.isEmpty())
            indexError = u"no %1 beside the model"_s.arg(QString::fromUtf16(originalityIndexFileName));
        QMetaObject::invokeMethod(
            this, [this, model, error, index, indexError] { finish(model, error, index, indexError); },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

bool ModelLoader::setPath(const QString &path)
{
    if (m_state == State::Loading)
        return false;
    m_path = path;
    m_pathGiven = !path.isEmpty();
    m_model.reset();
    m_index = OriginalityIndex();
    m_state = State::Idle;
    Q_EMIT stateChanged(m_state);
    return true;
}

void ModelLoader::finish(std::shared_ptr<const TransformerModel> model, const QString &error,
                         const OriginalityIndex &index, const QString &indexError)
{
    if (m_thread) {
        m_thread->wait(); // it posted this as its last act
        delete m_thread;
        m_thread = nullptr;
    }
    if (!model) {
        m_state = State::Failed;
        m_error = error;
        Q_EMIT stateChanged(m_state);
        Q_EMIT failed(m_error);
        return;
    }
    m_model = std::move(model);
    m_index = index;
    m_indexError = indexError;
    m_state = State::Ready;
    Q_EMIT stateChanged(m_state);
    Q_EMIT loaded();
}

QString ModelLoader::description() const
{
    const QString name = m_path.isEmpty() ? QString::fromUtf16(modelFileName) : QFileInfo(m_path).fileName();
    switch (m_state) {
    case State::Idle:
        return u"Model: %1 (loads at the first Generate)"_s.arg(name);
    case State::Loading:
        return u"Model: loading %1..."_s.arg(name);
    case State::Ready:
        return u"Model: %1, %2 M parameters"_s.arg(name).arg(m_model->parameterCount() / 1e6, 0, 'f', 1);
    case State::Failed:
        return m_error;
    }
    return {};
}

QString ModelLoader::originalityDescription() const
{
    if (m_state != State::Ready)
        return {};
    if (m_index.isEmpty())
        return u"Originality check off: "_s + (m_indexError.isEmpty() ? u"the index is empty"_s : m_indexError);
    return u"Originality check: %1 training pieces, %2 k notes"_s.arg(m_index.pieceCount()).arg(m_index.noteCount() / 1000);
}

std::unique_ptr<LogitSource> ModelLoader::newSession(const TransformerModel &model)
{
    return std::make_unique<GenerationSession>(model);
}

std::unique_ptr<LogitBatch> ModelLoader::newBatch(const TransformerModel &model, int rows)
{
    return std::make_unique<GenerationBatch>(model, rows);
}

const AttentionSource &ModelLoader::attentionOf(const TransformerModel &model)
{
    return model;
}

} // namespace tutti
// end of modelloader.cpp
