// SPDX-License-Identifier: GPL-3.0-or-later
// generatecommand.cpp — `tutti generate`: suggestions from the command line, one file per candidate.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/indexcopyguard.h"
#include "analysis/originalityindex.h"
#include "model/modellocation.h"
#include "generation/suggestion.h"
#include "io/scorefile.h"
#include "model/generationbatch.h"
#include "model/transformermodel.h"
#include "representation/instruments.h"
#include "score/generalmidi.h"
#include "score/timemap.h"

#include <QElapsedTimer>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

const QStringList modeNames = {u"new"_s, u"instruments"_s, u"continue"_s, u"infill"_s};

QString usageError(const QString &message)
{
    err() << "tutti generate: " << message << "\n";
    err().flush();
    return message;
}

// "5-8" or "5" (1-based, inclusive) -> [first, end) 0-based.
bool parseBars(const QString &text, int &first, int &end)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*(?:-\\s*(\\d+))?\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    const int a = match.captured(1).toInt();
    const int b = match.captured(2).isEmpty() ? a : match.captured(2).toInt();
    if (a < 1 || b < a)
        return false;
    first = a - 1;
    end = b;
    return true;
}

// One instrument: a General MIDI program number 1..128, a General MIDI name ("Violin",
// "String Ensemble 1") or an MMT instrument name ("english-horn"). -1 when unknown.
int programFromText(const QString &text)
{
    bool isNumber = false;
    const int number = text.toInt(&isNumber);
    if (isNumber)
        return number >= 1 && number <= 128 ? number - 1 : -1;
    const QString wanted = text.trimmed().toLower();
    for (int program = 0; program < 128; ++program) {
        if (generalMidiProgramName(program).toLower() == wanted)
            return program;
    }
    for (int code = 1; code <= instrumentCount; ++code) {
        if (instrumentName(code) == wanted)
            return programForInstrument(code);
    }
    return -1;
}

QString candidatePath(const QString &out, int candidate, int candidates)
{
    if (candidates == 1)
        return out;
    const QFileInfo info(out);
    const QString suffix = info.completeSuffix().isEmpty() ? QString() : u"."_s + info.completeSuffix();
    return info.dir().filePath(info.baseName() + u"-"_s + QString::number(candidate + 1) + suffix);
}

