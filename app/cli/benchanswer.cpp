// SPDX-License-Identifier: GPL-3.0-or-later
// benchanswer.cpp — `tutti bench answer`: from the end of the bar the player played to the
// live answer being ready, with the shipped model.
//
// A bar of piano is played into a MidiRecorder (as the keyboard would, message by message);
// when the playhead crosses the bar line, LiveAnswer decides to answer and the model writes
// its continuation. The figure is that moment to the candidate being ready.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "model/modellocation.h"
#include "midi/liveanswer.h"
#include "model/generationsession.h"
#include "model/transformermodel.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

// Two bars of piano at 120 BPM, one played bar after a bar of chords: what a player might
// play before resting. The messages are timed as a keyboard would send them.
MidiRecorder playedTake(const Score &score)
{
    MidiRecorder recorder;
    recorder.start(score, 0, 0);
    const auto at = [](double seconds, MidiMessage message) {
        message.timeNs = static_cast<std::int64_t>(seconds * 1e9);
        return message;
    };
    const int chords[4][3] = {{48, 55, 64}, {53, 57, 65}, {55, 59, 62}, {48, 55, 64}};
    for (int beat = 0; beat < 4; ++beat) {
        for (int key : chords[beat])
            recorder.take(at(beat * 0.5, MidiMessage::noteOn(0, key, 70)));
        for (int key : chords[beat])
            recorder.take(at(beat * 0.5 + 0.45, MidiMessage::noteOff(0, key)));
    }
    const int melody[8] = {72, 74, 76, 77, 79, 77, 76, 74};
    for (int step = 0; step < 8; ++step) {
        recorder.take(at(2.0 + step * 0.25, MidiMessage::noteOn(0, melody[step], 85)));
        recorder.take(at(2.0 + step * 0.25 + 0.2, MidiMessage::noteOff(0, melody[step])));
    }
    return recorder;
}

} // namespace

int benchAnswer(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Live answer latency: from the end of the played bar to the model's answer "
                                     "being ready (target under 100 ms: on time at 120 BPM)."_s);
    parser.addPositionalArgument(u"answer"_s, u"The benchmark."_s);
    parser.addOptions({
        {u"model"_s, u"Model file (default: the shipped model)."_s, u"FILE"_s},
        {u"bars"_s, u"Bars of answer (default 2)."_s, u"N"_s, u"2"_s},
        {u"runs"_s, u"Answers to time after one warm-up (default 10)."_s, u"N"_s, u"10"_s},
        {u"threads"_s, u"LibTorch threads (default: LibTorch's choice, as in the app)."_s, u"N"_s},
    });
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QString path = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    if (path.isEmpty()) {
        err() << "tutti bench answer: no model file found; give --model FILE\n";
        err().flush();
        return 1;
    }
    QString error;
    const std::unique_ptr<TransformerModel> model = TransformerModel::load(path, error);
    if (!model) {
        err() << "tutti bench answer: " << error << "\n";
        err().flush();
        return 1;
    }
    if (parser.isSet(u"threads"_s))
        setModelThreads(std::max(1, parser.value(u"threads"_s).toInt()));
    const int runs = std::clamp(parser.value(u"runs"_s).toInt(), 1, 1000);

    Score score;
    score.addTrack(u"Piano"_s, 0);
    MidiRecorder recorder = playedTake(score);
    LiveAnswer answer;
    answer.settings().bars = std::clamp(parser.value(u"bars"_s).toInt(), 1, 8);
    GenerationSession session(*model);
    std::vector<double> milliseconds;
    std::size_t notes = 0;
    for (int run = 0; run <= runs; ++run) { // run 0 warms up
        answer.settings().seed = std::uint64_t(run + 1);
        answer.start(score);
        answer.barEnded(3800, recorder);          // the playhead in the played bar
        QElapsedTimer timer;                      // the playhead crosses the bar line:
        timer.start();
        const std::optional<Tick> barLine = answer.barEnded(3840, recorder);
        if (!barLine) {
            err() << "tutti bench answer: the rest was not recognised\n";
            err().flush();
            return 1;
        }
        const Score context = LiveAnswer::withTake(score, 0, recorder);
        const SuggestionResult result = suggest(session, context, answer.request(context, *barLine, 0));
        const double elapsed = timer.nsecsElapsed() / 1e6;
        if (!result.error.isEmpty() || result.candidates.empty()) {
            err() << "tutti bench answer: " << result.error << "\n";
            err().flush();
            return 1;
        }
        if (run > 0) {
            milliseconds.push_back(elapsed);
            notes += result.candidates.front().noteCount();
        }
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    double mean = 0;
    for (double value : milliseconds)
        mean += value / milliseconds.size();
    out() << "model: " << path << " (" << model->parameterCount() << " parameters)\n"
          << "answer: " << answer.settings().bars << " bar(s) of piano after 2 played bars, " << runs << " runs, "
          << QString::number(double(notes) / runs, 'f', 1) << " notes each on average\n"
          << "end of played bar -> answer ready: median "
          << QString::number(milliseconds[milliseconds.size() / 2], 'f', 1) << " ms, mean "
          << QString::number(mean, 'f', 1) << " ms, max " << QString::number(milliseconds.back(), 'f', 1) << " ms\n"
          << "target: under 100 ms (the answer sounds one bar, 2000 ms at 120 BPM, after that bar line)\n";
    out().flush();
    return 0;
}

} // namespace tutti::cli
// end of benchanswer.cpp
