// SPDX-License-Identifier: GPL-3.0-or-later
// testgenerationsuggestion.cpp — the four suggestion modes and their controls, over many seeds.
#include "generation/suggestion.h"
#include "generation/teachingrun.h"
#include "noisysource.h"
#include "representation/instruments.h"
#include "score/timemap.h"

#include <QTest>

#include <algorithm>
#include <atomic>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

constexpr int seeds = 25;

// Two violins, a viola and a cello playing quarter notes for `bars` bars of 4/4.
Score quartet(int bars)
{
    Score score;
    const int programs[] = {40, 40, 41, 42};
    const int pitches[] = {76, 67, 60, 48};
    for (int part = 0; part < 4; ++part) {
        Track &track = score.addTrack(u"Part %1"_s.arg(part + 1), programs[part]);
        track.channel = part;
        for (int beat = 0; beat < bars * 4; ++beat)
            track.notes.push_back({beat * 480, 480, pitches[part] + (beat % 3) * 2, 70 + part});
    }
    score.normalize();
    return score;
}

SuggestionRequest continuation(std::uint64_t seed)
{
    SuggestionRequest request;
    request.mode = SuggestionMode::Continue;
    request.firstBar = 0;
    request.endBar = 4;
    request.lengthBars = 4;
    request.candidates = 1;
    request.sampling.seed = seed;
    return request;
}

// Every note of every part inside the span and playable by its track's instrument.
void verifyPlacementAndRanges(const Score &score, const Suggestion &suggestion)
{
    for (const SuggestedPart &part : suggestion.parts) {
        const int program = part.track >= 0 ? score.tracks[static_cast<std::size_t>(part.track)].program
                                            : part.newTrack.program;
        const int code = instrumentForProgram(program);
        QVERIFY(code != 0);
        QVERIFY(!part.notes.empty());
        for (const Note &note : part.notes) {
            QVERIFY2(note.start >= suggestion.firstTick && note.start < suggestion.endTick,
                     qPrintable(u"note at %1 outside [%2, %3)"_s.arg(note.start).arg(suggestion.firstTick).arg(suggestion.endTick)));
            QVERIFY2(note.pitch >= lowestPitch(code) && note.pitch <= highestPitch(code),
                     qPrintable(u"pitch %1 outside the range of %2"_s.arg(note.pitch).arg(instrumentName(code))));
            QVERIFY(note.length > 0);
        }
    }
}

} // namespace

