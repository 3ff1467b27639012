// SPDX-License-Identifier: GPL-3.0-or-later
// attentioncomputer.h — runs the model's attention over a score on a worker thread.
//
// Usage:
//   auto *computer = new AttentionComputer(loader, this);   // a shared ModelLoader
//   connect(computer, &AttentionComputer::ready, this, [](std::shared_ptr<const AttentionSnapshot> s) { ... });
//   computer->request(document->score(), options);           // the latest request wins
//
// One computation runs at a time (about a second for 1,024 events on one core); a request
// made meanwhile waits, and a newer one replaces it. The model loads on first use. The
// score is copied, so the document may change while the worker runs. The work itself is
// computeAttentionSnapshot() (core/analysis/attentionsnapshot.h).
#pragma once

#include "analysis/attentionsnapshot.h"

#include <QObject>

#include <memory>

namespace tutti {

class ModelJob;
class ModelLoader;

class AttentionComputer final : public QObject
{
    Q_OBJECT

public:
    AttentionComputer(ModelLoader *loader, QObject *parent = nullptr);

    void request(const Score &score, const EncodeOptions &options);
    bool isBusy() const;

Q_SIGNALS:
    void started();
    void ready(std::shared_ptr<const tutti::AttentionSnapshot> snapshot);
    void failed(const QString &error);

private:
    ModelJob *m_job;
};

} // namespace tutti
// end of attentioncomputer.h
