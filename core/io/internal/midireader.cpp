// SPDX-License-Identifier: GPL-3.0-or-later
// midireader.cpp — Standard MIDI File reading: chunks, events, note pairing.
//
// Where files disagree or the standard leaves room, the reader chooses:
// - Overlapping notes of one pitch on one channel pair first-on first-off (FIFO): each
//   note-off ends the oldest sounding note, as most sequencers do.
// - Note-offs with no sounding note are ignored. Notes still sounding when their track
//   ends are ended there (one warning per track).
// - A note whose off comes at the tick of its on (some drum tracks do this) lasts one tick.
// - Running status survives meta and sysex events: the standard says they cancel it, but
//   files relying on it exist, and a data byte cannot be mistaken for a status byte.
// - System common and real-time messages (0xF1-0xF6, 0xF8-0xFE) belong on a MIDI cable,
//   not in a file, but some files hold them: each is skipped with the data bytes the MIDI
//   specification gives it (0xF1 and 0xF3 one, 0xF2 two, the rest none), running status
//   survives them, and one warning per file counts them.
// - A last track a few bytes shorter than its header declares (a file cut short in
//   transfer) is read up to its last complete event, with a warning.
// - Format 2 files (independent sequences) play their tracks one after another: each
//   track starts where the one before it ended, and keeps the tempo and metre in force
//   until it sets its own.
// - Exactly the track chunks the header declares are read; unknown chunks between them and
//   bytes after the last are skipped with a warning. Anything else malformed is an error.
#include "io/midifile.h"

#include "midicursor.h"
#include "miditracksplitter.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <deque>
#include <map>
#include <utility>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr qint64 maxFileBytes = qint64(64) << 20;
constexpr qsizetype maxWarnings = 20;
constexpr qsizetype maxMissingTrackBytes = 16; // "a few": more is a damaged file, refused

struct SystemMessage
{
    int dataBytes;
    QString name;
};

// The MIDI 1.0 specification's system common (0xF1-0xF6) and real-time (0xF8-0xFE) messages.
SystemMessage systemMessage(int status)
{
    switch (status) {
    case 0xF1:
        return {1, u"time code quarter frame"_s};
    case 0xF2:
        return {2, u"song position"_s};
    case 0xF3:
        return {1, u"song select"_s};
    case 0xF6:
        return {0, u"tune request"_s};
    case 0xF8:
        return {0, u"timing clock"_s};
    case 0xFA:
        return {0, u"start"_s};
    case 0xFB:
        return {0, u"continue"_s};
    case 0xFC:
        return {0, u"stop"_s};
    case 0xFE:
        return {0, u"active sensing"_s};
    default: // 0xF4, 0xF5, 0xF9, 0xFD
        return {0, u"undefined"_s};
    }
}

// Track and instrument names carry no declared encoding: UTF-8 where valid, else Latin-1.
QString decodeText(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        text = QString::fromLatin1(bytes);
    return text.remove(QChar::Null).trimmed();
}

// "1 note", "3 notes"
QString counted(qint64 count, const QString &noun)
{
    return QString::number(count) + u' ' + noun + (count == 1 ? QString() : u"s"_s);
}

QString hexByte(int byte)
{
    return u"0x"_s + QString::number(byte, 16).toUpper().rightJustified(2, u'0');
}

class MidiReader
{
public:
    MidiReader(const QByteArray &bytes, const QString &fileName)
        : m_file(bytes)
        , m_fileName(fileName)
    {
    }

    ScoreReadResult read()
    {
        try {
            readHeader();
            std::vector<MidiChunkTrack> chunks;
            while (static_cast<int>(chunks.size()) < m_trackCount) {
                if (m_file.atEnd())
                    fail(m_file.offset(), u"the file ends after %1 of the %2 tracks its header declares"_s
                                              .arg(chunks.size())
                                              .arg(m_trackCount));
                readChunk(chunks);
            }
            if (!m_file.atEnd())
                warn(m_file.offset(),
                     u"ignored "_s + counted(m_file.remaining(), u"byte"_s) + u" after the last track"_s);
            warnAboutSkippedSystemMessages();
            return makeScore(std::move(chunks));
        } catch (const MidiFormatError &error) {
            return ScoreReadResult::failure(m_fileName + u": byte "_s + QString::number(error.offset) + u": "_s
                                            + error.problem);
        }
    }

private:
    struct TrackState
    {
        int number = 0; // 1-based, as people count tracks
        MidiChunkTrack chunk;
        Tick tick = 0;
        int runningStatus = 0; // 0: none yet
        std::array<int, MidiChunkTrack::channelCount> program;
        std::map<int, std::deque<std::size_t>> sounding; // key -> chunk.notes indices, oldest first
        int overlapping = 0;
        int tooShort = 0;
        bool ended = false;
    };

