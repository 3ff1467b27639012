// SPDX-License-Identifier: GPL-3.0-or-later
// readresult.h — what every score reader returns.
//
// Usage:
//   tutti::ScoreReadResult result = tutti::readScoreFile(path);
//   if (!result.ok()) { report(result.error); return; }   // error names file, offset, problem
//   for (const QString &w : result.warnings) log(w);      // things skipped or repaired
//   use(result.score);
#pragma once

#include "score/score.h"

#include <QString>
#include <QStringList>

namespace tutti {

struct ScoreReadResult
{
    Score score;          // meaningful only when ok()
    QString error;        // empty on success; otherwise one line a person can act on
    QStringList warnings; // what was skipped or repaired, one line each
    QString playback;     // MusicXML: how repeats and tremolos were read, one line; else empty

    bool ok() const { return error.isEmpty(); }

    static ScoreReadResult failure(const QString &message)
    {
        ScoreReadResult result;
        result.error = message;
        return result;
    }
};

} // namespace tutti
// end of readresult.h
