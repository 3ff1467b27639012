// SPDX-License-Identifier: GPL-3.0-or-later
// benchpianoroll.cpp — `tutti bench pianoroll`: opening and painting a large score.
//
// Builds a 100,000-note score (eight parts of running notes and chords), times writing and
// reading it as .tutti, then paints the piano roll's note area zoomed out so that about
// 20,000 notes are in view, and prints the median of several frames. Needs a QApplication
// (main.cpp makes an offscreen one for this benchmark).
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "edit/scoredocument.h"
#include "io/tuttifile.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

constexpr int partCount = 8;

// noteCount notes spread over eight parts: sixteenths in the upper parts, chords below.
Score largeScore(int noteCount)
{
    Score score;
    const int programs[partCount] = {73, 71, 40, 40, 41, 42, 0, 32};
    const int roots[partCount] = {79, 72, 67, 64, 55, 43, 48, 36};
    for (int part = 0; part < partCount; ++part)
        score.addTrack(u"Part %1"_s.arg(part + 1), programs[part]);
    for (int i = 0; i < noteCount; ++i) {
        const int part = i % partCount;
        const int step = i / partCount;
        const Tick start = static_cast<Tick>(step) * 120;
        const int pitch = roots[part] + (step * (part + 3)) % 14 - 7;
        score.tracks[static_cast<std::size_t>(part)].notes.push_back({start, 110, pitch, 60 + (step % 8) * 8});
    }
    score.normalize();
    return score;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int benchPianoRoll(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Load and paint times of the piano roll with a large score."_s);
    parser.addHelpOption();
    parser.addOption({u"notes"_s, u"Notes in the score (default 100000)."_s, u"N"_s, u"100000"_s});
    parser.addOption({u"visible"_s, u"Notes to aim for in view (default 20000)."_s, u"N"_s, u"20000"_s});
    parser.addOption({u"frames"_s, u"Frames to paint (default 15)."_s, u"N"_s, u"15"_s});
    parser.process(arguments);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        err() << "tutti bench pianoroll: needs a QApplication (run it as `tutti bench pianoroll`).\n";
        err().flush();
        return 1;
    }
    const int noteCount = std::max(partCount, parser.value(u"notes"_s).toInt());
    const int visibleTarget = std::clamp(parser.value(u"visible"_s).toInt(), 1, noteCount);
    const int frames = std::max(1, parser.value(u"frames"_s).toInt());

    QElapsedTimer clock;
    clock.start();
    const Score score = largeScore(noteCount);
    const double buildMs = clock.nsecsElapsed() / 1e6;

    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.tutti"_s);
    clock.restart();
    const QString writeError = writeTuttiFile(score, path);
    const double writeMs = clock.nsecsElapsed() / 1e6;
    if (!writeError.isEmpty()) {
        err() << "tutti bench pianoroll: " << writeError << "\n";
        err().flush();
        return 1;
    }
    ScoreDocument document;
    clock.restart();
    const QString openError = document.open(path);
    const double openMs = clock.nsecsElapsed() / 1e6;
    if (!openError.isEmpty()) {
        err() << "tutti bench pianoroll: " << openError << "\n";
        err().flush();
        return 1;
    }

    PianoRollEditor editor(&document);
    editor.resize(1600, 1000);
    NoteCanvas *canvas = editor.canvas();
    canvas->grab(); // lays the editor out and warms caches (glyphs, pens)
    // Zoom so that the view spans the share of the score holding visibleTarget notes, and
    // every pitch used is in view.
    PianoRollViewport *viewport = editor.viewport();
    const double share = static_cast<double>(visibleTarget) / noteCount;
    const double spanTicks = std::max<double>(1.0, score.endTick() * share);
    viewport->setPixelsPerTick(canvas->width() / spanTicks);
    int lowest = 127;
    int highest = 0;
    for (const Track &track : score.tracks) {
        for (const Note &note : track.notes) {
            lowest = std::min(lowest, note.pitch);
            highest = std::max(highest, note.pitch);
        }
    }
    viewport->setKeyHeight(std::max(1.0, canvas->height() / (highest - lowest + 1.0)));
    viewport->setTopPitch(highest);
    viewport->setFirstTick(score.endTick() / 3);

    std::vector<double> paintMs;
    canvas->grab(); // first frame at this zoom
    for (int frame = 0; frame < frames; ++frame) {
        clock.restart();
        canvas->grab();
        paintMs.push_back(clock.nsecsElapsed() / 1e6);
    }
    const double framesMs = median(paintMs);

    QTextStream &stream = out();
    stream << "Score: " << score.noteCount() << " notes in " << score.tracks.size() << " tracks (built in "
           << QString::number(buildMs, 'f', 1) << " ms)\n";
    stream << "Load: write .tutti " << QString::number(writeMs, 'f', 1) << " ms, open .tutti "
           << QString::number(openMs, 'f', 1) << " ms, total " << QString::number(writeMs + openMs, 'f', 1)
           << " ms\n";
    stream << "Paint: " << canvas->width() << "x" << canvas->height() << " view, " << canvas->lastPaintedNoteCount()
           << " notes visible, median " << QString::number(framesMs, 'f', 2) << " ms a frame over " << frames
           << " frames (target < 16 ms: " << (framesMs < 16.0 ? "met" : "missed") << ")\n";
    stream.flush();
    return 0;
}

} // namespace tutti::cli
// end of benchpianoroll.cpp
