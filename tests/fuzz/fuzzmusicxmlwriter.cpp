// SPDX-License-Identifier: GPL-3.0-or-later
// fuzzmusicxmlwriter.cpp — libFuzzer target for the MusicXML writer: scores made from the bytes.
//
// Run (after cmake --preset fuzz && cmake --build build-fuzz --target fuzzmusicxmlwriter):
//   build-fuzz/tests/fuzz/fuzzmusicxmlwriter -max_len=512 -max_total_time=300
// Every score must give a well-formed document that the importer reads back to the same
// tracks and notes (tests/randomscore.h says how "same" is judged).
#include "../randomscore.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    tutti::test::ByteSource bytes(data, size);
    const tutti::Score score = tutti::test::randomScore(bytes);
    const QString problem = tutti::test::writeAndReadBack(score);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
// end of fuzzmusicxmlwriter.cpp
