// SPDX-License-Identifier: GPL-3.0-or-later
// midicursor.h — a bounds-checked reading position in the bytes of a MIDI file.
//
// Usage:
//   MidiCursor file(bytes);
//   QByteArray id = file.take(4);              // throws MidiFormatError past the end
//   MidiCursor track = file.chunk(file.u32()); // a window over the next n bytes
//   std::uint32_t delta = track.variableLength();
//
// Every read checks the length against what is left of the current window and reports
// the absolute byte offset in the file, so no caller needs its own bounds arithmetic.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace tutti {

// Thrown by MidiCursor (and by the MIDI reader) for input that cannot be read on.
struct MidiFormatError
{
    qsizetype offset; // byte in the file where the problem was found
    QString problem;
    bool cutShort = false; // the input ended inside what was being read
};

class MidiCursor
{
public:
    // `bytes` must outlive the cursor and every chunk() taken from it.
    explicit MidiCursor(const QByteArray &bytes)
        : m_data(bytes.constData())
        , m_position(0)
        , m_end(bytes.size())
    {
    }

    qsizetype offset() const { return m_position; }
    qsizetype remaining() const { return m_end - m_position; }
    bool atEnd() const { return m_position >= m_end; }

    std::uint8_t peek() const
    {
        need(1);
        return static_cast<std::uint8_t>(m_data[m_position]);
    }

    std::uint8_t u8()
    {
        const std::uint8_t value = peek();
        ++m_position;
        return value;
    }

    std::uint16_t u16()
    {
        need(2);
        const std::uint16_t high = u8();
        return static_cast<std::uint16_t>(high << 8 | u8());
    }

    std::uint32_t u32()
    {
        need(4);
        const std::uint32_t high = u16();
        return high << 16 | u16();
    }

    // A MIDI variable-length quantity: 7 bits a byte, high bit set on all but the last,
    // at most four bytes (so at most 0x0FFFFFFF).
    std::uint32_t variableLength()
    {
        const qsizetype start = m_position;
        std::uint32_t value = 0;
        for (int i = 0; i < maxVariableLengthBytes; ++i) {
            const std::uint8_t byte = u8();
            value = value << 7 | (byte & 0x7F);
            if ((byte & 0x80) == 0)
                return value;
        }
        throw MidiFormatError{start, QStringLiteral("variable-length number longer than 4 bytes")};
    }

    QByteArray take(qsizetype count)
    {
        need(count);
        const QByteArray bytes(m_data + m_position, count);
        m_position += count;
        return bytes;
    }

    void skip(qsizetype count)
    {
        need(count);
        m_position += count;
    }

    // A cursor over the next `count` bytes (same offsets); this cursor moves past them.
    MidiCursor chunk(qsizetype count)
    {
        need(count);
        MidiCursor window = *this;
        window.m_end = m_position + count;
        m_position += count;
        return window;
    }

    static constexpr int maxVariableLengthBytes = 4;

private:
    void need(qsizetype count) const
    {
        if (count < 0 || count > remaining())
            throw MidiFormatError{m_position,
                                  QStringLiteral("cut short: needs %1 %2 but only %3 left")
                                      .arg(count)
                                      .arg(count == 1 ? QStringLiteral("byte") : QStringLiteral("bytes"))
                                      .arg(remaining()),
                                  true};
    }

    const char *m_data;
    qsizetype m_position;
    qsizetype m_end;
};

} // namespace tutti
// end of midicursor.h
