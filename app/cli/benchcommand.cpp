// SPDX-License-Identifier: GPL-3.0-or-later
// benchcommand.cpp — `tutti bench WHAT`: speed figures, printed, never asserted.
#include "cli/cliutil.h"
#include "cli/commands.h"

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

struct Benchmark
{
    QString name;
    QString summary;
    int (*run)(const QStringList &arguments);
};

const std::vector<Benchmark> &benchmarks()
{
    static const std::vector<Benchmark> table = {
        {u"render"_s, u"Offline render speed (x real time) and playback scheduling error"_s, benchRender},
        {u"train"_s, u"Music transformer training speed (tokens/s)"_s, benchTrain},
        {u"pianoroll"_s, u"Piano roll load and paint time with a 100,000-note score"_s, benchPianoRoll},
        {u"originality"_s, u"Originality check of an 8-bar, 4-part candidate against the corpus index"_s,
         benchOriginality},
        {u"optout"_s, u"Time of the fast opt-out (unlearning) of one work from the shipped model"_s, benchOptOut},
        {u"thru"_s, u"MIDI thru latency beyond the audio buffer (own JACK dummy server)"_s, benchThru},
        {u"answer"_s, u"Live answer: end of the played bar to the model's answer ready"_s, benchAnswer},
        {u"generate"_s, u"Music transformer generation speed with and without the KV cache"_s, benchGenerate},
        {u"soak"_s, u"Random edits on the main window for --minutes N, checking the score throughout"_s, benchSoak},
        {u"musicxml"_s, u"MusicXML export of a 30-minute string quartet"_s, benchMusicXml},
        {u"start"_s, u"Start-up of commands that need no model, of the main window, and of the model library"_s,
         benchStart},
    };
    return table;
}

} // namespace

int runBench(const QStringList &arguments)
{
    const QString name = arguments.value(1);
    for (const Benchmark &benchmark : benchmarks()) {
        if (benchmark.name == name)
            return benchmark.run(arguments.mid(1));
    }
    QTextStream &stream = name.isEmpty() || name == u"--help"_s ? out() : err();
    if (!name.isEmpty() && name != u"--help"_s)
        stream << "tutti bench: unknown benchmark '" << name << "'.\n";
    stream << "Usage: tutti bench BENCHMARK [OPTIONS]\n\nBenchmarks:\n";
    for (const Benchmark &benchmark : benchmarks())
        stream << "  " << benchmark.name.leftJustified(12) << benchmark.summary << "\n";
    stream.flush();
    return name.isEmpty() || name == u"--help"_s ? 0 : 2;
}

} // namespace tutti::cli
// end of benchcommand.cpp
