// SPDX-License-Identifier: GPL-3.0-or-later
// infocommand.cpp — `tutti info FILE`: what a score holds, in words a musician reads.
#include "cli/cliutil.h"
#include "cli/commands.h"

#include "analysis/originalityindex.h"
#include "audio/soundfonts.h"
#include "model/modellocation.h"
#include "io/scorefile.h"
#include "score/generalmidi.h"
#include "score/pitchname.h"
#include "score/timemap.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti::cli {

namespace {

QString keyName(const KeySignatureChange &key)
{
    static const char *const majors[] = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C",
                                         "G", "D", "A", "E", "B", "F#", "C#"};
    static const char *const minors[] = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A",
                                         "E", "B", "F#", "C#", "G#", "D#", "A#"};
    const int index = std::clamp(key.sharps, -7, 7) + 7;
    return QString::fromLatin1(key.minor ? minors[index] : majors[index]) + (key.minor ? u" minor"_s : u" major"_s);
}

QString clockTime(double seconds)
{
    const int minutes = static_cast<int>(seconds / 60);
    return QString::number(minutes) + u':'
        + QString::number(seconds - minutes * 60, 'f', 1).rightJustified(4, u'0');
}

QString formatName(ScoreFormat format)
{
    switch (format) {
    case ScoreFormat::Midi: return u"Standard MIDI file"_s;
    case ScoreFormat::MusicXml: return u"MusicXML"_s;
    case ScoreFormat::Tutti: return u"Tutti project"_s;
    case ScoreFormat::Unknown: break;
    }
    return u"unknown"_s;
}

void printTracks(const Score &score)
{
    out() << "Tracks:     " << score.tracks.size() << "\n";
    int number = 0;
    for (const Track &track : score.tracks) {
        ++number;
        QString instrument = track.isDrum ? u"Drums"_s : generalMidiProgramName(track.program);
        if (!track.isDrum)
            instrument += u" (program "_s + QString::number(track.program) + u')';
        QString range;
        if (!track.notes.empty()) {
            auto [low, high] = std::minmax_element(track.notes.begin(), track.notes.end(),
                                                   [](const Note &a, const Note &b) { return a.pitch < b.pitch; });
            range = pitchName(low->pitch) + u'-' + pitchName(high->pitch);
        }
        out() << "  " << QString::number(number).rightJustified(2) << "  "
              << track.name.leftJustified(20, u' ', true) << "  " << instrument.leftJustified(28)
              << "  ch " << QString::number(track.channel + 1).rightJustified(2)
              << "  " << QString::number(track.notes.size()).rightJustified(6) << " notes  " << range << "\n";
    }
}

void printMaps(const Score &score, const TimeMap &map)
{
    out() << "Tempo:      ";
    if (score.tempos.empty())
        out() << "120 BPM (default)";
    for (std::size_t i = 0; i < score.tempos.size(); ++i) {
        if (i == 8) {
            out() << "; ... " << score.tempos.size() - i << " more";
            break;
        }
        const TempoChange &change = score.tempos[i];
        out() << (i ? "; " : "") << QString::number(change.bpm(), 'f', 1) << " BPM at "
              << map.barBeatTick(change.tick).toString();
    }
    out() << "\nMetre:      ";
    if (score.timeSignatures.empty())
        out() << "4/4 (default)";
    for (std::size_t i = 0; i < score.timeSignatures.size(); ++i) {
        const TimeSignatureChange &change = score.timeSignatures[i];
        out() << (i ? "; " : "") << change.numerator << "/" << change.denominator << " at bar "
              << map.barAt(change.tick);
    }
    out() << "\nKey:        ";
    if (score.keySignatures.empty())
        out() << "none declared";
    for (std::size_t i = 0; i < score.keySignatures.size(); ++i) {
        const KeySignatureChange &change = score.keySignatures[i];
        out() << (i ? "; " : "") << keyName(change) << " at bar " << map.barAt(change.tick);
    }
    out() << "\n";
}

} // namespace

// Without a file: where this installation finds what it needs (the model, the originality
// index, the SoundFont), so a user or a package test can see which copies are used.
void describeSetup()
{
    const auto found = [](const QString &path, const QString &missing) {
        return path.isEmpty() ? missing
                              : u"%1 (%2 MB)"_s.arg(path).arg(QFileInfo(path).size() / 1e6, 0, 'f', 1);
    };
    out() << "Tutti:      " << QCoreApplication::applicationVersion() << " (" << QCoreApplication::applicationFilePath()
          << ")\n"
          << "Model:      " << found(defaultModelPath(), noModelMessage()) << "\n"
          << "Index:      "
          << found(defaultOriginalityIndexPath(), u"none found: the originality check is off"_s) << "\n"
          << "SoundFont:  "
          << found(audio::defaultSoundFont(), u"none found: install musescore-general-soundfont-small or pick one"_s)
          << "\n";
    out().flush();
}

// Prints one score's description; returns false (after saying why) when it cannot be read.
bool describe(const QString &path, const MusicXmlOptions &options)
{
    const ScoreReadResult result = readScore(path, options);
    if (!result.ok()) {
        err() << "tutti info: " << result.error << "\n";
        err().flush();
        return false;
    }
    const Score &score = result.score;
    const TimeMap map(score);
    const Tick end = score.endTick();

    out() << "File:       " << QFileInfo(path).fileName() << "\n"
          << "Format:     " << formatName(scoreFormatForPath(path)) << "\n";
    if (!score.title.isEmpty())
        out() << "Title:      " << score.title << "\n";
    printTracks(score);
    out() << "Notes:      " << score.noteCount() << "\n"
          << "Bars:       " << map.barCount(end) << "\n"
          << "Duration:   " << clockTime(map.seconds(end)) << " (" << QString::number(map.seconds(end), 'f', 3)
          << " s)\n"
          << "Resolution: " << score.ticksPerQuarter << " ticks per quarter\n";
    printMaps(score, map);
    if (!result.playback.isEmpty())
        out() << "Playback:   " << result.playback << "\n";
    for (const QString &warning : result.warnings)
        out() << "Warning:    " << warning << "\n";
    out().flush();
    return true;
}

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Describe scores: tracks, instruments, notes, bars, duration, "
                                     "tempo and metre changes. With several files, each is described in turn; "
                                     "the exit code is 1 if any could not be read. Without a file: the model, "
                                     "originality index and SoundFont this installation uses."_s);
    parser.addPositionalArgument(u"files"_s, u"MIDI (.mid), MusicXML (.musicxml, .xml, .mxl) or .tutti files."_s,
                                 u"[FILE...]"_s);
    addScoreReadingOptions(parser);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        describeSetup();
        return 0;
    }
    bool allRead = true;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (i > 0)
            out() << "\n";
        allRead = describe(files[i], scoreReadingOptions(parser)) && allRead;
    }
    return allRead ? 0 : 1;
}

} // namespace tutti::cli
// end of infocommand.cpp