    [[noreturn]] static void fail(qsizetype offset, const QString &problem, bool cutShort = false)
    {
        throw MidiFormatError{offset, problem, cutShort};
    }

    void warn(qsizetype offset, const QString &message)
    {
        ++m_warningCount;
        if (m_warnings.size() < maxWarnings)
            m_warnings << m_fileName + u": byte "_s + QString::number(offset) + u": "_s + message;
    }

    void readHeader()
    {
        if (m_file.remaining() < 8 || m_file.take(4) != "MThd"_ba)
            fail(0, u"not a Standard MIDI File (it does not start with \"MThd\")"_s);
        const qsizetype lengthAt = m_file.offset();
        const std::uint32_t length = m_file.u32();
        if (length < 6)
            fail(lengthAt, u"header chunk declares %1 bytes; at least 6 are needed"_s.arg(length));
        if (qsizetype(length) > m_file.remaining())
            fail(lengthAt, u"header chunk declares %1 bytes but only %2 remain"_s.arg(length).arg(m_file.remaining()));
        MidiCursor header = m_file.chunk(length);
        const int format = header.u16();
        if (format > 2)
            fail(lengthAt + 4, u"unknown format %1; only formats 0, 1 and 2 are MIDI files"_s.arg(format));
        m_format = format;
        m_trackCount = header.u16();
        const qsizetype divisionAt = header.offset();
        const int division = header.u16();
        if (division & 0x8000)
            fail(divisionAt, u"SMPTE time division (%1 frames per second) is not supported; "
                             "only ticks per quarter note"_s.arg(256 - (division >> 8)));
        if (division == 0)
            fail(divisionAt, u"time division of 0 ticks per quarter note"_s);
        m_ticksPerQuarter = division;
        if (m_format == 0 && m_trackCount != 1)
            warn(lengthAt + 6, u"format 0 file declares %1 tracks instead of 1"_s.arg(m_trackCount));
        if (m_format == 2 && m_trackCount > 1)
            warn(lengthAt + 4, u"format 2 file: its %1 independent sequences play one after another"_s.arg(
                                   m_trackCount));
    }

    void readChunk(std::vector<MidiChunkTrack> &chunks)
    {
        const qsizetype at = m_file.offset();
        if (m_file.remaining() < 8)
            fail(at, u"chunk header cut short: %1 of 8 bytes remain"_s.arg(m_file.remaining()));
        const QByteArray id = m_file.take(4);
        const std::uint32_t length = m_file.u32();
        const bool isTrack = id == "MTrk"_ba;
        const QString what = isTrack ? u"track %1"_s.arg(chunks.size() + 1) : u"chunk \"%1\""_s.arg(printable(id));
        const qsizetype missing = qsizetype(length) - m_file.remaining();
        const bool lastTrack = isTrack && static_cast<int>(chunks.size()) + 1 == m_trackCount;
        if (missing > 0 && !(lastTrack && missing <= maxMissingTrackBytes))
            fail(at + 4, u"%1 declares %2 bytes but only %3 remain"_s.arg(
                     what, QString::number(length), QString::number(m_file.remaining())));
        if (missing > 0)
            warn(at + 4, u"%1 declares %2 bytes but only %3 remain; its events were read up to the last complete one"_s
                             .arg(what, QString::number(length), QString::number(m_file.remaining())));
        MidiCursor body = m_file.chunk(std::min(qsizetype(length), m_file.remaining()));
        if (isTrack)
            chunks.push_back(readTrack(body, static_cast<int>(chunks.size()) + 1, missing > 0));
        else
            warn(at, u"skipped unknown "_s + what + u" ("_s + counted(length, u"byte"_s) + u')');
    }

