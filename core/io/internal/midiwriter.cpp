// SPDX-License-Identifier: GPL-3.0-or-later
// midiwriter.cpp — Standard MIDI File writing: format 1, a conductor track first, then one
// track chunk per Score track.
//
// Values outside MIDI's ranges (a pitch of 130, a 3/5 time signature) are clamped to the
// nearest value MIDI holds, so the file is always well-formed. readMidi() gives back a
// normalized score unchanged when its values are in range, its drum tracks (and only they)
// use channel 9, every track has notes and a distinct, non-empty, trimmed name, and no two notes of
// one pitch in a track nest (the later one ending first); colours, mute and solo are not
// stored in MIDI and come back as the defaults.
#include "io/midifile.h"

#include <QSaveFile>

#include <algorithm>
#include <bit>
#include <cstdint>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int maxDivision = 0x7FFF;          // the top bit of the division marks SMPTE time
constexpr std::size_t maxTrackChunks = 0xFFFF; // the header counts chunks in 16 bits
constexpr Tick maxDelta = 0x0FFFFFFF;        // the largest four-byte variable-length number
constexpr int drumChannel = 9;
constexpr int volumeController = 7;
constexpr int panController = 10;

void appendVariableLength(QByteArray &out, std::uint32_t value)
{
    char bytes[4];
    int count = 0;
    do {
        bytes[count++] = static_cast<char>(value & 0x7F);
        value >>= 7;
    } while (value != 0 && count < 4);
    while (count > 1)
        out.append(static_cast<char>(bytes[--count] | 0x80));
    out.append(bytes[0]);
}

void appendU32(QByteArray &out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>(value >> shift & 0xFF));
}

void appendU16(QByteArray &out, int value)
{
    out.append(static_cast<char>(value >> 8 & 0xFF));
    out.append(static_cast<char>(value & 0xFF));
}

int dataByte(int value)
{
    return std::clamp(value, 0, 127);
}

// The events of one track chunk, written in tick order. At one tick, setup events come
// first, then note-offs, then note-ons, so a repeated note's off cannot cut off the note
// that follows it.
class TrackChunkWriter
{
public:
    void meta(Tick tick, int type, const QByteArray &data)
    {
        QByteArray bytes;
        bytes.append(char(0xFF));
        bytes.append(static_cast<char>(type));
        appendVariableLength(bytes, static_cast<std::uint32_t>(std::min<qsizetype>(data.size(), maxDelta)));
        bytes.append(data.left(maxDelta));
        add(tick, Order::Setup, bytes);
    }

    void setup(Tick tick, int status, int first, int second = -1)
    {
        add(tick, Order::Setup, channelMessage(status, first, second));
    }

    void note(Tick start, Tick end, int channel, int pitch, int velocity)
    {
        add(start, Order::NoteOn, channelMessage(0x90 | channel, dataByte(pitch), std::clamp(velocity, 1, 127)));
        add(end, Order::NoteOff, channelMessage(0x80 | channel, dataByte(pitch), 0));
    }

    // The whole MTrk chunk; its end-of-track event comes at `endTick` or the last event.
    QByteArray finish(Tick endTick)
    {
        std::stable_sort(m_events.begin(), m_events.end(), [](const Event &a, const Event &b) {
            return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
        });
        QByteArray body;
        Tick now = 0;
        for (const Event &event : m_events) {
            appendDelta(body, event.tick - now);
            body.append(event.bytes);
            now = event.tick;
        }
        appendDelta(body, std::max<Tick>(endTick - now, 0));
        body.append("\xFF\x2F\x00", 3);
        QByteArray chunk = "MTrk"_ba;
        appendU32(chunk, static_cast<std::uint32_t>(body.size()));
        return chunk + body;
    }

private:
    enum class Order {
        Setup,
        NoteOff,
        NoteOn,
    };

    struct Event
    {
        Tick tick;
        Order order;
        QByteArray bytes;
    };

    void add(Tick tick, Order order, const QByteArray &bytes)
    {
        m_events.push_back({std::max<Tick>(tick, 0), order, bytes});
    }

    static QByteArray channelMessage(int status, int first, int second)
    {
        QByteArray bytes;
        bytes.append(static_cast<char>(status));
        bytes.append(static_cast<char>(first));
        if (second >= 0)
            bytes.append(static_cast<char>(second));
        return bytes;
    }

