// SPDX-License-Identifier: GPL-3.0-or-later
// fuzzmidireader.cpp — libFuzzer target for the Standard MIDI File reader.
//
// Run (after cmake --preset fuzz && cmake --build build-fuzz --target fuzzmidireader):
//   mkdir -p corpus && cp tests/data/midi/*.mid corpus/
//   build-fuzz/tests/fuzz/fuzzmidireader -dict=tests/fuzz/midi.dict -max_len=8192 corpus/ -max_total_time=300
// Any bytes must give either an error or a score whose notes are valid; a score read
// must also survive writeMidi() and read back without error.
#include "io/midifile.h"

#include <cstdint>
#include <cstdlib>

namespace {

bool valid(const tutti::Score &score)
{
    if (score.ticksPerQuarter < 1 || score.ticksPerQuarter > 0x7FFF)
        return false;
    for (const tutti::Track &track : score.tracks) {
        if (track.notes.empty() || track.channel < 0 || track.channel > 15 || track.program < 0 || track.program > 127
            || track.isDrum != (track.channel == 9))
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
    const tutti::ScoreReadResult result = tutti::readMidi(bytes, QStringLiteral("fuzz.mid"));
    if (!result.ok())
        return 0;
    if (!valid(result.score))
        std::abort();
    const tutti::ScoreReadResult again = tutti::readMidi(tutti::writeMidi(result.score), QStringLiteral("again.mid"));
    if (!again.ok() || again.score.noteCount() != result.score.noteCount())
        std::abort();
    return 0;
}
