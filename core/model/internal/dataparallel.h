// SPDX-License-Identifier: GPL-3.0-or-later
// dataparallel.h — one training process among several: LibTorch's c10d Gloo process group.
//
// Usage (trainer.cpp):
//   QString error;
//   std::unique_ptr<tutti::DataParallel> group = tutti::DataParallel::join(options.parallel, error);
//   if (!group) fail(error);
//   ... backward ...
//   if (QString lost = group->sum(flatGradients); !lost.isEmpty()) fail(lost);
//
// Rank 0 serves a c10d TCPStore at host:port; every rank finds the others through it and
// then sums tensors with ProcessGroupGloo's all-reduce (no networking of our own). With a
// world of one process every call does nothing. A rank that dies closes its connections,
// so the others' next sum fails at once with an error naming the lost peer; one that hangs
// is given up after its timeout.
#pragma once

#include "model/trainer.h"

#include <QString>

#include <torch/torch.h>

#include <memory>

namespace tutti {

class DataParallel
{
public:
    // Null with `error` set when the group cannot form (a bad address, a rank that never
    // came within the timeout).
    static std::unique_ptr<DataParallel> join(const TrainingGroupOptions &options, QString &error);
    ~DataParallel();

    int rank() const { return m_rank; }
    int worldSize() const { return m_worldSize; }

    // Sums a contiguous tensor over every rank, in place. Empty on success; otherwise why
    // the group broke (after which the process should stop).
    QString sum(torch::Tensor &tensor);

private:
    struct Group;
    DataParallel() = default;
    int m_rank = 0;
    int m_worldSize = 1;
    std::unique_ptr<Group> m_group; // null for a world of one
};

} // namespace tutti
// end of dataparallel.h
