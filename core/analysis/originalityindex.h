// SPDX-License-Identifier: GPL-3.0-or-later
// originalityindex.h — does a score copy a passage of the training corpus?
//
// Usage:
//   QString error;
//   tutti::OriginalityIndex index = tutti::OriginalityIndex::load(tutti::defaultOriginalityIndexPath(), error);
//   if (!error.isEmpty()) { report(error); return; }
//   tutti::OriginalityReport report = index.check(candidate, from, to); // the candidate's bars
//   if (const tutti::OriginalityMatch *copy = report.copied())          // >= 8 notes of one part
//       warn(copy->pieceKey, copy->trainingFirstBar, copy->notes);
//   // building one: see originalityindexbuilder.h
//
// A suggestion (generation/suggestion.h): check the score it would make, over its span,
// index.check(applySuggestion(score, s), s.firstTick, s.endTick). Infill keeps the other
// tracks' notes in that span; to judge only what the model wrote, check a copy of the score
// whose tracks hold just the suggestion's notes (same ticksPerQuarter and maps, for the bars).
//
// What is compared. Each part (track) of a piece becomes a melodic line: onsets rounded to
// twelfths of a quarter note (the grid of the MMT representation), and one note per onset.
// A line is a sequence of steps from note to note, each step being the pitch interval
// (semitones) and the inter-onset interval (twelfths), so a transposed copy matches as well
// as an exact one, and durations, dynamics and instruments do not matter. A match is a run
// of consecutive notes of one part of the score whose steps equal those of consecutive
// notes of one part of a training piece; its length is counted in notes.
//
// Chords. The index keeps the top voice of every training part: the highest note of each
// onset. Parts of the corpus are single lines with the odd double stop or divisi (string
// parts, one track per voice in the choral MIDI), where the top voice is the part's tune.
// A checked part is searched through both its top and its bottom voice, because a
// generated part may merge two training parts of one instrument (first and second violin
// both become "Violin" in the MMT representation); its bottom voice then follows the lower
// of the two. A copied inner voice of a chordal keyboard part is not caught.
//
// Speed and threading. check() looks up hashed runs of minimumMatchNotes notes (the
// n-grams) in a table built when the index is loaded, then extends each hit note by note;
// an 8-bar, 4-part candidate takes well under 50 ms (see `tutti bench originality`). An
// OriginalityIndex is an immutable value that shares its data: copies are cheap and
// check() may run on several threads at once.
#pragma once

