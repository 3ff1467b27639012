// SPDX-License-Identifier: GPL-3.0-or-later
// teachingrunner.h — records a suggestion step by step for the teaching view, off the GUI
// thread (core/generation/teachingrun.h does the work).
//
// Usage:
//   auto *runner = new TeachingRunner(loader, this);                   // a shared ModelLoader
//   connect(runner, &TeachingRunner::finished, this, [](std::shared_ptr<const TeachingRun> run) { ... });
//   runner->start(teachingRequest(score, suggestionsForm.request(), 32));
//   runner->cancel();                                                   // keeps what was written
//
// The model loads on first use. progress() reports notes written so far.
#pragma once

#include "generation/teachingrun.h"

#include <QObject>

#include <memory>

namespace tutti {

class ModelJob;
class ModelLoader;

class TeachingRunner final : public QObject
{
    Q_OBJECT

public:
    TeachingRunner(ModelLoader *loader, QObject *parent = nullptr);

    bool isRunning() const; // recording, or waiting for the model to do so
    void start(TeachingRequest request); // ignored while running
    void cancel();

Q_SIGNALS:
    void progress(int notesWritten, int notesWanted);
    void finished(std::shared_ptr<const tutti::TeachingRun> run);
    void failed(const QString &error);

private:
    ModelJob *m_job;
};

} // namespace tutti
// end of teachingrunner.h
