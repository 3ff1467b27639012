// SPDX-License-Identifier: GPL-3.0-or-later
// soakrun.cpp — rounds of SoakDriver actions with the checks between them.
#include "soakrun.h"

#include "edit/autosaver.h"
#include "edit/scoredocument.h"
#include "io/tuttifile.h"
#include "mainwindow/mainwindow.h"
#include "soakdriver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <deque>
#include <memory>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr std::size_t recentCount = 15;

// One line per event, flushed at once: the process may be killed right after.
class EventLog
{
public:
    explicit EventLog(const QString &path)
        : m_file(path)
    {
        m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered);
    }

    void write(const QString &line)
    {
        m_file.write((line + u'\n').toUtf8());
        m_file.flush();
    }

private:
    QFile m_file;
};

QString now()
{
    return QString::number(QDateTime::currentMSecsSinceEpoch());
}

} // namespace

QString writeSoakStartScore(const QString &path)
{
    Score score;
    score.title = u"Soak"_s;
    score.tempos = {{0, 500000}, {7680, 400000}};
    score.timeSignatures = {{0, 4, 4}, {3840, 3, 4}};
    score.keySignatures = {{0, -1, false}};
    // addTrack returns a reference into the track vector, which the next addTrack may move:
    // add all three first, then take the references.
    score.addTrack(u"Piano"_s, 0);
    score.addTrack(u"Strings"_s, 48);
    score.addTrack(u"Drums"_s, 0);
    Track &piano = score.tracks[0];
    Track &strings = score.tracks[1];
    Track &drums = score.tracks[2];
    strings.channel = 1;
    drums.channel = 9;
    drums.isDrum = true;
    for (int beat = 0; beat < 16; ++beat) {
        const Tick at = beat * 480;
        piano.notes.push_back({at, 240, 60 + (beat * 5) % 17, 70 + beat});
        piano.notes.push_back({at + 240, 240, 64 + (beat * 3) % 9, 60});
        drums.notes.push_back({at, 60, beat % 2 == 0 ? 36 : 38, 100});
        if (beat % 4 == 0)
            strings.notes.push_back({at, 1920, 48 + beat / 4, 50});
    }
    score.normalize();
    return writeTuttiFile(score, path);
}

SoakReport runSoak(MainWindow *window, const SoakOptions &options)
{
    SoakReport report;
    const QString startPath = QDir(options.folder).filePath(u"soak-start.tutti"_s);
    const QString savedPath = QDir(options.folder).filePath(u"soak-saved.tutti"_s);
    if (const QString error = writeSoakStartScore(startPath); !error.isEmpty()) {
        report.failure = u"cannot write the start score: "_s + error;
        return report;
    }
    const bool crashTest = !options.events.isEmpty();
    SoakDriver driver(window, options.seed);
    driver.setSuggestionsEnabled(options.suggestions);
    std::deque<QString> recent;
    QElapsedTimer clock;
    clock.start();
    const auto finished = [&] {
        return (options.actions > 0 && report.actions >= options.actions)
            || (options.milliseconds > 0 && clock.elapsed() >= options.milliseconds);
    };

    std::unique_ptr<EventLog> events;
    QList<QMetaObject::Connection> connections; // undone before `events` goes
    if (crashTest) {
        events = std::make_unique<EventLog>(options.events);
        events->write(u"recovery "_s + window->autosaver()->recoveryPath());
        ScoreDocument *document = window->document();
        connections << QObject::connect(window->autosaver(), &Autosaver::saved, window, [&events, document] {
            events->write(u"saved "_s + now() + u' ' + QString::fromLatin1(SoakDriver::fingerprint(document->score())));
        });
        connections << QObject::connect(document, &ScoreDocument::modifiedChanged, window, [&events](bool modified) {
            events->write((modified ? u"modified "_s : u"clean "_s) + now());
        });
    }

    while (!finished() && report.failure.isEmpty()) {
        if (!window->openFile(startPath)) {
            report.failure = u"cannot open the start score"_s;
            break;
        }
        QCoreApplication::processEvents();
        driver.markStart();
        ++report.rounds;
        for (int i = 0; (crashTest || i < options.roundActions) && !finished(); ++i) {
            const QString action = driver.step();
            ++report.actions;
            recent.push_back(u"#%1 %2"_s.arg(report.actions).arg(action));
            if (recent.size() > recentCount)
                recent.pop_front();
            if (options.verbose && options.progress)
                options.progress(u"#%1 %2 -> %3 notes, undo \"%4\" (%5 steps)"_s.arg(report.actions)
                                     .arg(action)
                                     .arg(window->document()->score().noteCount())
                                     .arg(window->document()->undoStack()->undoText())
                                     .arg(window->document()->undoStack()->index()));
            QString problem = driver.integrityProblem();
            if (problem.isEmpty() && !crashTest && options.saveEvery > 0 && report.actions % options.saveEvery == 0)
                problem = driver.saveReopenProblem(savedPath);
            if (!problem.isEmpty()) {
                report.failure = u"after action %1 (%2): %3"_s.arg(report.actions).arg(action, problem);
                break;
            }
        }
        if (!report.failure.isEmpty() || crashTest)
            break;
        if (const QString problem = driver.undoRedoProblem(); !problem.isEmpty()) {
            report.failure = u"at the end of round %1 (action %2): %3"_s.arg(report.rounds).arg(report.actions).arg(
                problem);
            break;
        }
        // The round's score and its undo history go; what stays allocated must not grow.
        window->document()->newScore();
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 heap = SoakDriver::heapInUse();
        if (report.rounds == 1)
            report.heapAfterFirstRound = heap;
        report.heapAfterLastRound = heap;
        report.heapPeak = std::max(report.heapPeak, heap);
        if (options.progress)
            options.progress(u"round %1: %2 actions, %3 s, heap %4 MiB"_s.arg(report.rounds)
                                 .arg(report.actions)
                                 .arg(clock.elapsed() / 1000)
                                 .arg(heap / 1048576.0, 0, 'f', 1));
    }
    if (report.failure.isEmpty() && report.rounds >= 3
        && report.heapAfterLastRound - report.heapAfterFirstRound > options.heapGrowthLimit)
        report.failure = u"the heap grew from %1 to %2 MiB over %3 rounds"_s.arg(report.heapAfterFirstRound >> 20)
                             .arg(report.heapAfterLastRound >> 20)
                             .arg(report.rounds);
    for (const QMetaObject::Connection &connection : connections)
        QObject::disconnect(connection);
    report.suggestionsAccepted = driver.suggestionsAccepted();
    report.recentActions = QStringList(recent.begin(), recent.end());
    return report;
}

} // namespace tutti
// end of soakrun.cpp
