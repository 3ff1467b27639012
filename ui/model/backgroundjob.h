// SPDX-License-Identifier: GPL-3.0-or-later
// backgroundjob.h — runs one long core computation (fine-tuning, opt-out) off the GUI thread.
//
// Usage:
//   auto *job = new BackgroundJob(this);
//   connect(job, &BackgroundJob::progressed, bar, [bar](int done, int total) { ... });
//   connect(job, &BackgroundJob::finished, this, [](const QString &error) { ... });
//   job->start([job](BackgroundJob::Reporter &reporter) {
//       return tutti::personalize(options, {reporter.log, reporter.progress, reporter.stopRequested}, report);
//   });
//   job->cancel();   // stopRequested() turns true; the work returns at its next step
//
// The reporter's callbacks may be called from the worker thread: they arrive as queued
// signals. finished() comes once, with the work's error (empty on success).
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace tutti {

class BackgroundJob final : public QObject
{
    Q_OBJECT

public:
    struct Reporter
    {
        std::function<void(const QString &line)> log;
        std::function<void(int done, int total)> progress;
        std::function<bool()> stopRequested;
    };

    explicit BackgroundJob(QObject *parent = nullptr);
    ~BackgroundJob() override; // cancels and waits for a running job

    // False while another job runs.
    bool start(std::function<QString(Reporter &reporter)> work);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void logged(const QString &line);
    void progressed(int done, int total);
    void finished(const QString &error);

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace tutti
// end of backgroundjob.h