    static QString printable(const QByteArray &id)
    {
        QString text;
        for (const char c : id)
            text += (c >= 0x20 && c < 0x7F) ? QString(QLatin1Char(c)) : u"\\x"_s + QString::number(quint8(c), 16);
        return text;
    }

    // `cutShort`: the file ended before the track did; an event the end cuts off is dropped.
    MidiChunkTrack readTrack(MidiCursor cursor, int number, bool cutShort)
    {
        TrackState state;
        state.number = number;
        state.program.fill(-1);
        if (m_format == 2)
            state.tick = m_sequenceEnd;
        try {
            while (!cursor.atEnd() && !state.ended) {
                const Tick eventTick = state.tick;
                try {
                    state.tick += cursor.variableLength();
                    readEvent(cursor, state);
                } catch (const MidiFormatError &error) {
                    if (!cutShort || !error.cutShort)
                        throw;
                    state.tick = eventTick; // an incomplete event has no effect but its delta time
                    break;
                }
            }
        } catch (const MidiFormatError &error) {
            fail(error.offset, u"track %1: "_s.arg(number) + error.problem);
        }
        m_sequenceEnd = std::max(m_sequenceEnd, state.tick);
        const QString track = u"track %1: "_s.arg(number);
        if (!state.ended && !cutShort)
            warn(cursor.offset(), track + u"no end-of-track event"_s);
        else if (!cursor.atEnd())
            warn(cursor.offset(),
                 track + u"ignored "_s + counted(cursor.remaining(), u"byte"_s) + u" after the end-of-track event"_s);
        endSoundingNotes(state, cursor.offset());
        if (state.overlapping > 0)
            warn(cursor.offset(), track + counted(state.overlapping, u"note"_s)
                                      + u" began while the same pitch was sounding; note-offs were paired "
                                        "first-on first-off"_s);
        if (state.tooShort > 0)
            warn(cursor.offset(), track + u"lengthened "_s + counted(state.tooShort, u"note"_s)
                                      + u" to one tick (note-off at the tick of the note-on)"_s);
        return std::move(state.chunk);
    }

    void readEvent(MidiCursor &cursor, TrackState &state)
    {
        const qsizetype at = cursor.offset();
        const int status = cursor.u8();
        if (status < 0x80) { // running status: this was already the first data byte
            if (state.runningStatus == 0)
                fail(at, u"data byte %1 with no running status to continue"_s.arg(hexByte(status)));
            readChannelMessage(cursor, state, state.runningStatus, status);
        } else if (status == 0xFF) {
            readMetaEvent(cursor, state);
        } else if (status == 0xF0 || status == 0xF7) { // system exclusive: skipped
            const std::uint32_t length = cursor.variableLength();
            if (qsizetype(length) > cursor.remaining())
                fail(at,
                     u"system exclusive event declares %1 bytes but only %2 remain"_s.arg(length).arg(
                         cursor.remaining()),
                     true);
            cursor.skip(length);
        } else if (status > 0xF0) {
            skipSystemMessage(cursor, status, at);
        } else {
            state.runningStatus = status;
            readChannelMessage(cursor, state, status, dataByte(cursor));
        }
    }

    // A message for a MIDI cable, not a file: its data bytes go unread, and one warning per
    // file counts them (see skippedSystemMessages()).
    void skipSystemMessage(MidiCursor &cursor, int status, qsizetype at)
    {
        for (int i = 0; i < systemMessage(status).dataBytes; ++i)
            dataByte(cursor);
        if (m_skippedSystem.empty())
            m_firstSkippedSystemAt = at;
        ++m_skippedSystem[status];
    }

    // "skipped 3 system messages that belong on a MIDI cable, not in a file: 2 × 0xF1 time
    // code quarter frame, 1 × 0xF8 timing clock"
    void warnAboutSkippedSystemMessages()
    {
        if (m_skippedSystem.empty())
            return;
        int total = 0;
        QStringList kinds;
        for (const auto &[status, count] : m_skippedSystem) {
            total += count;
            kinds << u"%1 × %2 %3"_s.arg(count).arg(hexByte(status), systemMessage(status).name);
        }
        warn(m_firstSkippedSystemAt, u"skipped "_s + counted(total, u"system message"_s)
                                         + u" that belong on a MIDI cable, not in a file: "_s + kinds.join(u", "_s));
    }

