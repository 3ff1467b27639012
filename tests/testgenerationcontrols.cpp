// SPDX-License-Identifier: GPL-3.0-or-later
// testgenerationcontrols.cpp — density, polyphony, grid, leap, ranges and copy avoidance, over many seeds.
#include "analysis/indexcopyguard.h"
#include "analysis/originalityindexbuilder.h"
#include "analysis/suggestionoriginality.h"
#include "generation/suggestion.h"
#include "noisysource.h"
#include "representation/instruments.h"
#include "score/timemap.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

constexpr int seeds = 16;

// A violin and a cello playing quarter notes (four a bar) for `bars` bars of 4/4.
Score duet(int bars)
{
    Score score;
    score.addTrack(u"Violin"_s, 40);
    score.addTrack(u"Cello"_s, 42);
    Track &violin = score.tracks[0];
    Track &cello = score.tracks[1];
    cello.channel = 1;
    for (int beat = 0; beat < bars * 4; ++beat) {
        violin.notes.push_back({beat * 480, 480, 72 + (beat % 4) * 2, 80});
        cello.notes.push_back({beat * 480, 480, 48 + (beat % 3) * 3, 70});
    }
    score.normalize();
    return score;
}

SuggestionRequest continuation(std::uint64_t seed, const NoteControls &controls)
{
    SuggestionRequest request;
    request.mode = SuggestionMode::Continue;
    request.firstBar = 0;
    request.endBar = 4;
    request.lengthBars = 4;
    request.candidates = 1;
    request.sampling.seed = seed;
    request.controls = controls;
    return request;
}

// Runs the request for 16 seeds and hands every part of every candidate to `check`.
void forEachPart(const Score &score, const NoteControls &controls, const std::function<void(const PartControlReport &)> &check)
{
    NoisySource source(1024, 5.0f, 1.0f);
    for (std::uint64_t seed = 0; seed < seeds; ++seed) {
        const SuggestionResult result = suggest(source, score, continuation(seed, controls));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const Suggestion &suggestion = result.candidates.front();
        QVERIFY(!suggestion.parts.empty());
        QCOMPARE(suggestion.controls.parts.size(), suggestion.parts.size());
        for (const PartControlReport &part : suggestion.controls.parts) {
            check(part);
            if (QTest::currentTestFailed()) {
                qWarning("seed %d: %s", int(seed), qPrintable(part.describe()));
                return;
            }
        }
    }
}

// One training piece: a tune of varied steps and rhythms, `notes` long, from a seed.
Score tune(int notes, unsigned seed, int program = 40)
{
    Score score;
    Track &track = score.addTrack(u"Tune"_s, program);
    std::uint32_t state = seed * 2654435761u + 1;
    const auto next = [&](int n) {
        state = state * 1664525u + 1013904223u;
        return static_cast<int>((state >> 8) % static_cast<std::uint32_t>(n));
    };
    Tick tick = 0;
    int pitch = 72;
    for (int i = 0; i < notes; ++i) {
        const Tick length = next(3) == 0 ? 240 : 480;
        track.notes.push_back({tick, length, pitch, 80});
        tick += length;
        pitch = std::clamp(pitch + next(9) - 4, 62, 86);
    }
    score.normalize();
    return score;
}

// The tune's first two bars, and a request to continue them for four bars.
Score openingOf(const Score &tune)
{
    Score opening = tune;
    const Tick openingEnd = TimeMap(tune).barStart(3);
    std::erase_if(opening.tracks[0].notes, [&](const Note &note) { return note.start >= openingEnd; });
    return opening;
}

SuggestionRequest openingContinuation(int candidates, std::uint64_t seed)
{
    SuggestionRequest request = continuation(seed, {});
    request.endBar = 2;
    request.candidates = candidates;
    return request;
}

// A model that has learnt one tune by heart: after any note it strongly prefers the tune's
// next note (by onset): its beat, position, pitch and duration.
class CopyingSource final : public LogitSource
{
public:
    explicit CopyingSource(const Score &tune)
    {
        for (const Note &note : tune.tracks.front().notes)
            m_tune.push_back(Event::note(static_cast<int>(note.start / 480), static_cast<int>(note.start % 480 / 40),
                                         note.pitch, durationCode(note.length / 40), instrumentForProgram(40)));
        for (int field = 0; field < fieldCount; ++field)
            m_logits.fields[field].resize(static_cast<std::size_t>(fieldVocabularySizes[field]));
    }

