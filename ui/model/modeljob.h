// SPDX-License-Identifier: GPL-3.0-or-later
// modeljob.h — work that needs the music model, run off the GUI thread, one at a time: the
// one place that waits for the model, starts the thread, posts results back and joins it.
//
// Usage:
//   auto *job = new ModelJob(loader, this);                          // a shared ModelLoader
//   connect(job, &ModelJob::failed, this, [](const QString &error) { ... }); // the model did not load
//   job->start([this, score](const TransformerModel &model, const ModelJob::Context &context) {
//       // on the worker thread: only copies, the read-only model and context
//       std::unique_ptr<LogitSource> session = ModelLoader::newSession(model);
//       Result r = compute(*session, score, context.cancelled);
//       context.post([this] { Q_EMIT progress(); });                // on the GUI thread, soon
//       return [this, r] { show(r); };                              // on the GUI thread, after the join
//   });
//   job->cancel();                                                   // see below
//
// The model loads on the first start(); the work waits for it, and a failed load drops the
// work and emits failed(). While a job runs, start() puts the work next in line; a newer
// start() replaces work still waiting (the latest request wins). cancel() drops waiting
// work and raises context.cancelled for the running one, which decides how soon to stop.
// What the work returns runs on the GUI thread once its thread has ended, then the next
// work starts. Destroying the job raises cancelled and waits for the thread; anything the
// thread posted dies with the job.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

class QThread;

namespace tutti {

class ModelLoader;
class TransformerModel;

class ModelJob final : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        const std::atomic<bool> &cancelled;
        std::function<void(std::function<void()>)> post; // runs a function on the GUI thread
    };
    using Done = std::function<void()>;
    using Work = std::function<Done(const TransformerModel &model, const Context &context)>;

    ModelJob(ModelLoader *loader, QObject *parent = nullptr);
    ~ModelJob() override;

    ModelLoader *loader() const { return m_loader; }
    void start(Work work);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    bool isWaiting() const { return m_next.has_value(); } // for the model, or for the running job
    bool isCancelled() const { return m_cancel.load(); }  // cancel() was called since the job started

Q_SIGNALS:
    void started(); // a thread began running work
    void failed(const QString &error);

private:
    void startNext();
    void finish(const Done &done);

    ModelLoader *m_loader;
    std::optional<Work> m_next;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace tutti
// end of modeljob.h