// Reads every option into `request`; an error message for the first bad one.
QString readRequest(const QCommandLineParser &parser, bool hasInput, const Score &score, SuggestionRequest &request)
{
    const bool hasInstruments = parser.isSet(u"instruments"_s);
    // --instruments without --mode means --mode instruments.
    const QString mode = parser.isSet(u"mode"_s) ? parser.value(u"mode"_s)
                         : hasInstruments        ? u"instruments"_s
                         : hasInput              ? u"continue"_s
                                                 : u"new"_s;
    const int modeIndex = static_cast<int>(modeNames.indexOf(mode));
    if (modeIndex < 0)
        return usageError(u"--mode must be one of "_s + modeNames.join(u", "_s));
    request.mode = static_cast<SuggestionMode>(modeIndex);
    if (hasInstruments && request.mode != SuggestionMode::Instruments)
        return usageError(u"--instruments is for --mode instruments; leave --mode out or drop --instruments"_s);

    if (parser.isSet(u"bars"_s) && !parseBars(parser.value(u"bars"_s), request.firstBar, request.endBar))
        return usageError(u"--bars takes A-B, 1-based bars, e.g. 5-8"_s);
    if (!parser.isSet(u"bars"_s) && request.mode == SuggestionMode::Continue && !score.tracks.empty()) {
        request.firstBar = 0; // the whole score as context
        request.endBar = TimeMap(score).barCount(score.endTick());
    }
    bool ok = true;
    if (parser.isSet(u"length"_s))
        request.lengthBars = parser.value(u"length"_s).toInt(&ok);
    if (!ok)
        return usageError(u"--length takes a number of bars"_s);
    if (parser.isSet(u"candidates"_s))
        request.candidates = parser.value(u"candidates"_s).toInt(&ok);
    if (!ok)
        return usageError(u"--candidates takes a number"_s);
    request.sampling.seed = parser.isSet(u"seed"_s) ? parser.value(u"seed"_s).toULongLong(&ok)
                                                     : QRandomGenerator::global()->generate64();
    if (!ok)
        return usageError(u"--seed takes a whole number"_s);
    if (parser.isSet(u"temperature"_s)) {
        const float temperature = parser.value(u"temperature"_s).toFloat(&ok);
        if (!ok || temperature <= 0.0f)
            return usageError(u"--temperature takes a number above 0"_s);
        request.sampling.setTemperature(temperature);
    }
    if (parser.isSet(u"top-p"_s)) {
        const float topP = parser.value(u"top-p"_s).toFloat(&ok);
        if (!ok || topP <= 0.0f || topP > 1.0f)
            return usageError(u"--top-p takes a number in (0, 1]"_s);
        request.sampling.topP.fill(topP);
    }

    const QString key = parser.value(u"key"_s);
    if (key.isEmpty() || key == u"any"_s) {
        request.scaleChoice = ScaleChoice::Any;
    } else if (key == u"context"_s) {
        request.scaleChoice = ScaleChoice::FromContext;
    } else {
        request.scaleChoice = ScaleChoice::Fixed;
        const QString error = parseScale(key, request.scale);
        if (!error.isEmpty())
            return usageError(error);
    }

    for (const QString &name : parser.value(u"instruments"_s).split(u',', Qt::SkipEmptyParts)) {
        const int program = programFromText(name);
        if (program < 0)
            return usageError(u"unknown instrument '%1' (a General MIDI number 1-128 or name, or an MMT name)"_s.arg(name));
        request.programs.push_back(program);
    }
    QString error;
    NoteControls &controls = request.controls;
    if (parser.isSet(u"density"_s))
        error = parseDensity(parser.value(u"density"_s), controls.density, controls.notesPerBar);
    if (error.isEmpty() && parser.isSet(u"polyphony"_s)) {
        controls.polyphony = parser.value(u"polyphony"_s).toInt(&ok);
        if (!ok || controls.polyphony < 1 || controls.polyphony > 16)
            error = u"--polyphony takes 1 to 16 notes at once"_s;
    }
    if (error.isEmpty() && parser.isSet(u"grid"_s))
        error = parseGrid(parser.value(u"grid"_s), controls.grid);
    if (error.isEmpty() && parser.isSet(u"max-leap"_s)) {
        controls.maxLeap = parser.value(u"max-leap"_s).toInt(&ok);
        if (!ok || controls.maxLeap < 0 || controls.maxLeap > 127)
            error = u"--max-leap takes semitones, 0 to 127"_s;
    }
    if (error.isEmpty() && parser.isSet(u"steps"_s)) {
        controls.stepPreference = parser.value(u"steps"_s).toDouble(&ok);
        if (!ok || controls.stepPreference < -1.0 || controls.stepPreference > 1.0)
            error = u"--steps takes a number from -1 (leaps) to 1 (steps)"_s;
    }
    if (error.isEmpty() && parser.isSet(u"range"_s))
        error = parsePitchRange(parser.value(u"range"_s), controls.lowestPitch, controls.highestPitch);
    if (error.isEmpty() && parser.isSet(u"velocity"_s))
        error = parseVelocityRange(parser.value(u"velocity"_s), controls.lowestVelocity, controls.highestVelocity);
    if (!error.isEmpty())
        return usageError(error);
    request.keepRhythm = parser.isSet(u"keep-rhythm"_s);
    request.avoidCopies = !parser.isSet(u"allow-copies"_s);

    for (const QString &number : parser.value(u"tracks"_s).split(u',', Qt::SkipEmptyParts)) {
        const int track = number.toInt(&ok);
        if (!ok || track < 1)
            return usageError(u"--tracks takes 1-based track numbers, e.g. 1,3"_s);
        request.tracks.push_back(track - 1);
    }
    return {};
}

} // namespace

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Ask the music transformer for music. Modes: new (from nothing), instruments (from nothing, for the "
        "given instruments), continue (after the bars of --bars), infill (rewrite the bars of --bars in the "
        "tracks of --tracks, keeping what comes after). Writes the input with each candidate in it."_s);
    parser.addOptions({
        {u"mode"_s, u"new, instruments, continue or infill (default: instruments with --instruments, continue with "
                    "--input, else new)."_s, u"MODE"_s},
        {u"input"_s, u"The score to continue or rewrite (MIDI, MusicXML, .tutti)."_s, u"FILE"_s},
        {u"bars"_s, u"1-based bars A-B: the context (continue), the bars to rewrite (infill), the first bar (new, "
                    "instruments)."_s, u"A-B"_s},
        {u"length"_s, u"Bars to write, 1-32 (default 8)."_s, u"N"_s},
        {u"instruments"_s, u"Comma-separated instruments for --mode instruments (implied when --mode is left out): "
                           "General MIDI numbers or names, or MMT names (violin,viola,cello)."_s, u"LIST"_s},
        {u"tracks"_s, u"Comma-separated 1-based tracks to rewrite (infill; default all)."_s, u"LIST"_s},
        {u"key"_s, u"Keep pitches in a scale: 'D minor', 'F# dorian', ...; 'context' (as in the context) or 'any' "
                   "(default)."_s, u"KEY"_s},
        {u"candidates"_s, u"Candidates to write (default 1): OUT-1.mid, OUT-2.mid, ..."_s, u"K"_s},
        {u"seed"_s, u"Random seed of the first candidate (default: random); candidate i uses seed + i - 1."_s, u"S"_s},
        {u"temperature"_s, u"Sampling temperature of every field (default 1)."_s, u"T"_s},
        {u"top-p"_s, u"Nucleus sampling: keep the likeliest codes up to this probability (default 1)."_s, u"P"_s},
        {u"density"_s, u"Notes per bar per track: a number, or low, medium, high (relative to the context)."_s, u"N"_s},
        {u"polyphony"_s, u"At most N notes sounding at once in a track (1: a single line)."_s, u"N"_s},
        {u"grid"_s, u"Onsets only on this grid: 1/4, 1/8, 1/16, 1/8t or 1/16t."_s, u"GRID"_s},
        {u"max-leap"_s, u"Largest leap between a track's successive notes, in semitones."_s, u"N"_s},
        {u"steps"_s, u"Step/leap preference, -1 (leaps) to 1 (steps); default 0."_s, u"X"_s},
        {u"range"_s, u"Pitch range of every written track, e.g. C4-G5 (C4 is middle C)."_s, u"LOW-HIGH"_s},
        {u"velocity"_s, u"Velocity range of the written notes, e.g. 40-90."_s, u"LOW-HIGH"_s},
        {u"keep-rhythm"_s, u"Infill: keep the selection's onsets and durations, rewrite only the pitches."_s},
        {u"allow-copies"_s, u"Let the model continue training pieces (by default no candidate copies 8 notes of one)."_s},
        {u"index"_s, u"Originality index for copy avoidance (default: the one beside the model)."_s, u"FILE"_s},
        {u"model"_s, u"Model file (default: the shipped model)."_s, u"FILE"_s},
        {u"out"_s, u"Output file (.mid or .tutti)."_s, u"OUT"_s},
    });
    parser.addPositionalArgument(u"input"_s, u"The score, as --input."_s, u"[FILE]"_s);
    int exitCode = 0;
    addScoreReadingOptions(parser);
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList inputs = parser.values(u"input"_s) + parser.positionalArguments();
    if (inputs.size() > 1) {
        usageError(u"one score at a time: %1"_s.arg(inputs.join(u", "_s)));
        return 2;
    }
    const QString outPath = parser.value(u"out"_s);
    if (outPath.isEmpty()) {
        usageError(u"--out is required"_s);
        return 2;
    }
    if (!QFileInfo(outPath).absoluteDir().exists()) {
        usageError(u"the folder of %1 does not exist"_s.arg(outPath));
        return 1;
    }

    Score score;
    if (!inputs.isEmpty()) {
        ScoreReadResult read = readScore(inputs.constFirst(), scoreReadingOptions(parser));
        if (!read.ok()) {
            err() << "tutti generate: " << read.error << "\n";
            err().flush();
            return 1;
        }
        score = std::move(read.score);
    }
    SuggestionRequest request;
    request.candidates = 1;
    if (!readRequest(parser, !inputs.isEmpty(), score, request).isEmpty())
        return 2;
    if (const QString problem = checkRequest(score, request); !problem.isEmpty()) {
        usageError(problem);
        return 2;
    }

    const QString modelPath = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : defaultModelPath();
    if (modelPath.isEmpty()) {
        err() << "tutti generate: " << noModelMessage() << "\n";
        err().flush();
        return 1;
    }
    QString error;
    const std::unique_ptr<TransformerModel> model = TransformerModel::load(modelPath, error);
    if (!model) {
        err() << "tutti generate: " << error << "\n";
        err().flush();
        return 1;
    }

    if (request.avoidCopies) {
        const QString indexPath = parser.isSet(u"index"_s) ? parser.value(u"index"_s) : defaultOriginalityIndexPath();
        QString indexError = indexPath.isEmpty() ? u"no %1 found"_s.arg(QString::fromUtf16(originalityIndexFileName)) : QString();
        const OriginalityIndex index = indexPath.isEmpty() ? OriginalityIndex() : OriginalityIndex::load(indexPath, indexError);
        if (parser.isSet(u"index"_s) && !indexError.isEmpty()) {
            err() << "tutti generate: " << indexError << "\n";
            err().flush();
            return 1;
        }
        request.copyGuard = makeIndexCopyGuard(index);
        if (!request.copyGuard) {
            err() << "tutti generate: copies are not avoided: " << (indexError.isEmpty() ? u"the index is empty"_s : indexError)
                  << "\n";
            err().flush();
        }
    }

    GenerationBatch batch(*model, request.candidates); // the candidates side by side
    SuggestionCallbacks callbacks;
    QElapsedTimer timer;
    timer.start();
    bool written = true;
    callbacks.candidateReady = [&](int candidate, const Suggestion &suggestion) {
        const QString path = candidatePath(outPath, candidate, request.candidates);
        const QString writeError = writeScoreFile(applySuggestion(score, suggestion), path);
        if (!writeError.isEmpty()) {
            err() << "tutti generate: " << writeError << "\n";
            err().flush();
            written = false;
            return;
        }
        const qint64 now = timer.elapsed();
        out() << path << ": seed " << suggestion.seed << ", " << suggestion.noteCount() << " notes in "
              << suggestion.parts.size() << " parts, ready after " << now << " ms\n";
        for (const QString &line : suggestion.controls.lines())
            out() << "  " << line << "\n";
        out().flush();
    };
    const SuggestionResult result = suggest(batch, score, request, callbacks);
    if (!result.error.isEmpty()) {
        err() << "tutti generate: " << result.error << "\n";
        err().flush();
        return 1;
    }
    return written ? 0 : 1;
}

} // namespace tutti::cli
// end of generatecommand.cpp
