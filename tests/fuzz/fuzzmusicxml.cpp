// SPDX-License-Identifier: GPL-3.0-or-later
// fuzzmusicxml.cpp — libFuzzer target for the MusicXML reader (uncompressed documents).
//
// Run (after cmake --preset fuzz && cmake --build build-fuzz --target fuzzmusicxml):
//   mkdir -p corpus-musicxml && cp tests/data/musicxml/*.musicxml corpus-musicxml/
//   build-fuzz/tests/fuzz/fuzzmusicxml -dict=tests/fuzz/musicxml.dict -max_len=16384 corpus-musicxml/ -max_total_time=300
// Any bytes must give either an error or a valid score, read as written and as played
// (repeats, jumps and tremolos expanded).
#include "io/musicxml.h"

#include <cstdint>
#include <cstdlib>

namespace {

bool isPowerOfTwo(int value)
{
    return value > 0 && (value & (value - 1)) == 0;
}

bool valid(const tutti::Score &score)
{
    if (score.ticksPerQuarter < 1 || score.ticksPerQuarter > 0x7FFF)
        return false;
    for (const tutti::TempoChange &tempo : score.tempos) {
        if (tempo.tick < 0 || tempo.microsecondsPerQuarter <= 0)
            return false;
    }
    for (const tutti::TimeSignatureChange &time : score.timeSignatures) {
        if (time.tick < 0 || time.numerator < 1 || time.numerator > 255 || !isPowerOfTwo(time.denominator)
            || time.denominator > 64)
            return false;
    }
    for (const tutti::KeySignatureChange &key : score.keySignatures) {
        if (key.tick < 0 || key.sharps < -7 || key.sharps > 7)
            return false;
    }
    for (const tutti::Track &track : score.tracks) {
        if (track.channel < 0 || track.channel > 15 || track.program < 0 || track.program > 127
            || (track.isDrum && track.channel != 9))
            return false;
        for (const tutti::Note &note : track.notes) {
            if (note.start < 0 || note.length < 1 || note.pitch < 0 || note.pitch > 127 || note.velocity < 1
                || note.velocity > 127)
                return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const tutti::ScoreReadResult written = tutti::readMusicXml(bytes, QStringLiteral("fuzz.musicxml"));
    if (!written.ok())
        return 0;
    if (!valid(written.score))
        std::abort();
    tutti::MusicXmlOptions playback;
    playback.expandRepeats = true;
    playback.expandTremolos = true;
    const tutti::ScoreReadResult played = tutti::readMusicXml(bytes, QStringLiteral("fuzz.musicxml"), playback);
    if (played.ok() && !valid(played.score))
        std::abort();
    return 0;
}
