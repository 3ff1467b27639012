// attentioncomputer.h — runs the model's attention over a score on a worker thread.
//
// Usage:
//   auto *computer = new AttentionComputer(loader, this);   // a shared ModelLoader
//   connect(computer, &AttentionComputer::ready, this, [](std::shared_ptr<const AttentionSnapshot> s) { ... });
//   computer->request(document->score(), options);           // the latest request wins
//
// One computation runs at a time (about a second for 1,024 events on one core); a request
// made meanwhile waits, and a newer one replaces it. The model loads on first use. The
// score is copied, so the document may change while the worker runs.
#pragma once

#include "attentionsnapshot.h"

#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace tutti {

class ModelLoader;

class AttentionComputer final : public QObject
{
    Q_OBJECT

public:
    AttentionComputer(ModelLoader *loader, QObject *parent = nullptr);
    ~AttentionComputer() override; // waits for a computation in progress

    void request(const Score &score, const EncodeOptions &options);
    bool isBusy() const { return m_thread != nullptr; }

Q_SIGNALS:
    void started();
    void ready(std::shared_ptr<const tutti::AttentionSnapshot> snapshot);
    void failed(const QString &error);

private:
    struct Request
    {
        Score score;
        EncodeOptions options;
    };

    void startNext();
    void finish(std::shared_ptr<const AttentionSnapshot> snapshot);

    ModelLoader *m_loader;
    std::optional<Request> m_pending;
    QThread *m_thread = nullptr;
};

} // namespace tutti
// end of attentioncomputer.h
