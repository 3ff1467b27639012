// SPDX-License-Identifier: GPL-3.0-or-later
// modelloader.h — loads the music transformer once, off the GUI thread, at first use.
//
// Usage:
//   auto *loader = new ModelLoader(this);              // finds the file when load() runs
//   connect(loader, &ModelLoader::loaded, this, [loader] { use(loader->model()); });
//   connect(loader, &ModelLoader::failed, this, [](const QString &error) { status(error); });
//   loader->load();                                    // again after a failure: retries
//
// Work on a worker thread (ModelJob) reaches the model through the two static bridges:
//   std::unique_ptr<LogitSource> session = ModelLoader::newSession(*loader->model());
//   const AttentionSource &attention = ModelLoader::attentionOf(*loader->model());
// This is the one file of ui/ that knows the model's type (its .cpp includes core/model);
// the docks see only the core interfaces the generators and the attention views take.
//
// The file is found by defaultModelPath() (core/model/modellocation.h) unless a path
// is given. A missing or unreadable file ends in failed() with a sentence for the user;
// nothing else in the application depends on the model.
//
// The originality index (tutti-corpus.index, found by defaultOriginalityIndexPath()) is
// loaded on the same thread: the candidate tray checks every suggestion against it. A
// personal or opted-out model brings its own index beside it (companionIndexPath), used instead. Without
// it suggestions still work; originalityDescription() says the check is off and why.
#pragma once

#include "analysis/originalityindex.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace tutti {

class AttentionSource;
class LogitBatch;
class LogitSource;
class TransformerModel;

class ModelLoader final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed,
    };

    explicit ModelLoader(QObject *parent = nullptr);
    ModelLoader(const QString &path, QObject *parent);
    ~ModelLoader() override; // waits for a load in progress (a fraction of a second)

    void load(); // does nothing while loading or once loaded
    // Another model file (empty: the default one) for the next load(): the current model is
    // dropped. False, changing nothing, while a load is in progress.
    bool setPath(const QString &path);
    State state() const { return m_state; }
    std::shared_ptr<const TransformerModel> model() const { return m_model; }
    QString path() const { return m_path; }   // empty until load() has looked for the file
    QString description() const;             // one line for the panel: file, size, state
    OriginalityIndex originalityIndex() const { return m_index; } // empty until loaded, or without a file
    QString originalityDescription() const;  // one line: the index's size, or why the check is off

    // A fresh decoding session (its own KV cache) of `model`; any thread.
    static std::unique_ptr<LogitSource> newSession(const TransformerModel &model);
    // `rows` sequences decoded side by side (the candidates of one request); any thread.
    static std::unique_ptr<LogitBatch> newBatch(const TransformerModel &model, int rows);
    // `model` as the attention views' source; any thread.
    static const AttentionSource &attentionOf(const TransformerModel &model);

Q_SIGNALS:
    void stateChanged(tutti::ModelLoader::State state);
    void loaded();
    void failed(const QString &error);

private:
    void finish(std::shared_ptr<const TransformerModel> model, const QString &error, const OriginalityIndex &index,
                const QString &indexError);

    QString m_path;
    bool m_pathGiven = false;
    State m_state = State::Idle;
    std::shared_ptr<const TransformerModel> m_model;
    QString m_error;
    OriginalityIndex m_index;
    QString m_indexError;
    QThread *m_thread = nullptr;
};

} // namespace tutti
// end of modelloader.h