#include "generation/copyguard.h"
#include "score/score.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <bitset>
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace tutti {

// Runs shorter than this are too common (scales, repeated notes) to mean copying, and are
// never reported: the index's n-grams have this many notes.
inline constexpr int minimumMatchNotes = 6;
// The threshold: this many consecutive notes of one part copied is flagged.
inline constexpr int defaultCopyThresholdNotes = 8;
// A passage that this many training pieces hold is common stock (a scale, an arpeggio, a
// cadence figure), not one piece's music: reported, never flagged as a copy. Measured on
// continuations of quartets: 9-note runs held by 9 pieces were flagged before this rule.
inline constexpr int commonplacePieces = 3;
// A passage built from fewer different steps (interval and rhythm together) than this is a
// figure, not a tune: repeated notes, a trill, an even scale. Reported, never flagged.
inline constexpr int figureDistinctSteps = 3;

inline constexpr char16_t originalityIndexFileName[] = u"tutti-corpus.index";

// Where Tutti looks for the index when not told: the file named by TUTTI_CORPUS_INDEX, then
// tutti-corpus.index beside each place the model is looked for (modellocation.h), in that
// order. defaultOriginalityIndexPath() is the first that exists, or empty.
QStringList originalityIndexSearchOrder();
QString defaultOriginalityIndexPath();

struct OriginalityMatch
{
    // The training side.
    QString pieceKey;          // "openscore-quartets/<composer>/<work>/sqNNN", as findCorpusPieces names it
    QString pieceTitle;        // the piece file's own title; often empty
    QString trainingPart;      // the part's track name, or "part N" (1-based) when it has none
    int trainingFirstBar = 0;  // 1-based, inclusive, bars of the onsets as Tutti numbers them in that file
    int trainingLastBar = 0;

    // The checked score's side.
    int track = -1;            // index into the checked score's tracks
    QString part;              // that track's name
    Tick start = 0;            // onset of the first matching note, in the score's ticks
    Tick end = 0;              // end of the last matching note
    int firstBar = 0;          // 1-based, inclusive: the bars of the first and last notes' onsets
    int lastBar = 0;

    int notes = 0;             // length of the passage in notes (onsets), >= minimumMatchNotes
    int transposition = 0;     // semitones from the training passage up to the checked one
    // Training pieces holding this very passage, the named one included. Above 1 the passage
    // is common stock (a scale, repeated notes, a cadence figure) more than one piece's music.
    int corpusPieces = 0;
    int distinctSteps = 0;     // different note-to-note steps (interval and rhythm) in the passage

    // "12 notes of Violin (bars 3-5) match Violin I of <key>, bars 10-12, transposed 2 semitones up"
    QString describe() const;
};

struct OriginalityReport
{
    // The longest match of each checked track that has one, longest first (ties: by track).
    std::vector<OriginalityMatch> matches;
    int checkedNotes = 0; // notes of the melodic lines looked up, both voices counted

    const OriginalityMatch *longest() const { return matches.empty() ? nullptr : &matches.front(); }
    // The longest match of at least thresholdNotes notes that fewer than commonplacePieces
    // training pieces hold and that is more than a figure, or null: what "copies a training
    // piece" means.
    const OriginalityMatch *copied(int thresholdNotes = defaultCopyThresholdNotes) const
    {
        for (const OriginalityMatch &match : matches) {
            if (match.notes >= thresholdNotes && match.corpusPieces < commonplacePieces
                && match.distinctSteps >= figureDistinctSteps)
                return &match;
        }
        return nullptr;
    }
    bool copies(int thresholdNotes = defaultCopyThresholdNotes) const { return copied(thresholdNotes) != nullptr; }
};

class OriginalityIndex
{
public:
    OriginalityIndex(); // empty: matches nothing

    bool isEmpty() const;
    int pieceCount() const;
    int lineCount() const;
    std::size_t noteCount() const;

    // Every note of the score, or the notes whose onset lies in [from, to) (ticks of the
    // score: a candidate's bars). Drum tracks are skipped.
    OriginalityReport check(const Score &score) const;
    OriginalityReport check(const Score &score, Tick from, Tick to) const;

    // While sampling (generation/copyguard.h, analysis/indexcopyguard.h): the pitches that, as
    // the next note of `line` (one pitch per onset, oldest first) at `step`, would end a
    // passage of at least thresholdNotes notes that copied() flags: held by fewer than
    // commonplacePieces training pieces, more than a figure. The passage judged is the
    // longest match that ends at the new note. One n-gram look-up: cheap for every note.
    std::bitset<128> copyingPitches(std::span<const LinePoint> line, std::int64_t step,
                                    int thresholdNotes = defaultCopyThresholdNotes) const;

    // The file format (see internal/originalityformat.cpp): magic, version, counts, then
    // pieces, lines and notes; a few bytes per note. fromBytes checks every count and value
    // against the bytes present and the format's invariants; on any problem it returns an
    // empty index and sets error to one line naming the problem and the byte offset.
    QByteArray toBytes() const;
    static OriginalityIndex fromBytes(const QByteArray &bytes, QString &error);

    // Atomic write (QSaveFile); empty on success, otherwise a message naming the path.
    QString save(const QString &path) const;
    // Reads and checks a file; on failure an empty index and an error naming the path.
    static OriginalityIndex load(const QString &path, QString &error);

    struct Data;
    explicit OriginalityIndex(std::shared_ptr<const Data> data);

private:
    friend class OriginalityIndexBuilder; // addIndex copies the corpus
    std::shared_ptr<const Data> m_data;
};

} // namespace tutti
// end of originalityindex.h