    static int dataByte(MidiCursor &cursor)
    {
        const qsizetype at = cursor.offset();
        const int byte = cursor.u8();
        if (byte >= 0x80)
            fail(at, u"expected a data byte (below 0x80) but found %1"_s.arg(hexByte(byte)));
        return byte;
    }

    void readChannelMessage(MidiCursor &cursor, TrackState &state, int status, int first)
    {
        const int channel = status & 0x0F;
        switch (status & 0xF0) {
        case 0x80:
            dataByte(cursor); // release velocity
            noteOff(state, channel, first);
            break;
        case 0x90:
            if (const int velocity = dataByte(cursor); velocity > 0)
                noteOn(state, channel, first, velocity);
            else
                noteOff(state, channel, first);
            break;
        case 0xB0:
            controlChange(state, channel, first, dataByte(cursor));
            break;
        case 0xC0:
            state.program[static_cast<std::size_t>(channel)] = first;
            state.chunk.programChanges.push_back({state.tick, channel, first});
            break;
        case 0xA0: // polyphonic aftertouch and pitch bend: two data bytes, not kept
        case 0xE0:
            dataByte(cursor);
            break;
        default: // 0xD0 channel pressure: its one data byte is read
            break;
        }
    }

    static void controlChange(TrackState &state, int channel, int controller, int value)
    {
        constexpr int volumeController = 7;
        constexpr int panController = 10;
        const auto slot = static_cast<std::size_t>(channel);
        if (controller == ControlChange::sustain)
            state.chunk.sustain.push_back({state.tick, channel, value});
        else if (controller == volumeController && state.chunk.firstVolume[slot] < 0)
            state.chunk.firstVolume[slot] = value;
        else if (controller == panController && state.chunk.firstPan[slot] < 0)
            state.chunk.firstPan[slot] = value;
    }

    static void noteOn(TrackState &state, int channel, int pitch, int velocity)
    {
        std::deque<std::size_t> &sounding = state.sounding[channel * 128 + pitch];
        if (!sounding.empty())
            ++state.overlapping;
        sounding.push_back(state.chunk.notes.size());
        state.chunk.notes.push_back(
            {state.tick, state.tick, channel, pitch, velocity, state.program[static_cast<std::size_t>(channel)]});
    }

    static void noteOff(TrackState &state, int channel, int pitch)
    {
        const auto found = state.sounding.find(channel * 128 + pitch);
        if (found == state.sounding.end() || found->second.empty())
            return;
        endNote(state, found->second.front());
        found->second.pop_front();
    }

    static void endNote(TrackState &state, std::size_t index)
    {
        MidiChunkNote &note = state.chunk.notes[index];
        note.end = state.tick;
        if (note.end <= note.start) {
            note.end = note.start + 1;
            ++state.tooShort;
        }
    }

    void endSoundingNotes(TrackState &state, qsizetype offset)
    {
        int unended = 0;
        for (auto &[key, sounding] : state.sounding) {
            for (const std::size_t index : sounding)
                endNote(state, index);
            unended += static_cast<int>(sounding.size());
        }
        if (unended > 0)
            warn(offset, u"track %1: ended "_s.arg(state.number) + counted(unended, u"note"_s)
                             + u" still sounding at the end of the track"_s);
    }

    void readMetaEvent(MidiCursor &cursor, TrackState &state)
    {
        const int type = cursor.u8();
        const qsizetype lengthAt = cursor.offset();
        const std::uint32_t length = cursor.variableLength();
        if (qsizetype(length) > cursor.remaining())
            fail(lengthAt,
                 u"meta event %1 declares %2 bytes but only %3 remain"_s.arg(hexByte(type)).arg(length).arg(
                     cursor.remaining()),
                 true);
        MidiCursor data = cursor.chunk(length);
        const QString track = u"track %1: "_s.arg(state.number);
        switch (type) {
        case 0x03:
            if (state.chunk.name.isEmpty())
                state.chunk.name = decodeText(data.take(length));
            break;
        case 0x2F:
            state.ended = true;
            break;
        case 0x51:
            if (length < 3) {
                warn(lengthAt, track + u"ignored a tempo event with "_s + counted(length, u"data byte"_s));
            } else if (const int micros = data.u8() << 16 | data.u16(); micros == 0) {
                warn(lengthAt, track + u"ignored a tempo of 0 microseconds per quarter note"_s);
            } else {
                m_tempos.push_back({state.tick, micros});
            }
            break;
        case 0x58:
            readTimeSignature(data, state, lengthAt);
            break;
        case 0x59:
            readKeySignature(data, state, lengthAt);
            break;
        default: // text, markers, lyrics, sequencer-specific and the rest: not kept
            break;
        }
    }

