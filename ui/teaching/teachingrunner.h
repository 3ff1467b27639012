// teachingrunner.h — records a generation for the teaching view on a worker thread.
//
// Usage:
//   auto *runner = new TeachingRunner(loader, this);                   // a shared ModelLoader
//   connect(runner, &TeachingRunner::finished, this, [](std::shared_ptr<const TeachingRun> run) { ... });
//   runner->start(teachingRequest(score, begin, end, 32, seed));
//   runner->cancel();                                                   // keeps what was written
//
// The model loads on first use. progress() reports notes written so far.
#pragma once

#include "teachingrun.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace tutti {

class ModelLoader;

class TeachingRunner final : public QObject
{
    Q_OBJECT

public:
    TeachingRunner(ModelLoader *loader, QObject *parent = nullptr);
    ~TeachingRunner() override; // cancels and waits for a run in progress

    bool isRunning() const { return m_thread != nullptr || m_waiting.has_value(); }
    void start(TeachingRequest request); // ignored while running
    void cancel();

Q_SIGNALS:
    void progress(int notesWritten, int notesWanted);
    void finished(std::shared_ptr<const tutti::TeachingRun> run);
    void failed(const QString &error);

private:
    void run(TeachingRequest request);
    void finish(std::shared_ptr<const TeachingRun> run);

    ModelLoader *m_loader;
    std::optional<TeachingRequest> m_waiting; // for the model to load
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel = false;
};

} // namespace tutti
// end of teachingrunner.h
