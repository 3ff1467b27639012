// SPDX-License-Identifier: GPL-3.0-or-later
// generationbatch.h — K sequences decoded side by side: one KV cache per row, shared steps.
//
// Usage:
//   tutti::GenerationBatch batch(model, 4);                   // four caches, allocated once
//   batch.append(0, prompt);                                   // the prompt once, in one pass
//   for (int row = 1; row < 4; ++row) batch.copyRow(0, row);   // every candidate starts there
//   std::span<const tutti::EventLogits> next = batch.step(rows, sampled); // one event per row
//
// The model stays shared and read-only and must outlive the batch. A step runs the rows'
// events through IncrementalStep together: (K, D) matrix products read each weight once for
// all K rows. Rows may stand at different lengths (a finished candidate simply leaves the
// step's row list).
#pragma once

#include "generation/logitsource.h"
#include "model/transformermodel.h"

#include <memory>

namespace tutti {

class GenerationBatch final : public LogitBatch
{
public:
    GenerationBatch(const TransformerModel &model, int rows);
    ~GenerationBatch() override;

    int rows() const override;
    int capacity() const override;
    int length(int row) const override;
    void reset() override;
    void resetRow(int row) override;
    const EventLogits &append(int row, std::span<const Event> events) override;
    void copyRow(int from, int to) override;
    std::span<const EventLogits> step(std::span<const int> rowIndices, std::span<const Event> events) override;

private:
    std::unique_ptr<LogitBatch> m_batch; // made by the model library (modelplugin.h)
};

} // namespace tutti
// end of generationbatch.h