    int capacity() const override { return 1024; }
    int length() const override { return static_cast<int>(m_events.size()); }
    void reset() override { m_events.clear(); }
    const EventLogits &append(std::span<const Event> events) override
    {
        m_events.insert(m_events.end(), events.begin(), events.end());
        std::mt19937 rng(static_cast<unsigned>(m_events.size()));
        for (std::vector<float> &field : m_logits.fields) {
            for (float &value : field)
                value = std::uniform_real_distribution<float>(-1.0f, 1.0f)(rng);
        }
        m_logits.fields[0][static_cast<int>(EventType::Note)] += 6.0f;
        int lastOnset = -1;
        for (const Event &event : m_events) {
            if (event.isNote())
                lastOnset = std::max(lastOnset, event.onsetTwelfths());
        }
        for (const Event &note : m_tune) {
            if (note.onsetTwelfths() > lastOnset) {
                for (Field field : {Field::Beat, Field::Position, Field::Pitch, Field::Duration})
                    m_logits.fields[static_cast<int>(field)][static_cast<std::size_t>(note[field])] += 8.0f;
                break;
            }
        }
        return m_logits;
    }

private:
    std::vector<Event> m_tune;
    std::vector<Event> m_events;
    EventLogits m_logits;
};

// A guard that rules out no note as it is sampled and flags the first `flaggedDraws`
// finished candidates it is shown, as if they copied.
class FlagFirstDraws final : public CopyGuard
{
public:
    explicit FlagFirstDraws(int flaggedDraws) : m_flaggedDraws(flaggedDraws) {}
    std::bitset<128> copyingPitches(std::span<const LinePoint>, std::int64_t) const override { return {}; }
    bool copies(const Score &, const Suggestion &) const override { return ++m_shown <= m_flaggedDraws; }
    int shown() const { return m_shown; }

private:
    int m_flaggedDraws;
    mutable int m_shown = 0;
};

std::vector<std::vector<Note>> candidateNotes(const SuggestionResult &result)
{
    std::vector<std::vector<Note>> out;
    for (const Suggestion &suggestion : result.candidates) {
        std::vector<Note> notes;
        for (const SuggestedPart &part : suggestion.parts)
            notes.insert(notes.end(), part.notes.begin(), part.notes.end());
        out.push_back(std::move(notes));
    }
    return out;
}

} // namespace

