// SPDX-License-Identifier: GPL-3.0-or-later
// generationforwarders.cpp — GenerationSession and GenerationBatch in tutti_core: each holds
// the model library's session or batch (generationsession.cpp, generationbatch.cpp there).
#include "model/generationbatch.h"
#include "model/generationsession.h"

#include "model/internal/modelplugin.h"

namespace tutti {

GenerationSession::GenerationSession(const TransformerModel &model, KvCacheMode mode)
    : m_source(loadedModelPlugin().session(model, mode))
{
}

GenerationSession::~GenerationSession() = default;

int GenerationSession::capacity() const
{
    return m_source->capacity();
}

int GenerationSession::length() const
{
    return m_source->length();
}

void GenerationSession::reset()
{
    m_source->reset();
}

const EventLogits &GenerationSession::append(std::span<const Event> events)
{
    return m_source->append(events);
}

GenerationBatch::GenerationBatch(const TransformerModel &model, int rows)
    : m_batch(loadedModelPlugin().batch(model, rows))
{
}

GenerationBatch::~GenerationBatch() = default;

int GenerationBatch::rows() const
{
    return m_batch->rows();
}

int GenerationBatch::capacity() const
{
    return m_batch->capacity();
}

int GenerationBatch::length(int row) const
{
    return m_batch->length(row);
}

void GenerationBatch::reset()
{
    m_batch->reset();
}

void GenerationBatch::resetRow(int row)
{
    m_batch->resetRow(row);
}

const EventLogits &GenerationBatch::append(int row, std::span<const Event> events)
{
    return m_batch->append(row, events);
}

void GenerationBatch::copyRow(int from, int to)
{
    m_batch->copyRow(from, to);
}

std::span<const EventLogits> GenerationBatch::step(std::span<const int> rowIndices, std::span<const Event> events)
{
    return m_batch->step(rowIndices, events);
}

} // namespace tutti
// end of generationforwarders.cpp