class TestGenerationSuggestion final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void continuationStaysInsideItsBarsAndRanges()
    {
        // GIVEN a four-bar quartet and a model that writes notes rather than ending
        const Score score = quartet(4);
        NoisySource source(1024, 5.0f, 1.0f);
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            // WHEN it continues bars 1-4 by four bars
            const SuggestionResult result = suggest(source, score, continuation(seed));
            // THEN every note lies in bars 5-8, in an existing track, inside its instrument's range
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QCOMPARE(result.candidates.size(), std::size_t(1));
            const Suggestion &suggestion = result.candidates.front();
            QCOMPARE(suggestion.firstTick, Tick(4 * 4 * 480));
            QCOMPARE(suggestion.endTick, Tick(8 * 4 * 480));
            QVERIFY(suggestion.noteCount() > 0);
            for (const SuggestedPart &part : suggestion.parts)
                QVERIFY(part.track >= 0);
            verifyPlacementAndRanges(score, suggestion);
        }
    }

    void sameSeedSameNotesOtherSeedOtherNotes()
    {
        const Score score = quartet(4);
        NoisySource source(1024, 5.0f, 1.0f);
        SuggestionRequest request = continuation(11);
        request.candidates = 2;
        const SuggestionResult first = suggest(source, score, request);
        const SuggestionResult second = suggest(source, score, request);
        QCOMPARE(first.candidates.size(), std::size_t(2));
        QCOMPARE(applySuggestion(score, first.candidates[0]), applySuggestion(score, second.candidates[0]));
        QCOMPARE(first.candidates[1].seed, std::uint64_t(12));
        QVERIFY(applySuggestion(score, first.candidates[0]) != applySuggestion(score, first.candidates[1]));
    }

    void fixedScaleMasksOtherPitchClasses()
    {
        const Score score = quartet(4);
        NoisySource source(1024, 5.0f, 1.0f);
        Scale dorian;
        QVERIFY(parseScale(u"D dorian"_s, dorian).isEmpty());
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            SuggestionRequest request = continuation(seed);
            request.scaleChoice = ScaleChoice::Fixed;
            request.scale = dorian;
            const SuggestionResult result = suggest(source, score, request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            for (const SuggestedPart &part : result.candidates.front().parts) {
                for (const Note &note : part.notes)
                    QVERIFY2(dorian.pitchClasses().test(static_cast<std::size_t>(note.pitch % 12)), qPrintable(QString::number(note.pitch)));
            }
        }
    }

    void instrumentsModeWritesExactlyThoseInstruments()
    {
        // GIVEN an empty score and a request for flute, clarinet and cello
        const Score empty;
        NoisySource source(1024, 5.0f, 1.0f);
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            SuggestionRequest request;
            request.mode = SuggestionMode::Instruments;
            request.programs = {73, 71, 42};
            request.lengthBars = 2;
            request.candidates = 1;
            request.sampling.seed = seed;
            const SuggestionResult result = suggest(source, empty, request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            // THEN every part is a new track of one of those programs, on its own channel
            std::vector<int> channels;
            for (const SuggestedPart &part : result.candidates.front().parts) {
                QCOMPARE(part.track, -1);
                QVERIFY(part.newTrack.program == 73 || part.newTrack.program == 71 || part.newTrack.program == 42);
                QVERIFY(part.newTrack.channel != 9);
                QVERIFY(std::find(channels.begin(), channels.end(), part.newTrack.channel) == channels.end());
                channels.push_back(part.newTrack.channel);
            }
            verifyPlacementAndRanges(empty, result.candidates.front());
        }
    }

    void newPieceFromNothing()
    {
        NoisySource source(1024, 5.0f, 1.0f);
        SuggestionRequest request;
        request.mode = SuggestionMode::New;
        request.lengthBars = 4;
        request.candidates = 3;
        const SuggestionResult result = suggest(source, Score(), request);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.candidates.size(), std::size_t(3));
        for (const Suggestion &suggestion : result.candidates)
            verifyPlacementAndRanges(Score(), suggestion);
    }

    void infillRewritesOnlyTheGapOfTheChosenTracks()
    {
        // GIVEN a quartet of 8 bars; bars 3-4 of the cello are to be rewritten
        const Score score = quartet(8);
        NoisySource source(1024, 5.0f, 1.0f);
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            SuggestionRequest request;
            request.mode = SuggestionMode::Infill;
            request.firstBar = 2;
            request.endBar = 4;
            request.tracks = {3};
            request.candidates = 1;
            request.sampling.seed = seed;
            const SuggestionResult result = suggest(source, score, request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            const Suggestion &suggestion = result.candidates.front();
            verifyPlacementAndRanges(score, suggestion);
            // THEN only the cello gets notes, and they end inside the gap
            for (const SuggestedPart &part : suggestion.parts) {
                QCOMPARE(part.track, 3);
                for (const Note &note : part.notes)
                    QVERIFY(note.start + note.length <= suggestion.endTick);
            }
            // AND after accepting, everything outside the gap and the other tracks are untouched
            const Score accepted = applySuggestion(score, suggestion);
            for (int track = 0; track < 3; ++track)
                QCOMPARE(accepted.tracks[track], score.tracks[track]);
            auto outsideGap = [&](const Track &track) {
                std::vector<Note> notes;
                for (const Note &note : track.notes) {
                    if (note.start < suggestion.firstTick || note.start >= suggestion.endTick)
                        notes.push_back(note);
                }
                return notes;
            };
            QCOMPARE(outsideGap(accepted.tracks[3]), outsideGap(score.tracks[3]));
        }
    }

    void slidesTheWindowForLongContinuations()
    {
        // GIVEN a model whose window holds only 96 events
        const Score score = quartet(4);
        NoisySource source(96, 5.0f, 1.0f);
        SuggestionRequest request = continuation(3);
        request.lengthBars = 32;
        const SuggestionResult result = suggest(source, score, request);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        // THEN it writes more notes than one window holds and reaches the last bars
        const Suggestion &suggestion = result.candidates.front();
        QVERIFY2(suggestion.noteCount() > 96, qPrintable(QString::number(suggestion.noteCount())));
        Tick last = 0;
        for (const SuggestedPart &part : suggestion.parts)
            last = std::max(last, part.notes.back().start);
        QVERIFY2(last >= TimeMap(score).barStart(30), qPrintable(QString::number(last)));
        verifyPlacementAndRanges(score, suggestion);
    }

    void cancelStopsWithinAnEvent()
    {
        const Score score = quartet(4);
        NoisySource source(1024, 5.0f, 1.0f);
        SuggestionRequest request = continuation(1);
        request.lengthBars = 32;
        request.candidates = 4;
        int events = 0;
        SuggestionCallbacks callbacks;
        callbacks.progress = [&](int, int, double) { ++events; };
        callbacks.cancelled = [&] { return events >= 5; };
        const SuggestionResult result = suggest(source, score, request, callbacks);
        QVERIFY(result.cancelled);
        QCOMPARE(result.candidates.size(), std::size_t(1));
        QVERIFY(result.candidates.front().cancelled);
        QVERIFY(result.candidates.front().noteCount() <= 6);
    }

    void twoViolinsStayTwoParts()
    {
        const Score score = quartet(4);
        NoisySource source(1024, 5.0f, 1.0f);
        int firstViolin = 0;
        int secondViolin = 0;
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            const SuggestionResult result = suggest(source, score, continuation(seed));
            for (const SuggestedPart &part : result.candidates.front().parts) {
                firstViolin += part.track == 0 ? static_cast<int>(part.notes.size()) : 0;
                secondViolin += part.track == 1 ? static_cast<int>(part.notes.size()) : 0;
            }
        }
        QVERIFY(firstViolin > 0);
        QVERIFY(secondViolin > 0);
    }

    void theTeachingRecordingIsTheSuggestionItself()
    {
        // GIVEN the quartet, a model that would write anything, and a fixed-scale request
        const Score score = quartet(4);
        for (std::uint64_t seed = 0; seed < 8; ++seed) {
            SuggestionRequest request = continuation(seed);
            request.scaleChoice = ScaleChoice::Fixed;
            request.scale = {2, ScaleMode::NaturalMinor};
            // WHEN the teaching view records it, up to 40 notes
            NoisySource teachingSource(1024, 5.0f, 1.0f);
            const std::atomic<bool> cancel{false};
            int lastProgress = 0;
            const TeachingRun run = recordSuggestion(teachingSource, teachingRequest(score, request, 40), cancel,
                                                     [&lastProgress](int written) { lastProgress = written; });
            QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
            QVERIFY(!run.notes.empty());
            QVERIFY(run.notes.size() <= 40u);
            QCOMPARE(lastProgress, static_cast<int>(run.notes.size()));
            QCOMPARE(run.promptNotes, 4 * 16);
            // THEN its notes are exactly the suggestion's first ones (same generator, masks and
            // seed): every one on a quartet track, in its instrument's range and in D minor
            NoisySource suggestionSource(1024, 5.0f, 1.0f);
            const SuggestionResult result = suggest(suggestionSource, score, request);
            QCOMPARE(result.candidates.size(), std::size_t(1));
            std::vector<Note> suggested;
            for (const SuggestedPart &part : result.candidates.front().parts)
                suggested.insert(suggested.end(), part.notes.begin(), part.notes.end());
            int kept = 0;
            for (const TeachingNote &note : run.notes) {
                const GenerationStep &step = run.steps[static_cast<std::size_t>(note.step)];
                QVERIFY(step.event.isNote());
                QCOMPARE(step.fields.size(), std::size_t(6));
                QVERIFY(note.track >= 0 && note.track < 4);
                const int code = instrumentForProgram(score.tracks[static_cast<std::size_t>(note.track)].program);
                QVERIFY2(note.note.pitch >= lowestPitch(code) && note.note.pitch <= highestPitch(code),
                         qPrintable(u"pitch %1 outside the range of %2"_s.arg(note.note.pitch).arg(instrumentName(code))));
                QVERIFY(request.scale.pitchClasses().test(static_cast<std::size_t>(note.note.pitch % 12)));
                if (!note.kept) { // written before the span, where the candidate keeps nothing
                    QVERIFY(note.note.start < run.writeFrom);
                    continue;
                }
                ++kept;
                QVERIFY(note.note.start >= run.writeFrom && note.note.start < run.writeTo);
                QVERIFY2(std::find(suggested.begin(), suggested.end(), note.note) != suggested.end(),
                         qPrintable(u"note %1 at %2 is not the suggestion's"_s.arg(note.note.pitch).arg(note.note.start)));
            }
            QVERIFY(kept > 0);
        }
    }

    void refusesRequestsItCannotMeet()
    {
        const Score score = quartet(4);
        NoisySource source(1024);
        SuggestionRequest request = continuation(0);
        request.endBar = 0;
        QVERIFY(suggest(source, score, request).error.contains(u"select the bars"_s));
        request = continuation(0);
        request.lengthBars = 33;
        QVERIFY(!suggest(source, score, request).error.isEmpty());
        request.mode = SuggestionMode::Instruments;
        request.lengthBars = 4;
        request.programs = {122}; // Seashore: no MMT instrument
        QVERIFY(suggest(source, score, request).error.contains(u"122"_s));
        request.mode = SuggestionMode::Continue;
        QVERIFY(suggest(source, Score(), request).error.contains(u"no pitched track"_s));
    }

    void scalesParseAndAreEstimated()
    {
        Scale scale;
        QVERIFY(parseScale(u"f# Dorian"_s, scale).isEmpty());
        QCOMPARE(scale.tonic, 6);
        QCOMPARE(scale.mode, ScaleMode::Dorian);
        QCOMPARE(scale.name(), u"F# dorian"_s);
        QVERIFY(parseScale(u"Bb aeolian"_s, scale).isEmpty());
        QCOMPARE(scale, (Scale{10, ScaleMode::NaturalMinor}));
        QVERIFY(!parseScale(u"H major"_s, scale).isEmpty());
        QVERIFY(!parseScale(u"C bebop"_s, scale).isEmpty());

        // An A minor arpeggio with its leading tone reads as A minor; C major scale as C major.
        Score score;
        Track &track = score.addTrack(u"Piano"_s, 0);
        const int aMinor[] = {57, 60, 64, 69, 68, 69, 64, 60, 57, 59, 57};
        for (int i = 0; i < 11; ++i)
            track.notes.push_back({i * 480, i % 4 == 0 ? 960 : 480, aMinor[i], 80});
        QCOMPARE(estimateScale(score, 0, score.endTick()), (Scale{9, ScaleMode::NaturalMinor}));
        track.notes.clear();
        const int cMajor[] = {60, 62, 64, 65, 67, 69, 71, 72, 67, 64, 60};
        for (int i = 0; i < 11; ++i)
            track.notes.push_back({i * 480, i == 10 ? 1920 : 480, cMajor[i], 80});
        QCOMPARE(estimateScale(score, 0, score.endTick()), (Scale{0, ScaleMode::Major}));
        // No notes: the key signature (3 flats, minor = C minor)
        Score signature;
        signature.keySignatures.push_back({0, -3, true});
        QCOMPARE(estimateScale(signature, 0, 100), (Scale{0, ScaleMode::NaturalMinor}));
    }
};

QTEST_APPLESS_MAIN(TestGenerationSuggestion)
#include "testgenerationsuggestion.moc"