class TestGenerationControls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void densityLandsWithinAQuarter()
    {
        // GIVEN a request for 6 notes a bar in each track
        NoteControls controls;
        controls.density = DensityChoice::Notes;
        controls.notesPerBar = 6;
        // THEN every part of 16 candidates has 6 notes a bar, within 25 %
        forEachPart(duet(4), controls, [](const PartControlReport &part) {
            QVERIFY(part.densityAsked);
            QVERIFY(std::abs(part.notesPerBar - 6.0) <= 6.0 * 0.25);
        });
        // AND "high" means twice the context's four a bar, "low" half of it
        controls.density = DensityChoice::High;
        forEachPart(duet(4), controls, [](const PartControlReport &part) {
            QCOMPARE(part.asked.notesPerBar, 8.0);
            QVERIFY(std::abs(part.notesPerBar - 8.0) <= 8.0 * 0.25);
        });
        controls.density = DensityChoice::Low;
        forEachPart(duet(4), controls, [](const PartControlReport &part) {
            QVERIFY(std::abs(part.notesPerBar - 2.0) <= 2.0 * 0.25);
        });
    }

    void polyphonyIsNeverExceeded()
    {
        for (int voices : {1, 2}) {
            NoteControls controls;
            controls.polyphony = voices;
            forEachPart(duet(4), controls, [&](const PartControlReport &part) { QVERIFY(part.polyphony <= voices); });
        }
    }

    void onsetsStayOnTheGrid()
    {
        for (RhythmGrid grid : {RhythmGrid::Quarter, RhythmGrid::Eighth, RhythmGrid::Sixteenth, RhythmGrid::EighthTriplet,
                                RhythmGrid::SixteenthTriplet}) {
            NoteControls controls;
            controls.grid = grid;
            forEachPart(duet(4), controls, [](const PartControlReport &part) { QCOMPARE(part.onGrid, 1.0); });
        }
    }

    void leapsStayWithinTheLargest()
    {
        NoteControls controls;
        controls.maxLeap = 3;
        controls.stepPreference = 1.0;
        forEachPart(duet(4), controls, [](const PartControlReport &part) { QVERIFY(part.largestLeap <= 3); });
    }

    void pitchAndVelocityStayInTheirRanges()
    {
        NoteControls controls;
        QCOMPARE(parsePitchRange(u"A3-E4"_s, controls.lowestPitch, controls.highestPitch), QString());
        QCOMPARE(controls.lowestPitch, 57);
        QCOMPARE(parseVelocityRange(u"40-90"_s, controls.lowestVelocity, controls.highestVelocity), QString());
        forEachPart(duet(4), controls, [](const PartControlReport &part) {
            QVERIFY(part.lowestPitch >= 57 && part.highestPitch <= 64);
            QVERIFY(part.lowestVelocity >= 40 && part.highestVelocity <= 90);
        });
    }

    void everyControlAtOnceAndPerTrack()
    {
        // GIVEN a single line on eighths for the violin, and chords of two on quarters for the cello
        const Score score = duet(4);
        NoteControls violin;
        violin.density = DensityChoice::Notes;
        violin.notesPerBar = 8;
        violin.polyphony = 1;
        violin.grid = RhythmGrid::Eighth;
        violin.maxLeap = 5;
        NoteControls cello;
        cello.density = DensityChoice::Notes;
        cello.notesPerBar = 6;
        cello.polyphony = 2;
        cello.grid = RhythmGrid::Quarter;
        cello.lowestPitch = 40;
        cello.highestPitch = 55;
        NoisySource source(1024, 5.0f, 1.0f);
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            SuggestionRequest request = continuation(seed, violin);
            request.trackControls[1] = cello;
            const SuggestionResult result = suggest(source, score, request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            for (const PartControlReport &part : result.candidates.front().controls.parts) {
                const NoteControls &asked = part.part == u"Violin"_s ? violin : cello;
                QVERIFY2(std::abs(part.notesPerBar - asked.notesPerBar) <= asked.notesPerBar * 0.25, qPrintable(part.describe()));
                QVERIFY2(part.polyphony <= asked.polyphony, qPrintable(part.describe()));
                QVERIFY2(part.onGrid == 1.0, qPrintable(part.describe()));
                QVERIFY2(asked.maxLeap < 0 || part.largestLeap <= asked.maxLeap, qPrintable(part.describe()));
                QVERIFY2(part.lowestPitch >= asked.lowestPitch && part.highestPitch <= asked.highestPitch, qPrintable(part.describe()));
            }
        }
    }

    void aNewPieceMeetsThemToo()
    {
        // GIVEN nothing but controls: four notes a bar in a single line between C4 and C5
        NoteControls controls;
        controls.density = DensityChoice::Notes;
        controls.notesPerBar = 4;
        controls.polyphony = 1;
        controls.lowestPitch = 60;
        controls.highestPitch = 72;
        NoisySource source(1024, 5.0f, 1.0f);
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            SuggestionRequest request;
            request.mode = SuggestionMode::New;
            request.lengthBars = 4;
            request.candidates = 1;
            request.sampling.seed = seed;
            request.controls = controls;
            const SuggestionResult result = suggest(source, Score(), request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            // THEN every instrument the model chose meets them
            QVERIFY(!result.candidates.front().controls.parts.empty());
            for (const PartControlReport &part : result.candidates.front().controls.parts) {
                QVERIFY2(std::abs(part.notesPerBar - 4.0) <= 1.0 && part.polyphony <= 1 && part.lowestPitch >= 60
                             && part.highestPitch <= 72,
                         qPrintable(part.describe()));
            }
        }
    }

    void keepingTheRhythmRewritesOnlyPitches()
    {
        // GIVEN bars 2-3 of the violin to regenerate, keeping their rhythm
        const Score score = duet(4);
        NoisySource source(1024, 5.0f, 1.0f);
        int changed = 0;
        for (std::uint64_t seed = 0; seed < seeds; ++seed) {
            SuggestionRequest request;
            request.mode = SuggestionMode::Infill;
            request.firstBar = 1;
            request.endBar = 3;
            request.tracks = {0};
            request.keepRhythm = true;
            request.candidates = 1;
            request.sampling.seed = seed;
            const SuggestionResult result = suggest(source, score, request);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            const Suggestion &suggestion = result.candidates.front();
            // THEN the violin gets exactly the old onsets and lengths, with pitches of its own
            QCOMPARE(suggestion.parts.size(), std::size_t(1));
            QCOMPARE(suggestion.parts.front().track, 0);
            std::vector<Note> old;
            for (const Note &note : score.tracks[0].notes) {
                if (note.start >= suggestion.firstTick && note.start < suggestion.endTick)
                    old.push_back(note);
            }
            const std::vector<Note> &written = suggestion.parts.front().notes;
            QCOMPARE(written.size(), old.size());
            for (std::size_t i = 0; i < old.size(); ++i) {
                QCOMPARE(written[i].start, old[i].start);
                QCOMPARE(written[i].length, old[i].length);
                changed += written[i].pitch != old[i].pitch ? 1 : 0;
            }
        }
        QVERIFY(changed > seeds);
    }

    void refusesWhatCannotBeMet()
    {
        const Score score = duet(4);
        NoteControls controls;
        controls.lowestPitch = 100; // above the cello
        controls.highestPitch = 110;
        SuggestionRequest request = continuation(1, controls);
        QVERIFY2(checkRequest(score, request).contains(u"outside the cello's range"_s), qPrintable(checkRequest(score, request)));
        NoisySource source(1024, 5.0f, 1.0f);
        QCOMPARE(suggest(source, score, request).error, checkRequest(score, request));

        NoteControls crowded;
        crowded.density = DensityChoice::Notes;
        crowded.notesPerBar = 12;
        crowded.polyphony = 1;
        crowded.grid = RhythmGrid::Quarter;
        QVERIFY(checkRequest(score, continuation(1, crowded)).contains(u"do not fit"_s));

        SuggestionRequest rhythm = continuation(1, {});
        rhythm.keepRhythm = true;
        QVERIFY(checkRequest(score, rhythm).contains(u"infill"_s));
        QCOMPARE(checkRequest(score, continuation(1, {})), QString());

        RhythmGrid grid;
        QVERIFY(!parseGrid(u"1/5"_s, grid).isEmpty());
        QCOMPARE(parseGrid(u"1/16t"_s, grid), QString());
        QCOMPARE(grid, RhythmGrid::SixteenthTriplet);
        int low = 0;
        int high = 0;
        QVERIFY(!parsePitchRange(u"G5-C4"_s, low, high).isEmpty());
        QVERIFY(!parseVelocityRange(u"0-200"_s, low, high).isEmpty());
        DensityChoice density;
        double notes = 0;
        QVERIFY(!parseDensity(u"lots"_s, density, notes).isEmpty());
    }

    void measuresWhatAPartGot()
    {
        // GIVEN a line C4 E4 (with G4 under it) F4 ... on quarters, then one note off the eighth grid
        const std::vector<Note> notes = {{0, 480, 60, 50}, {480, 480, 64, 60}, {480, 960, 55, 60}, {960, 480, 65, 70},
                                         {1500, 100, 72, 90}};
        NoteControls asked;
        asked.grid = RhythmGrid::Eighth;
        const PartControlReport got = measureNotes(notes, 480, 2.0, asked);
        QCOMPARE(got.notesPerBar, 2.5);
        QCOMPARE(got.polyphony, 2);
        QCOMPARE(got.lowestPitch, 55);
        QCOMPARE(got.highestPitch, 72);
        QCOMPARE(got.largestLeap, 7); // F4 -> C5
        QCOMPARE(got.onGrid, 0.8);
        QCOMPARE(got.lowestVelocity, 50);
        QVERIFY(got.describe().contains(u"on the grid (asked 1/8)"_s));
    }

    void noCandidateCopiesATrainingPieceUnlessAllowed()
    {
        // GIVEN an index of three tunes, a score holding the first 16 notes of one, and a model
        // that knows that tune by heart
        const Score learnt = tune(64, 1);
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"corpus/learnt"_s, learnt));
        QVERIFY(builder.addPiece(u"corpus/other"_s, tune(64, 2)));
        QVERIFY(builder.addPiece(u"corpus/third"_s, tune(64, 3)));
        const OriginalityIndex index = std::move(builder).build();
        const Score opening = openingOf(learnt);
        CopyingSource source(learnt);
        // WHEN 64 candidates continue it, with copy avoidance off and on
        for (const bool avoid : {false, true}) {
            int flagged = 0;
            int notes = 0;
            for (int batch = 0; batch < 4; ++batch) {
                SuggestionRequest request = openingContinuation(16, static_cast<std::uint64_t>(batch) * 16);
                request.avoidCopies = avoid;
                request.copyGuard = makeIndexCopyGuard(index);
                const SuggestionResult result = suggest(source, opening, request);
                QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
                for (const Suggestion &suggestion : result.candidates) {
                    flagged += checkSuggestion(index, opening, suggestion).copies() ? 1 : 0;
                    notes += static_cast<int>(suggestion.noteCount());
                }
            }
            // THEN off, the model copies; on, none of the 64 is flagged, and they still hold music
            if (avoid) {
                QCOMPARE(flagged, 0);
                QVERIFY(notes >= 64 * 8);
            } else {
                QVERIFY2(flagged > 32, qPrintable(QString::number(flagged)));
            }
        }
    }

    void aFinishedCandidateTheGuardFlagsIsDrawnAgain()
    {
        // GIVEN a model and a continuation of three candidates, drawn once without a guard
        const Score learnt = tune(64, 1);
        const Score opening = openingOf(learnt);
        CopyingSource source(learnt);
        SuggestionRequest request = openingContinuation(3, 7);
        request.avoidCopies = false;
        request.copyGuard = std::make_shared<FlagFirstDraws>(1000);
        const SuggestionResult unguarded = suggest(source, opening, request);
        QVERIFY(unguarded.error.isEmpty());
        QCOMPARE(static_cast<const FlagFirstDraws &>(*request.copyGuard).shown(), 0);

        // WHEN a guard flags the first two candidates it is shown
        auto twoFlagged = std::make_shared<FlagFirstDraws>(2);
        request.avoidCopies = true;
        request.copyGuard = twoFlagged;
        const SuggestionResult guarded = suggest(source, opening, request);

        // THEN the first candidate is drawn twice more (five checks in all), the others are
        // drawn once as before, and every candidate keeps its own seed
        QVERIFY(guarded.error.isEmpty());
        QCOMPARE(twoFlagged->shown(), 5);
        const std::vector<std::vector<Note>> before = candidateNotes(unguarded);
        const std::vector<std::vector<Note>> after = candidateNotes(guarded);
        QCOMPARE(after.size(), std::size_t(3));
        QVERIFY(after[0] != before[0]);
        QVERIFY(!after[0].empty());
        QCOMPARE(after[1], before[1]);
        QCOMPARE(after[2], before[2]);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(guarded.candidates[static_cast<std::size_t>(i)].seed, std::uint64_t(7 + i));

        // AND the same seed gives the same candidates again; against a guard that flags every
        // draw, a candidate is drawn five times (asked after each but the last, which is kept
        // for the originality check to report)
        request.copyGuard = std::make_shared<FlagFirstDraws>(2);
        QCOMPARE(candidateNotes(suggest(source, opening, request)), after);
        auto allFlagged = std::make_shared<FlagFirstDraws>(1000);
        request.copyGuard = allFlagged;
        QCOMPARE(suggest(source, opening, request).candidates.size(), std::size_t(3));
        QCOMPARE(allFlagged->shown(), 3 * 4);
    }
};

QTEST_APPLESS_MAIN(TestGenerationControls)
#include "testgenerationcontrols.moc"
