// SPDX-License-Identifier: GPL-3.0-or-later
// originalityformat.cpp — the .index file, version 1. All integers little-endian.
//
//   magic "TUTTIOIX" | u32 version | u32 steps per quarter (12)
//   u32 pieces | u32 lines | u32 notes                                  (totals, checked)
//   per piece: str key | str title | varint time signatures
//              | per time signature: varint step | u8 numerator | u8 denominator
//              | varint lines
//              | per line: varint track | str part | varint notes
//                          | per note: u8 pitch | varint steps since the previous onset (the first: since 0)
//   nothing after the last piece
//
// str is a u16 byte count and UTF-8; varint is LEB128 of at most 5 bytes holding a u32. A
// typical note takes two bytes. The reader trusts nothing: every count is held against the
// bytes left before anything is allocated, the totals must add up, and the corpus read must
// pass validate() before the n-gram table is built from it. Numbers in longer than their
// shortest form and text that is not UTF-8 are refused too, so that an index has one
// spelling: writing what was read gives back the same bytes.
#include "analysis/originalityindex.h"

#include "originalitycorpus.h"
#include "originalityindexdata.h"

#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>

#include <limits>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr char magic[] = "TUTTIOIX";
constexpr qsizetype magicSize = 8;
constexpr std::uint32_t formatVersion = 1;
constexpr qint64 largestFile = qint64(1) << 30;
// The fewest bytes a piece, a line and a note can take: they bound the counts.
constexpr qsizetype smallestPiece = 2 + 2 + 1 + 1;
constexpr qsizetype smallestLine = 1 + 2 + 1;
constexpr qsizetype smallestNote = 2;

class ByteWriter
{
public:
    void u8(std::uint32_t value) { m_bytes.append(static_cast<char>(value & 0xFF)); }
    void u16(std::uint32_t value)
    {
        u8(value);
        u8(value >> 8);
    }
    void u32(std::uint32_t value)
    {
        u16(value);
        u16(value >> 16);
    }
    void varint(std::uint64_t value)
    {
        while (value >= 0x80) {
            u8(static_cast<std::uint32_t>(value & 0x7F) | 0x80);
            value >>= 7;
        }
        u8(static_cast<std::uint32_t>(value));
    }
    // A longer text is cut: a UTF-16 unit takes at most 3 UTF-8 bytes, so the count fits a u16.
    void string(const QString &text)
    {
        QByteArray utf8 = text.toUtf8();
        if (utf8.size() > 0xFFFF)
            utf8 = text.left(0xFFFF / 3).toUtf8();
        u16(static_cast<std::uint32_t>(utf8.size()));
        m_bytes.append(utf8);
    }
    void raw(const char *data, qsizetype size) { m_bytes.append(data, size); }
    QByteArray take() { return std::move(m_bytes); }

private:
    QByteArray m_bytes;
};

// Every read checks the bytes left; the first failure is kept with its offset and later
// reads return 0, so a parse can run to a check point and ask ok() there.
class ByteReader
{
public:
    explicit ByteReader(const QByteArray &bytes) : m_bytes(bytes) {}

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    qsizetype left() const { return m_bytes.size() - m_offset; }
    qsizetype offset() const { return m_offset; }

    void fail(const QString &problem)
    {
        if (ok())
            m_error = u"byte %1: %2"_s.arg(m_offset).arg(problem);
    }

