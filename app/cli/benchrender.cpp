// SPDX-License-Identifier: GPL-3.0-or-later
// benchrender.cpp — `tutti bench render`: offline speed and playback timing error.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "audio/audioanalysis.h"
#include "audio/offlinerenderer.h"
#include "audio/playbackengine.h"
#include "audio/soundfonts.h"
#include "io/scorefile.h"
#include "score/timemap.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

// Ten seconds of four instruments in chords and runs, like an ensemble draft.
Score ensembleScore()
{
    Score score;
    const int programs[] = {40, 41, 42, 73};
    const int roots[] = {67, 60, 48, 79};
    for (int part = 0; part < 4; ++part) {
        Track &track = score.addTrack(u"Part "_s + QString::number(part + 1), programs[part]);
        for (int step = 0; step < 40; ++step) {
            const int pitch = roots[part] + (step * (part + 2)) % 12;
            track.notes.push_back({step * 240, 220, pitch, 70 + part * 10});
        }
    }
    score.normalize();
    return score;
}

// Best render speed in multiples of real time, SoundFont loading excluded (an SF3 takes
// seconds to decompress); *loadSeconds gets the slowest load seen.
double renderSpeed(const Score &score, const audio::RenderOptions &options, int runs, double *audioSeconds,
                   double *loadSeconds, QString *error)
{
    std::vector<float> stereo;
    double best = 0;
    for (int run = 0; run <= runs; ++run) { // run 0 warms up (SoundFont cache, allocations)
        QElapsedTimer clock;
        clock.start();
        const audio::RenderResult result = audio::renderToBuffer(score, options, stereo);
        const double elapsed = clock.nsecsElapsed() / 1e9 - result.loadSeconds;
        *loadSeconds = std::max(*loadSeconds, result.loadSeconds);
        if (!result.error.isEmpty()) {
            *error = result.error;
            return 0;
        }
        *audioSeconds = static_cast<double>(result.frames) / options.sampleRate;
        if (run > 0)
            best = std::max(best, *audioSeconds / elapsed);
    }
    return best;
}

// Plays the timing probe through the real-time engine (driven by hand, so the numbers do
// not depend on this machine's sound card) and measures each stroke's onset.
void schedulingError(const QString &soundFont, int sampleRate)
{
    const Score probe = audio::timingProbeScore();
    audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, sampleRate);
    QString error;
    engine.setSynthesizer(audio::PlaybackEngine::loadSynthesizer(soundFont, sampleRate, &error));
    if (!error.isEmpty()) {
        err() << "tutti bench render: " << error << "\n";
        return;
    }
    engine.setScore(probe);
    engine.play();
    const TimeMap map(probe);
    const long frames = static_cast<long>((map.seconds(probe.endTick()) + 1.0) * sampleRate) / 64 * 64;
    std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size()), stereo;
    engine.renderManually(left.data(), right.data(), static_cast<int>(frames));
    for (long i = 0; i < frames; ++i) {
        stereo.push_back(left[static_cast<std::size_t>(i)]);
        stereo.push_back(right[static_cast<std::size_t>(i)]);
    }
    const std::vector<double> onsets = audio::detectOnsets(stereo, sampleRate);
    const auto &notes = probe.tracks[0].notes;
    if (onsets.size() != notes.size()) {
        out() << "scheduling: found " << onsets.size() << " onsets for " << notes.size() << " strokes\n";
        return;
    }
    // The first stroke starts exactly on a block, so its onset is the sample's own attack.
    const double attack = onsets[0];
    double worst = 0, sum = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const double error = std::abs(onsets[i] - attack - map.seconds(notes[i].start));
        worst = std::max(worst, error);
        sum += error;
    }
    out() << "playback scheduling error (" << QFileInfo(soundFont).fileName() << ") over " << notes.size()
          << " strokes across a tempo change: mean "
          << QString::number(sum / notes.size() * 1000, 'f', 3) << " ms, max " << QString::number(worst * 1000, 'f', 3)
          << " ms (bound: 32 frames = " << QString::number(32000.0 / sampleRate, 'f', 3) << " ms)\n";
}

} // namespace

int benchRender(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Prints how many times faster than real time a score renders, and how far "
                                     "playback events land from where the score puts them."_s);
    const QCommandLineOption inputOption(u"input"_s, u"Score to render (default: 10 s of a built-in quartet)."_s,
                                         u"file"_s);
    const QCommandLineOption soundFontOption(u"soundfont"_s, u"SoundFont (default: the search order's first)."_s,
                                             u"file"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Timed runs after one warm-up (default 3)."_s, u"n"_s, u"3"_s);
    parser.addOptions({inputOption, soundFontOption, runsOption});
    int exitCode = 0;
    addScoreReadingOptions(parser);
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;

    Score score = ensembleScore();
    if (parser.isSet(inputOption)) {
        const ScoreReadResult read = readScore(parser.value(inputOption), scoreReadingOptions(parser));
        if (!read.ok()) {
            err() << "tutti bench render: " << read.error << "\n";
            return 1;
        }
        score = read.score;
    }
    audio::RenderOptions options;
    options.soundFont = parser.isSet(soundFontOption) ? parser.value(soundFontOption) : audio::defaultSoundFont();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    double audioSeconds = 0;
    double loadSeconds = 0;
    QString error;
    const double speed = renderSpeed(score, options, runs, &audioSeconds, &loadSeconds, &error);
    if (!error.isEmpty()) {
        err() << "tutti bench render: " << error << "\n";
        err().flush();
        return 1;
    }
    std::vector<float> stereo;
    audio::renderToBuffer(score, options, stereo);
    out() << "SoundFont: " << options.soundFont << "\n"
          << "offline render: " << score.tracks.size() << " tracks, " << score.noteCount() << " notes, "
          << QString::number(audioSeconds, 'f', 2) << " s of audio: " << QString::number(speed, 'f', 0)
          << "x real time (best of " << runs << ", SoundFont load of " << QString::number(loadSeconds, 'f', 2)
          << " s excluded), peak " << QString::number(audio::peakDbfs(stereo), 'f', 1) << " dBFS\n";
    // Onsets are measured best with TimGM6mb's short, dry side stick; the scheduling does not
    // depend on the SoundFont.
    const QString timingFont = u"/usr/share/sounds/sf2/TimGM6mb.sf2"_s;
    schedulingError(QFileInfo::exists(timingFont) ? timingFont : options.soundFont, options.sampleRate);
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of benchrender.cpp
