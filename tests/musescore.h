// musescore.h — MuseScore 3 as an outside reader of Tutti's MusicXML, and notes compared on a grid.
//
// Usage:
//   if (tutti::test::museScore().isEmpty()) QSKIP("mscore3 is not installed");
//   QStringList failed = tutti::test::convertWithMuseScore({{in, out}}, 300000);  // one batch job
//   std::vector<tutti::test::GridNote> a = tutti::test::gridNotes(score);        // 12 per quarter
//   int differing = tutti::test::differingNotes(a, b);
#pragma once

#include "score/score.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace tutti::test {

inline QString museScore()
{
    return QStandardPaths::findExecutable(QStringLiteral("mscore3"));
}

// Converts each (input, output) pair in one `mscore3 -j` run (output format from its name);
// returns the inputs whose output is missing or empty afterwards.
inline QStringList convertWithMuseScore(const std::vector<std::pair<QString, QString>> &jobs, int timeoutMs)
{
    QJsonArray array;
    for (const auto &[in, out] : jobs)
        array.append(QJsonObject{{QStringLiteral("in"), in}, {QStringLiteral("out"), out}});
    QTemporaryDir dir;
    const QString jobFile = dir.filePath(QStringLiteral("jobs.json"));
    QFile file(jobFile);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(array).toJson());
    file.close();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(museScore(), {QStringLiteral("-j"), jobFile});
    if (!process.waitForFinished(timeoutMs))
        process.kill();
    QStringList failed;
    for (const auto &[in, out] : jobs) {
        if (QFileInfo(out).size() == 0)
            failed.append(in);
    }
    return failed;
}

// A note as a notation program sees it: pitch, onset and duration in twelfths of a quarter.
using GridNote = std::tuple<int, qint64, qint64>;

inline std::vector<GridNote> gridNotes(const Score &score)
{
    std::vector<GridNote> notes;
    const double perTick = 12.0 / std::max(1, score.ticksPerQuarter);
    for (const Track &track : score.tracks) {
        for (const Note &note : track.notes) {
            const auto start = static_cast<qint64>(std::llround(note.start * perTick));
            const auto end = static_cast<qint64>(std::llround((note.start + note.length) * perTick));
            notes.emplace_back(note.pitch, start, end - start);
        }
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

// Notes of either list without an equal partner in the other.
inline int differingNotes(const std::vector<GridNote> &a, const std::vector<GridNote> &b)
{
    std::vector<GridNote> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return static_cast<int>(a.size() + b.size() - 2 * common.size());
}

} // namespace tutti::test
// end of musescore.h
