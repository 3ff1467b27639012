// SPDX-License-Identifier: GPL-3.0-or-later
// modeljob.h — the one background model job: work on the music model (suggestions, attention,
// teaching) or on model files (fine-tuning, opt-out), run off the GUI thread one at a time;
// the one place that waits for the model, starts the thread, posts results back and joins it.
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
//   auto *files = new ModelJob(nullptr, this);                       // work that reads its own files
//   connect(files, &ModelJob::progressed, bar, [bar](int done, int total) { ... });
//   connect(files, &ModelJob::logged, text, &QPlainTextEdit::appendPlainText);
//   files->run([options](const ModelJob::Context &context) -> ModelJob::Done {
//       QString error = tutti::personalize(options, {context.log, context.progress,
//                                          [&context] { return context.stopRequested(); }}, report);
//       return [error, report] { show(error, report); };
//   });
//
// start() needs a loader: the model loads on the first start(); the work waits for it, and a
// failed load drops the work and emits failed(). run() needs no model and starts at once
// when nothing runs. While a job runs, start() and run() put the work next in line; newer
// work replaces work still waiting (the latest request wins). cancel() drops waiting work
// and raises context.cancelled for the running one, which decides how soon to stop. What the
// work returns runs on the GUI thread once its thread has ended, then the next work starts.
// Destroying the job raises cancelled and waits for the thread; anything the thread posted
// dies with the job.
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
        std::function<void(const QString &line)> log;     // emits logged() on the GUI thread
        std::function<void(int done, int total)> progress; // emits progressed() on the GUI thread
        bool stopRequested() const { return cancelled.load(); }
    };
    using Done = std::function<void()>;
    using Work = std::function<Done(const TransformerModel &model, const Context &context)>;
    using Task = std::function<Done(const Context &context)>;

    explicit ModelJob(ModelLoader *loader, QObject *parent = nullptr); // loader may be null: run() only
    ~ModelJob() override;

    ModelLoader *loader() const { return m_loader; }
    void start(Work work);
    void run(Task task);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    bool isWaiting() const { return m_next.has_value(); } // for the model, or for the running job
    bool isCancelled() const { return m_cancel.load(); }  // cancel() was called since the job started

Q_SIGNALS:
    void started(); // a thread began running work
    void failed(const QString &error);
    void logged(const QString &line);
    void progressed(int done, int total);

private:
    struct Pending
    {
        bool needsModel = false;
        std::function<Done(const TransformerModel *model, const Context &context)> work;
    };

    void startNext();
    void finish(const Done &done);

    ModelLoader *m_loader;
    std::optional<Pending> m_next;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace tutti
// end of modeljob.h
