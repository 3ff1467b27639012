// SPDX-License-Identifier: GPL-3.0-or-later
// rendercommand.cpp — `tutti render IN OUT.wav`: a score to audio, faster than real time.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "audio/offlinerenderer.h"
#include "audio/soundfonts.h"
#include "io/scorefile.h"
#include "score/timemap.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tutti::cli {

int runRender(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Render a score (MIDI, MusicXML or .tutti) to a 16-bit stereo WAV file "
                                     "through a SoundFont, including the release tail."_s);
    parser.addPositionalArgument(u"in"_s, u"The score to render."_s);
    parser.addPositionalArgument(u"out"_s, u"The WAV file to write."_s);
    const QCommandLineOption soundFontOption(u"soundfont"_s, u"The .sf2/.sf3 to use (default: the first found of "
                                             "the search order; see --list-soundfonts)."_s, u"file"_s);
    const QCommandLineOption rateOption(u"sample-rate"_s, u"Sample rate in Hz (default 44100)."_s, u"hz"_s,
                                        u"44100"_s);
    const QCommandLineOption listOption(u"list-soundfonts"_s, u"Print where the default SoundFont is looked for."_s);
    parser.addOptions({soundFontOption, rateOption, listOption});
    addScoreReadingOptions(parser);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;

    if (parser.isSet(listOption)) {
        const QString chosen = audio::defaultSoundFont();
        for (const QString &path : audio::soundFontSearchOrder())
            out() << (QFileInfo(path).isFile() ? "found    " : "missing  ") << path << "\n";
        out() << "default: " << (chosen.isEmpty() ? u"none"_s : chosen) << "\n";
        out().flush();
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        err() << "tutti render: expected IN and OUT.wav.\n" << commandHelp(parser, u"render"_s);
        err().flush();
        return 2;
    }
    bool rateOk = false;
    audio::RenderOptions options;
    options.sampleRate = parser.value(rateOption).toInt(&rateOk);
    options.soundFont = parser.value(soundFontOption);
    if (!rateOk) {
        err() << "tutti render: --sample-rate takes a whole number of Hz.\n";
        err().flush();
        return 2;
    }

    const ScoreReadResult score = readScore(files[0], scoreReadingOptions(parser));
    if (!score.ok()) {
        err() << "tutti render: " << score.error << "\n";
        err().flush();
        return 1;
    }
    const bool showProgress = isatty(fileno(stderr));
    int lastPercent = -1;
    QElapsedTimer clock;
    clock.start();
    const audio::RenderResult result = audio::renderToWav(score.score, files[1], options, [&](double done) {
        const int percent = static_cast<int>(done * 100);
        if (showProgress && percent != lastPercent) {
            lastPercent = percent;
            err() << "\rRendering... " << percent << "%";
            err().flush();
        }
        return true;
    });
    if (showProgress)
        err() << "\r" << QString(20, u' ') << "\r";
    if (!result.error.isEmpty()) {
        err() << "tutti render: " << result.error << "\n";
        err().flush();
        return 1;
    }
    const double seconds = static_cast<double>(result.frames) / options.sampleRate;
    const double elapsed = std::max(1e-6, clock.nsecsElapsed() / 1e9);
    out() << "Wrote " << files[1] << ": " << QString::number(seconds, 'f', 2) << " s of audio at "
          << options.sampleRate << " Hz, peak " << QString::number(result.peakDbfs(), 'f', 1) << " dBFS, rendered in "
          << QString::number(elapsed, 'f', 2) << " s (" << QString::number(seconds / elapsed, 'f', 0)
          << "x real time)\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of rendercommand.cpp