    std::uint32_t u8()
    {
        if (!ok() || left() < 1) {
            fail(u"the file ends early"_s);
            return 0;
        }
        return static_cast<unsigned char>(m_bytes[m_offset++]);
    }
    std::uint32_t u16()
    {
        const std::uint32_t low = u8();
        return low | (u8() << 8);
    }
    std::uint32_t u32()
    {
        const std::uint32_t low = u16();
        return low | (u16() << 16);
    }
    std::uint32_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            const std::uint32_t byte = u8();
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) {
                if (value > std::numeric_limits<std::uint32_t>::max())
                    fail(u"number too large"_s);
                if (byte == 0 && shift > 0)
                    fail(u"number not in its shortest form"_s);
                return ok() ? static_cast<std::uint32_t>(value) : 0;
            }
        }
        fail(u"number longer than 5 bytes"_s);
        return 0;
    }
    QString string()
    {
        const qsizetype size = u16();
        if (!ok() || size > left()) {
            fail(u"text runs past the end of the file"_s);
            return {};
        }
        // Stateless: a sequence cut at the end of the text is an error, not left for more input.
        QStringDecoder decoder(QStringDecoder::Utf8,
                               QStringDecoder::Flag::ConvertInitialBom | QStringDecoder::Flag::Stateless);
        const QString text = decoder(QByteArrayView(m_bytes.constData() + m_offset, size));
        if (decoder.hasError()) {
            fail(u"text is not UTF-8"_s);
            return {};
        }
        m_offset += size;
        return text;
    }
    bool skipMagic()
    {
        if (left() < magicSize || QByteArrayView(m_bytes.constData(), magicSize) != QByteArrayView(magic, magicSize)) {
            fail(u"not a Tutti corpus index"_s);
            return false;
        }
        m_offset += magicSize;
        return true;
    }
    // A count of items of at least `smallest` bytes each must fit in what is left.
    std::uint32_t count(const QString &what, qsizetype smallest)
    {
        const std::uint32_t value = varint();
        checkFits(value, what, smallest);
        return value;
    }
    void checkFits(std::uint32_t value, const QString &what, qsizetype smallest)
    {
        if (ok() && static_cast<qint64>(value) * smallest > left())
            fail(u"%1 %2 cannot fit in the %3 bytes left"_s.arg(value).arg(what).arg(left()));
    }

private:
    const QByteArray &m_bytes;
    qsizetype m_offset = 0;
    QString m_error;
};

void readMetre(ByteReader &in, OriginalityPiece &piece)
{
    const std::uint32_t changes = in.count(u"time signatures"_s, 3);
    std::uint64_t previous = 0;
    for (std::uint32_t i = 0; i < changes && in.ok(); ++i) {
        const std::uint32_t step = in.varint();
        const int numerator = static_cast<int>(in.u8());
        const int denominator = static_cast<int>(in.u8());
        if (step < previous || step > originalityMaxStep)
            in.fail(u"time signature step %1 out of order or range"_s.arg(step));
        previous = step;
        piece.metre.push_back({static_cast<Tick>(step), numerator, denominator});
    }
}

struct Totals
{
    std::uint32_t lines = 0;
    std::uint32_t notes = 0;
};

void readLine(ByteReader &in, OriginalityCorpus &corpus, std::uint32_t piece, const Totals &expected, Totals &seen)
{
    OriginalityLine line;
    line.piece = piece;
    line.track = in.varint();
    line.part = in.string();
    line.first = seen.notes;
    line.count = in.count(u"notes"_s, smallestNote);
    if (!in.ok())
        return;
    if (line.count > expected.notes - seen.notes) {
        in.fail(u"more notes than the header's %1"_s.arg(expected.notes));
        return;
    }
    std::uint64_t onset = 0;
    for (std::uint32_t i = 0; i < line.count && in.ok(); ++i) {
        const std::uint32_t pitch = in.u8();
        const std::uint32_t gap = in.varint();
        onset += gap;
        if (pitch > 127 || onset > originalityMaxStep || (i > 0 && gap == 0))
            in.fail(u"note %1 of a line: pitch %2 or onset %3 out of range"_s.arg(i).arg(pitch).arg(onset));
        corpus.pitches.push_back(static_cast<std::uint8_t>(pitch));
        corpus.onsets.push_back(static_cast<std::uint32_t>(onset));
    }
    seen.notes += line.count;
    corpus.lines.push_back(std::move(line));
}

void readPiece(ByteReader &in, OriginalityCorpus &corpus, const Totals &expected, Totals &seen)
{
    OriginalityPiece piece;
    piece.key = in.string();
    piece.title = in.string();
    readMetre(in, piece);
    const std::uint32_t index = static_cast<std::uint32_t>(corpus.pieces.size());
    corpus.pieces.push_back(std::move(piece));
    const std::uint32_t lines = in.count(u"lines"_s, smallestLine);
    if (in.ok() && lines > expected.lines - seen.lines)
        in.fail(u"more lines than the header's %1"_s.arg(expected.lines));
    for (std::uint32_t i = 0; i < lines && in.ok(); ++i) {
        readLine(in, corpus, index, expected, seen);
        ++seen.lines;
    }
}

} // namespace