    // A gap too long for one variable-length number is bridged with empty text events,
    // which every reader skips.
    static void appendDelta(QByteArray &out, Tick delta)
    {
        while (delta > maxDelta) {
            appendVariableLength(out, static_cast<std::uint32_t>(maxDelta));
            out.append("\xFF\x01\x00", 3);
            delta -= maxDelta;
        }
        appendVariableLength(out, static_cast<std::uint32_t>(delta));
    }

    std::vector<Event> m_events;
};

QByteArray conductorChunk(const Score &score)
{
    TrackChunkWriter chunk;
    if (!score.title.isEmpty())
        chunk.meta(0, 0x03, score.title.toUtf8());
    for (const TempoChange &change : score.tempos) {
        const auto micros = static_cast<std::uint32_t>(std::clamp(change.microsecondsPerQuarter, 1, 0xFFFFFF));
        QByteArray data;
        data.append(static_cast<char>(micros >> 16 & 0xFF));
        appendU16(data, static_cast<int>(micros & 0xFFFF));
        chunk.meta(change.tick, 0x51, data);
    }
    for (const TimeSignatureChange &change : score.timeSignatures) {
        constexpr char clocksPerClick = 24;       // one metronome click a quarter note
        constexpr char thirtySecondsPerQuarter = 8;
        const auto denominator = static_cast<unsigned>(std::clamp(change.denominator, 1, 64));
        QByteArray data;
        data.append(static_cast<char>(std::clamp(change.numerator, 1, 255)));
        data.append(static_cast<char>(std::bit_width(denominator) - 1)); // a power of two's exponent
        data.append(clocksPerClick);
        data.append(thirtySecondsPerQuarter);
        chunk.meta(change.tick, 0x58, data);
    }
    for (const KeySignatureChange &change : score.keySignatures) {
        QByteArray data;
        data.append(static_cast<char>(static_cast<std::int8_t>(std::clamp(change.sharps, -7, 7))));
        data.append(change.minor ? char(1) : char(0));
        chunk.meta(change.tick, 0x59, data);
    }
    return chunk.finish(score.endTick());
}

QByteArray trackChunk(const Track &track)
{
    const int channel = track.isDrum ? drumChannel : std::clamp(track.channel, 0, 15);
    TrackChunkWriter chunk;
    if (!track.name.isEmpty())
        chunk.meta(0, 0x03, track.name.toUtf8());
    // Program 0 on the drum channel is GM's standard kit, which players select by default.
    if (!track.isDrum || track.program != 0)
        chunk.setup(0, 0xC0 | channel, dataByte(track.program));
    chunk.setup(0, 0xB0 | channel, volumeController, dataByte(track.volume));
    chunk.setup(0, 0xB0 | channel, panController, dataByte(track.pan));
    for (const Note &note : track.notes) {
        const Tick start = std::max<Tick>(note.start, 0);
        chunk.note(start, start + std::max<Tick>(note.length, 1), channel, note.pitch, note.velocity);
    }
    for (const ControlChange &change : track.controls)
        chunk.setup(change.tick, 0xB0 | channel, dataByte(change.controller), dataByte(change.value));
    return chunk.finish(0);
}

} // namespace

QByteArray writeMidi(const Score &score)
{
    if (score.ticksPerQuarter > maxDivision) {
        Score rescaled = score;
        rescaled.setTicksPerQuarter(maxDivision);
        return writeMidi(rescaled);
    }
    const std::size_t trackCount = std::min(score.tracks.size(), maxTrackChunks - 1);
    QByteArray bytes = "MThd"_ba;
    appendU32(bytes, 6);
    appendU16(bytes, 1); // format 1: simultaneous tracks
    appendU16(bytes, static_cast<int>(trackCount + 1));
    appendU16(bytes, std::max(score.ticksPerQuarter, 1));
    bytes += conductorChunk(score);
    for (std::size_t i = 0; i < trackCount; ++i)
        bytes += trackChunk(score.tracks[i]);
    return bytes;
}

QString writeMidiFile(const Score &score, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path + u": cannot write: "_s + file.errorString();
    const QByteArray bytes = writeMidi(score);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return path + u": cannot write: "_s + file.errorString();
    return {};
}

} // namespace tutti
// end of midiwriter.cpp
