// SPDX-License-Identifier: GPL-3.0-or-later
// fuzzoriginalityindex.cpp — libFuzzer target for the corpus index reader.
//
// Run (after cmake --preset fuzz && cmake --build build-fuzz --target fuzzoriginalityindex):
//   mkdir -p corpus && build/tutti index --data DIR-WITH-A-FEW-SMALL-MIDI-FILES --out corpus/seed.index
//   build-fuzz/tests/fuzz/fuzzoriginalityindex -dict=tests/fuzz/originalityindex.dict -max_len=4096
//       corpus/ -max_total_time=300
// Any bytes must give either an error and an empty index, or an index that checks a score
// without fault and writes back to the very same bytes (the format has one spelling per index).
#include "analysis/originalityindex.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

tutti::Score probe()
{
    tutti::Score score;
    tutti::Track &track = score.addTrack(QStringLiteral("Probe"), 40);
    const int pitches[] = {60, 62, 64, 65, 67, 65, 64, 62, 60, 67, 72, 71, 72};
    tutti::Tick start = 0;
    for (int pitch : pitches) {
        track.notes.push_back({start, 240, pitch, 80});
        track.notes.push_back({start, 240, pitch - 7, 80});
        start += pitch % 2 == 0 ? 240 : 480;
    }
    score.timeSignatures = {{0, 3, 4}, {1440, 5, 8}};
    score.normalize();
    return score;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const tutti::OriginalityIndex index = tutti::OriginalityIndex::fromBytes(bytes, error);
    if (!error.isEmpty()) {
        if (!index.isEmpty() || error.contains(QLatin1Char('\n')))
            std::abort();
        return 0;
    }
    static const tutti::Score score = probe();
    const tutti::OriginalityReport report = index.check(score);
    for (const tutti::OriginalityMatch &match : report.matches) {
        if (match.notes < tutti::minimumMatchNotes || match.trainingFirstBar < 1
            || match.trainingLastBar < match.trainingFirstBar || match.describe().isEmpty())
            std::abort();
    }
    const QByteArray again = index.toBytes();
    if (again != bytes) {
        qsizetype at = 0;
        while (at < again.size() && at < bytes.size() && again[at] == bytes[at])
            ++at;
        std::fprintf(stderr, "written again, the index differs from byte %lld\n", static_cast<long long>(at));
        std::abort();
    }
    return 0;
}
// end of fuzzoriginalityindex.cpp
