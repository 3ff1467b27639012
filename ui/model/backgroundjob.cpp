// SPDX-License-Identifier: GPL-3.0-or-later
// backgroundjob.cpp — a worker thread with queued progress, log and finish signals.
#include "model/backgroundjob.h"

#include <QThread>

namespace tutti {

BackgroundJob::BackgroundJob(QObject *parent)
    : QObject(parent)
{
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread; // its finish event, queued to this object, dies with it
    }
}

bool BackgroundJob::start(std::function<QString(Reporter &reporter)> work)
{
    if (m_thread)
        return false;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancelled = m_cancelled;
    m_thread = QThread::create([this, cancelled, work = std::move(work)] {
        Reporter reporter;
        reporter.log = [this](const QString &line) {
            QMetaObject::invokeMethod(this, [this, line] { Q_EMIT logged(line); }, Qt::QueuedConnection);
        };
        reporter.progress = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progressed(done, total); }, Qt::QueuedConnection);
        };
        reporter.stopRequested = [cancelled] { return cancelled->load(); };
        const QString error = work(reporter);
        QMetaObject::invokeMethod(this, [this, error] {
            if (m_thread) {
                m_thread->wait();
                m_thread->deleteLater();
                m_thread = nullptr;
            }
            Q_EMIT finished(error);
        }, Qt::QueuedConnection);
    });
    m_thread->start();
    return true;
}

void BackgroundJob::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

} // namespace tutti
// end of backgroundjob.cpp
