// SPDX-License-Identifier: GPL-3.0-or-later
// randomscore.h — scores made from arbitrary bytes, for the MusicXML writer's fuzzer and tests.
//
// Usage:
//   tutti::test::ByteSource bytes(data, size);
//   tutti::Score score = tutti::test::randomScore(bytes);   // 1-4 tracks, maps, normalized
//   QString problem = tutti::test::writeAndReadBack(score); // empty when the file read back equal
//
// Notes mostly fall on what notation can spell (16ths, triplets, dotted values, ties over bar
// lines, overlaps, chords, drums), sometimes anywhere; time signatures, tempos and keys change.
#pragma once

#include "io/musicxml.h"
#include "io/musicxmlwriter.h"
#include "score/score.h"

#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <cstdint>

namespace tutti::test {

class ByteSource
{
public:
    ByteSource(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    bool empty() const { return m_at >= m_size; }
    int next(int bound) // 0..bound-1; zeros once the bytes run out
    {
        if (bound <= 1)
            return 0;
        int value = 0;
        for (int i = 0; i < 2 && m_at < m_size; ++i)
            value = value * 256 + m_data[m_at++];
        return value % bound;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

inline Score randomScore(ByteSource &bytes)
{
    using namespace Qt::StringLiterals;
    static constexpr int resolutions[] = {480, 384, 960, 120, 96, 1000, 1};
    Score score;
    score.ticksPerQuarter = resolutions[bytes.next(7)];
    const Tick quarter = score.ticksPerQuarter;
    static constexpr int numerators[] = {4, 3, 2, 6, 9, 12, 5, 7};
    static constexpr int denominators[] = {4, 8, 2, 16, 4, 8, 4, 64};
    Tick at = 0;
    for (int i = 0, changes = 1 + bytes.next(3); i < changes; ++i) {
        const int which = bytes.next(8);
        score.timeSignatures.push_back({at, numerators[which], denominators[which]});
        at += Tick{4} * quarter * numerators[which] / denominators[which] * (1 + bytes.next(3));
        score.tempos.push_back({bytes.next(20) * quarter / 2, 300000 + bytes.next(700000)});
        score.keySignatures.push_back({at * bytes.next(2), bytes.next(15) - 7, bytes.next(2) == 1});
    }
    static constexpr int twelfths[] = {3, 6, 12, 24, 48, 18, 9, 4, 8, 2, 1, 36};
    for (int t = 0, tracks = 1 + bytes.next(4); t < tracks; ++t) {
        Track &track = score.addTrack(u"Part %1"_s.arg(t + 1), bytes.next(128));
        if (bytes.next(6) == 0) {
            track.isDrum = true;
            track.channel = 9;
        }
        Tick position = 0;
        for (int n = 0, notes = bytes.next(40); n < notes; ++n) {
            Note note;
            const bool anywhere = bytes.next(16) == 0;
            const auto grid = [&](int steps) { return anywhere ? steps * 7 + bytes.next(13) : steps * quarter / 12; };
            position += grid(twelfths[bytes.next(12)]) * bytes.next(3);
            note.start = position;
            note.length = std::max<Tick>(1, grid(twelfths[bytes.next(12)] * (1 + bytes.next(4))));
            note.pitch = track.isDrum ? 35 + bytes.next(47) : 12 + bytes.next(108);
            note.velocity = 1 + bytes.next(127);
            track.notes.push_back(note);
        }
    }
    score.normalize();
    return score;
}

// Writes `score` as MusicXML and reads it back: empty when the document is well-formed and
// gives back the same tracks and notes (the same number of notes where the writer said it
// moved some onto its grid); otherwise what differs.
inline QString writeAndReadBack(const Score &score)
{
    const MusicXmlWriteResult written = writeMusicXml(score);
    if (!written.ok())
        return written.error;
    QXmlStreamReader xml(written.xml);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        return QStringLiteral("not well-formed: ") + xml.errorString();
    ScoreReadResult read = readMusicXml(written.xml, QStringLiteral("written.musicxml"));
    if (!read.ok())
        return read.error;
    Score back = std::move(read.score);
    back.setTicksPerQuarter(score.ticksPerQuarter);
    if (back.tracks.size() != score.tracks.size())
        return QStringLiteral("%1 tracks read back, %2 written").arg(back.tracks.size()).arg(score.tracks.size());
    const bool moved = !written.warnings.isEmpty();
    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        const Track &a = score.tracks[t];
        const Track &b = back.tracks[t];
        if (a.isDrum != b.isDrum || a.program != b.program || a.name != b.name)
            return QStringLiteral("track %1 came back as another instrument").arg(t + 1);
        if (!moved && a.notes != b.notes)
            return QStringLiteral("track %1: other notes came back").arg(t + 1);
        if (moved && a.notes.size() < b.notes.size())
            return QStringLiteral("track %1: more notes came back").arg(t + 1);
    }
    return {};
}

} // namespace tutti::test
// end of randomscore.h