QByteArray OriginalityIndex::toBytes() const
{
    ByteWriter out;
    out.raw(magic, magicSize);
    out.u32(formatVersion);
    out.u32(originalityStepsPerQuarter);
    const OriginalityCorpus empty;
    const OriginalityCorpus &corpus = m_data ? m_data->corpus : empty;
    out.u32(static_cast<std::uint32_t>(corpus.pieces.size()));
    out.u32(static_cast<std::uint32_t>(corpus.lines.size()));
    out.u32(static_cast<std::uint32_t>(corpus.pitches.size()));
    std::size_t line = 0;
    for (std::size_t piece = 0; piece < corpus.pieces.size(); ++piece) {
        out.string(corpus.pieces[piece].key);
        out.string(corpus.pieces[piece].title);
        out.varint(corpus.pieces[piece].metre.size());
        for (const TimeSignatureChange &change : corpus.pieces[piece].metre) {
            out.varint(static_cast<std::uint64_t>(change.tick));
            out.u8(static_cast<std::uint32_t>(change.numerator));
            out.u8(static_cast<std::uint32_t>(change.denominator));
        }
        std::size_t end = line;
        while (end < corpus.lines.size() && corpus.lines[end].piece == piece)
            ++end;
        out.varint(end - line);
        for (; line < end; ++line) {
            const OriginalityLine &l = corpus.lines[line];
            out.varint(l.track);
            out.string(l.part);
            out.varint(l.count);
            std::uint32_t previous = 0;
            for (std::uint32_t note = l.first; note < l.first + l.count; ++note) {
                out.u8(corpus.pitches[note]);
                out.varint(corpus.onsets[note] - previous);
                previous = corpus.onsets[note];
            }
        }
    }
    return out.take();
}

OriginalityIndex OriginalityIndex::fromBytes(const QByteArray &bytes, QString &error)
{
    ByteReader in(bytes);
    error.clear();
    if (!in.skipMagic()) {
        error = in.error();
        return {};
    }
    const std::uint32_t version = in.u32();
    if (in.ok() && version > formatVersion)
        in.fail(u"made by a newer Tutti (index version %1; this one reads %2)"_s.arg(version).arg(formatVersion));
    if (in.ok() && version < 1)
        in.fail(u"bad index version %1"_s.arg(version));
    if (in.ok() && in.u32() != originalityStepsPerQuarter)
        in.fail(u"not %1 steps per quarter note"_s.arg(originalityStepsPerQuarter));
    const std::uint32_t pieces = in.u32();
    const Totals expected{in.u32(), in.u32()};
    in.checkFits(pieces, u"pieces"_s, smallestPiece);
    in.checkFits(expected.lines, u"lines"_s, smallestLine);
    in.checkFits(expected.notes, u"notes"_s, smallestNote);

    OriginalityCorpus corpus;
    if (in.ok()) {
        corpus.pieces.reserve(pieces);
        corpus.lines.reserve(expected.lines);
        corpus.pitches.reserve(expected.notes);
        corpus.onsets.reserve(expected.notes);
    }
    Totals seen;
    for (std::uint32_t i = 0; i < pieces && in.ok(); ++i)
        readPiece(in, corpus, expected, seen);
    if (in.ok() && (seen.lines != expected.lines || seen.notes != expected.notes))
        in.fail(u"%1 lines and %2 notes where the header says %3 and %4"_s.arg(seen.lines)
                    .arg(seen.notes)
                    .arg(expected.lines)
                    .arg(expected.notes));
    if (in.ok() && in.left() != 0)
        in.fail(u"%1 bytes after the last piece"_s.arg(in.left()));
    if (!in.ok()) {
        error = in.error();
        return {};
    }
    const QString problem = validate(corpus);
    if (!problem.isEmpty()) {
        error = u"inconsistent index: "_s + problem;
        return {};
    }
    return OriginalityIndex(makeOriginalityIndexData(std::move(corpus)));
}

QString OriginalityIndex::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"%1: cannot write: %2"_s.arg(path, file.errorString());
    const QByteArray bytes = toBytes();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return u"%1: cannot write: %2"_s.arg(path, file.errorString());
    return {};
}

OriginalityIndex OriginalityIndex::load(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = u"%1: cannot open: %2"_s.arg(path, file.errorString());
        return {};
    }
    if (file.size() > largestFile) {
        error = u"%1: %2 bytes is too large for a corpus index"_s.arg(path).arg(file.size());
        return {};
    }
    OriginalityIndex index = fromBytes(file.readAll(), error);
    if (!error.isEmpty())
        error = path + u": "_s + error;
    return index;
}

} // namespace tutti
// end of originalityformat.cpp
