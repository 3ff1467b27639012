// SPDX-License-Identifier: GPL-3.0-or-later
// lockstep.cpp — rows that sample on their own threads and wait; a caller that serves them together.
#include "lockstep.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tutti {
namespace {

// Thrown inside a waiting row when the run has failed elsewhere: it unwinds the row's work.
struct RunAborted
{
};

struct Rendezvous
{
    std::mutex mutex;
    std::condition_variable rowWaits; // the server waits on it
    std::condition_variable served;   // the rows wait on it
    int working = 0;                  // rows whose work has not returned
    int waiting = 0;                  // of them, those waiting for logits
    bool failed = false;
    std::exception_ptr error;         // the first failure, rethrown by run()
};

// One row as its work sees it. Everything but m_length is guarded by the rendezvous mutex.
class RowSource final : public LogitSource
{
public:
    RowSource(Rendezvous &rendezvous, int row, int capacity)
        : m_rendezvous(rendezvous), m_row(row), m_capacity(capacity)
    {
    }

    int capacity() const override { return m_capacity; }
    int length() const override { return m_length; }
    void reset() override
    {
        m_length = 0;
        m_fresh = true; // the row's cache is cleared when its next prompt is served
    }

    const EventLogits &append(std::span<const Event> events) override
    {
        std::unique_lock lock(m_rendezvous.mutex);
        if (m_rendezvous.failed)
            throw RunAborted{};
        m_request = events;
        m_waiting = true;
        ++m_rendezvous.waiting;
        m_rendezvous.rowWaits.notify_one();
        m_rendezvous.served.wait(lock, [this] { return !m_waiting || m_rendezvous.failed; });
        if (m_waiting)
            throw RunAborted{};
        m_length += static_cast<int>(events.size());
        return m_logits;
    }

    Rendezvous &m_rendezvous;
    const int m_row;
    const int m_capacity;
    int m_length = 0;
    bool m_fresh = true;
    bool m_waiting = false;
    std::span<const Event> m_request;
    EventLogits m_logits;
};

// The caller's side: everything every waiting row asked for, in one round.
class Server
{
public:
    Server(LogitBatch &batch, std::vector<std::unique_ptr<RowSource>> &rows)
        : m_batch(batch), m_rows(rows)
    {
        m_stepRows.reserve(rows.size());
        m_stepEvents.reserve(rows.size());
        m_prompted.reserve(rows.size());
    }

    void serveRound()
    {
        m_stepRows.clear();
        m_stepEvents.clear();
        m_prompted.clear();
        for (const std::unique_ptr<RowSource> &pointer : m_rows) {
            RowSource &row = *pointer;
            if (!row.m_waiting)
                continue;
            if (row.m_fresh || row.m_request.size() > 1)
                servePrompt(row);
            else {
                m_stepRows.push_back(row.m_row);
                m_stepEvents.push_back(row.m_request.front());
            }
        }
        if (!m_stepRows.empty()) {
            const std::span<const EventLogits> logits = m_batch.step(m_stepRows, m_stepEvents);
            for (std::size_t i = 0; i < m_stepRows.size(); ++i)
                m_rows[static_cast<std::size_t>(m_stepRows[i])]->m_logits = logits[i]; // same sizes: no allocation
        }
        for (const std::unique_ptr<RowSource> &row : m_rows)
            row->m_waiting = false;
    }

private:
    void servePrompt(RowSource &row)
    {
        const bool fromEmpty = row.m_fresh;
        if (row.m_fresh) {
            m_batch.resetRow(row.m_row);
            row.m_fresh = false;
        }
        const RowSource *same = nullptr;
        if (fromEmpty) {
            for (const RowSource *other : m_prompted) {
                if (std::equal(other->m_request.begin(), other->m_request.end(), row.m_request.begin(),
                               row.m_request.end())) {
                    same = other;
                    break;
                }
            }
        }
        if (same) {
            m_batch.copyRow(same->m_row, row.m_row);
            row.m_logits = same->m_logits;
        } else {
            row.m_logits = m_batch.append(row.m_row, row.m_request);
        }
        if (fromEmpty)
            m_prompted.push_back(&row);
    }

    LogitBatch &m_batch;
    std::vector<std::unique_ptr<RowSource>> &m_rows;
    std::vector<int> m_stepRows;
    std::vector<Event> m_stepEvents;
    std::vector<const RowSource *> m_prompted; // rows given a prompt from empty this round
};

} // namespace

Lockstep::Lockstep(LogitBatch &batch)
    : m_batch(batch)
{
}

void Lockstep::run(int rows, const std::function<void(int row, LogitSource &source)> &work)
{
    if (rows <= 0)
        return;
    if (rows > m_batch.rows())
        throw std::invalid_argument("Lockstep::run: more rows than the batch has");
    m_batch.reset();
    Rendezvous rendezvous;
    rendezvous.working = rows;
    std::vector<std::unique_ptr<RowSource>> sources;
    for (int row = 0; row < rows; ++row)
        sources.push_back(std::make_unique<RowSource>(rendezvous, row, m_batch.capacity()));
    Server server(m_batch, sources);

    std::vector<std::jthread> threads;
    threads.reserve(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        threads.emplace_back([&rendezvous, &work, &sources, row] {
            try {
                work(row, *sources[static_cast<std::size_t>(row)]);
            } catch (const RunAborted &) {
            } catch (...) {
                const std::lock_guard lock(rendezvous.mutex);
                if (!rendezvous.error)
                    rendezvous.error = std::current_exception();
                rendezvous.failed = true;
                rendezvous.served.notify_all();
            }
            const std::lock_guard lock(rendezvous.mutex);
            --rendezvous.working;
            rendezvous.rowWaits.notify_one();
        });
    }

    {
        std::unique_lock lock(rendezvous.mutex);
        while (true) {
            rendezvous.rowWaits.wait(lock, [&] {
                return rendezvous.failed || rendezvous.working == 0 || rendezvous.waiting == rendezvous.working;
            });
            if (rendezvous.failed || rendezvous.working == 0)
                break;
            try {
                server.serveRound(); // every working row waits on the lock held here
            } catch (...) {
                rendezvous.error = std::current_exception();
                rendezvous.failed = true;
            }
            rendezvous.waiting = 0;
            rendezvous.served.notify_all();
        }
    }
    threads.clear(); // joins: a failed run's rows unwind at their next request
    if (rendezvous.error)
        std::rethrow_exception(rendezvous.error);
}

} // namespace tutti

// end of lockstep.cpp
