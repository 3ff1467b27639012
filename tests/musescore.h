// SPDX-License-Identifier: GPL-3.0-or-later
// musescore.h — MuseScore 3 as an outside reader of Tutti's MusicXML, and notes compared on a grid.
//
// Usage:
//   if (tutti::test::museScore().isEmpty()) QSKIP("mscore3 is not installed");
//   QStringList failed = tutti::test::convertWithMuseScore({{in, out}}, 300000);  // one batch job
//   std::vector<tutti::test::GridNote> a = tutti::test::gridNotes(score);
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
#include <memory>
#include <cmath>
#include <tuple>
#include <vector>

namespace tutti::test {

inline QString museScore()
{
    return QStandardPaths::findExecutable(QStringLiteral("mscore3"));
}

// Converts each (input, output) pair in `mscore3 -j` runs, two side by side (output format
// from its name); returns the inputs whose output is missing or empty afterwards.
inline QStringList convertWithMuseScore(const std::vector<std::pair<QString, QString>> &jobs, int timeoutMs)
{
    constexpr std::size_t processes = 2;
    QTemporaryDir dir;
    std::vector<std::unique_ptr<QProcess>> running;
    for (std::size_t p = 0; p < processes; ++p) {
        QJsonArray array;
        for (std::size_t i = p; i < jobs.size(); i += processes)
            array.append(QJsonObject{{QStringLiteral("in"), jobs[i].first}, {QStringLiteral("out"), jobs[i].second}});
        if (array.isEmpty())
            continue;
        const QString jobFile = dir.filePath(QStringLiteral("jobs%1.json").arg(p));
        QFile file(jobFile);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(array).toJson());
        file.close();
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
        process->setProcessEnvironment(environment);
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(museScore(), {QStringLiteral("-j"), jobFile});
        running.push_back(std::move(process));
    }
    for (const std::unique_ptr<QProcess> &process : running) {
        if (!process->waitForFinished(timeoutMs))
            process->kill();
    }
    QStringList failed;
    for (const auto &[in, out] : jobs) {
        if (QFileInfo(out).size() == 0)
            failed.append(in);
    }
    return failed;
}

// A note as a notation program sees it: pitch, onset and end in quarters.
struct GridNote
{
    int pitch;
    double start;
    double end;
    friend bool operator<(const GridNote &a, const GridNote &b)
    {
        return std::tie(a.pitch, a.start, a.end) < std::tie(b.pitch, b.start, b.end);
    }
};

inline std::vector<GridNote> gridNotes(const Score &score)
{
    std::vector<GridNote> notes;
    const double perTick = 1.0 / std::max(1, score.ticksPerQuarter);
    for (const Track &track : score.tracks) {
        for (const Note &note : track.notes)
            notes.push_back({note.pitch, note.start * perTick, (note.start + note.length) * perTick});
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

// Notes of either list without a partner of the same pitch in the other whose onset and end
// fall on the same point of the 1/12-quarter grid (within half a step: a 32nd note's end,
// half-way between two points, may round either way).
inline int differingNotes(const std::vector<GridNote> &a, const std::vector<GridNote> &b)
{
    constexpr double tolerance = 1.0 / 24.0 + 1e-9;
    std::vector<bool> used(b.size(), false);
    int matched = 0;
    for (const GridNote &note : a) {
        auto it = std::lower_bound(b.begin(), b.end(), GridNote{note.pitch, note.start - tolerance, -1e300});
        for (; it != b.end() && it->pitch == note.pitch && it->start <= note.start + tolerance; ++it) {
            const auto index = static_cast<std::size_t>(it - b.begin());
            if (!used[index] && std::abs(it->end - note.end) <= tolerance) {
                used[index] = true;
                ++matched;
                break;
            }
        }
    }
    return static_cast<int>(a.size() + b.size()) - 2 * matched;
}

} // namespace tutti::test
// end of musescore.h
