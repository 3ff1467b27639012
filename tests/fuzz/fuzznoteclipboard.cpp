// SPDX-License-Identifier: GPL-3.0-or-later
// fuzznoteclipboard.cpp — libFuzzer target for the notes another program may put on the
// system clipboard as application/x-tutti-notes.
//
// Whatever decodeClipboardNotes accepts must be notes a score can hold, at any receiving
// resolution. Seed it with a real copy:
//   build-fuzz/tests/fuzz/fuzznoteclipboard corpus/
#include "edit/noteclipboard.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the receiving resolution, the rest is the clipboard's bytes.
    const int ticksPerQuarter = 1 + data[0] * 7;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1),
                                                     static_cast<qsizetype>(size - 1));
    const std::optional<std::vector<tutti::Note>> notes = tutti::decodeClipboardNotes(bytes, ticksPerQuarter);
    if (notes) {
        for (const tutti::Note &note : *notes) {
            if (note.start < 0 || note.length < 1 || note.pitch < 0 || note.pitch > 127 || note.velocity < 1
                || note.velocity > 127)
                __builtin_trap();
        }
        // What was read writes back and reads again unchanged.
        if (tutti::decodeClipboardNotes(tutti::encodeClipboardNotes(*notes, ticksPerQuarter), ticksPerQuarter) != notes)
            __builtin_trap();
    }
    return 0;
}
// end of fuzznoteclipboard.cpp
