// SPDX-License-Identifier: GPL-3.0-or-later
// soakrun.h — a whole soak: rounds of random actions on the main window, every check, and a
// report; shared by tests/testuisoak.cpp (short, in CI) and `tutti bench soak` (long).
//
// Usage:
//   SoakOptions options;
//   options.seed = 1234;                  // printed by the caller: the same seed replays the run
//   options.actions = 3000;               // or options.milliseconds = 10 * 60'000
//   options.folder = dir.path();          // the start score and the saved copies go here
//   const SoakReport report = runSoak(&window, options);
//   if (!report.failure.isEmpty()) fail(report.failure + report.recentActions.join(u'\n'));
//
// Each round opens the start score (a fresh undo stack), makes `roundActions` random actions
// (SoakDriver), checking integrity after every one and save + reopen every `saveEvery`, and
// ends with undo-all and redo-all. The heap in use is measured after each round, once the
// round's score is closed: it must not keep growing (`heapGrowthLimit` over the first round).
// With `events` set, the run instead stays in one round, never saves, and appends a line to
// that file whenever the autosaver writes its copy or the document turns clean or modified,
// so a parent process that kills it can tell what the recovery copy must hold.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace tutti {

class MainWindow;

struct SoakOptions
{
    quint64 seed = 1;
    int actions = 2000;         // stop after this many (0: no limit)
    qint64 milliseconds = 0;    // or after this long (0: no limit)
    int roundActions = 500;
    int saveEvery = 250;        // actions between save + reopen checks (0: never)
    qint64 heapGrowthLimit = qint64(32) << 20;
    bool suggestions = false;   // accept suggestions (the window's model must load)
    QString folder;             // where the start score and the saved copies go
    QString events;             // crash-test mode: the autosave event log (see above)
    std::function<void(const QString &)> progress; // a line now and then; may be empty
    bool verbose = false;       // a progress line per action: what it did, the undo stack's top
};

struct SoakReport
{
    int actions = 0;
    int rounds = 0;
    int suggestionsAccepted = 0;
    qint64 heapAfterFirstRound = 0; // bytes
    qint64 heapAfterLastRound = 0;
    qint64 heapPeak = 0;
    QString failure;                // empty when every check held
    QStringList recentActions;      // the last few actions before the end, numbered
};

// The score every soak round starts from: three tracks (one of them drums), a tempo change
// and a metre change, a few bars of notes.
QString writeSoakStartScore(const QString &path); // empty on success

SoakReport runSoak(MainWindow *window, const SoakOptions &options);

} // namespace tutti
// end of soakrun.h
