// SPDX-License-Identifier: GPL-3.0-or-later
// handoff.h — hands objects from the GUI thread to the audio thread without locks, and
// frees them on the GUI thread once the audio thread has moved on.
//
// The GUI thread publishes; the audio thread calls current() at the start of each
// callback and gets the newest object. Every object gets a generation number; the audio
// thread records the generation it uses, and the GUI thread frees only older ones.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>

namespace tutti::audio {

template<typename T>
class Handoff
{
public:
    // GUI thread.
    void publish(std::unique_ptr<T> value)
    {
        auto entry = std::make_unique<Entry>(Entry{std::move(value), ++m_lastGeneration});
        m_latest.store(entry.get(), std::memory_order_release);
        m_entries.push_back(std::move(entry));
        collect();
    }

    // GUI thread: frees what the audio thread no longer uses.
    void collect()
    {
        const std::uint64_t inUse = m_inUse.load(std::memory_order_acquire);
        while (m_entries.size() > 1 && m_entries.front()->generation < inUse)
            m_entries.pop_front();
    }

    // Audio thread: the newest object (nullptr before the first publish). Allocates nothing.
    T *current()
    {
        Entry *entry = m_latest.load(std::memory_order_acquire);
        if (!entry)
            return nullptr;
        m_inUse.store(entry->generation, std::memory_order_release);
        return entry->value.get();
    }

    // Audio thread: whether current() would now return a different object.
    bool changedSince(const T *seen) const
    {
        const Entry *entry = m_latest.load(std::memory_order_acquire);
        return entry && entry->value.get() != seen;
    }

private:
    struct Entry
    {
        std::unique_ptr<T> value;
        std::uint64_t generation;
    };

    std::deque<std::unique_ptr<Entry>> m_entries; // GUI thread only
    std::uint64_t m_lastGeneration = 0;            // GUI thread only
    std::atomic<Entry *> m_latest{nullptr};
    std::atomic<std::uint64_t> m_inUse{0};
};

// A fixed-size single-producer, single-consumer queue of trivially copyable commands.
template<typename T, std::size_t Capacity>
class CommandQueue
{
    static_assert((Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");

public:
    bool push(const T &item) // producer thread; false when full
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        if (head - m_tail.load(std::memory_order_acquire) == Capacity)
            return false;
        m_items[head & (Capacity - 1)] = item;
        m_head.store(head + 1, std::memory_order_release);
        return true;
    }

    bool pop(T &item) // consumer thread; false when empty
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_head.load(std::memory_order_acquire))
            return false;
        item = m_items[tail & (Capacity - 1)];
        m_tail.store(tail + 1, std::memory_order_release);
        return true;
    }

private:
    T m_items[Capacity]{};
    std::atomic<std::size_t> m_head{0};
    std::atomic<std::size_t> m_tail{0};
};

} // namespace tutti::audio
// end of handoff.h