    void readTimeSignature(MidiCursor &data, const TrackState &state, qsizetype at)
    {
        constexpr int maxDenominatorPower = 6; // 1/64
        if (data.remaining() < 2) {
            warn(at, u"track %1: ignored a time signature with "_s.arg(state.number)
                         + counted(data.remaining(), u"data byte"_s));
            return;
        }
        const int numerator = data.u8();
        const int power = data.u8();
        if (numerator == 0 || power > maxDenominatorPower) {
            warn(at, u"track %1: ignored time signature %2/2^%3"_s.arg(state.number).arg(numerator).arg(power));
            return;
        }
        m_timeSignatures.push_back({state.tick, numerator, 1 << power});
    }

    void readKeySignature(MidiCursor &data, const TrackState &state, qsizetype at)
    {
        if (data.remaining() < 2) {
            warn(at, u"track %1: ignored a key signature with "_s.arg(state.number)
                         + counted(data.remaining(), u"data byte"_s));
            return;
        }
        const int sharps = static_cast<std::int8_t>(data.u8());
        const int mode = data.u8();
        if (sharps < -7 || sharps > 7 || mode > 1) {
            warn(at, u"track %1: ignored key signature %2 %3"_s.arg(state.number).arg(sharps).arg(mode));
            return;
        }
        m_keySignatures.push_back({state.tick, sharps, mode == 1});
    }

    ScoreReadResult makeScore(std::vector<MidiChunkTrack> chunks)
    {
        ScoreReadResult result;
        Score &score = result.score;
        score.ticksPerQuarter = m_ticksPerQuarter;
        // The first track names the piece when it is a conductor track (no notes) or the
        // only track of a format 0 file.
        if (!chunks.empty() && (m_format == 0 || chunks.front().notes.empty()))
            score.title = std::exchange(chunks.front().name, QString());
        score.tempos = std::move(m_tempos);
        score.timeSignatures = std::move(m_timeSignatures);
        score.keySignatures = std::move(m_keySignatures);
        score.tracks = splitMidiTracks(chunks);
        score.normalize();
        result.warnings = m_warnings;
        if (m_warningCount > m_warnings.size())
            result.warnings << m_fileName + u": and %1 more warnings"_s.arg(m_warningCount - m_warnings.size());
        return result;
    }

    MidiCursor m_file;
    QString m_fileName;
    int m_format = 1;
    int m_trackCount = 0;
    int m_ticksPerQuarter = Score::defaultTicksPerQuarter;
    std::vector<TempoChange> m_tempos;
    std::vector<TimeSignatureChange> m_timeSignatures;
    std::vector<KeySignatureChange> m_keySignatures;
    QStringList m_warnings;
    qsizetype m_warningCount = 0;
    Tick m_sequenceEnd = 0;                  // format 2: where the next sequence starts
    std::map<int, int> m_skippedSystem;      // status byte -> how many were skipped
    qsizetype m_firstSkippedSystemAt = 0;
};

} // namespace

ScoreReadResult readMidi(const QByteArray &bytes, const QString &fileName)
{
    return MidiReader(bytes, fileName).read();
}

ScoreReadResult readMidiFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScoreReadResult::failure(path + u": cannot open: "_s + file.errorString());
    if (file.size() > maxFileBytes)
        return ScoreReadResult::failure(path + u": %1 MiB is too large for a MIDI file (at most %2 MiB)"_s
                                                   .arg(file.size() >> 20)
                                                   .arg(maxFileBytes >> 20));
    return readMidi(file.readAll(), QFileInfo(path).fileName());
}

} // namespace tutti
// end of midireader.cpp
