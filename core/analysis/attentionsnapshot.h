// SPDX-License-Identifier: GPL-3.0-or-later
// attentionsnapshot.h — the model's attention over one score, with what the views need to
// show it: which note each row is, labels, and the relative-attention statistics.
//
// Usage (on a worker thread; the result is read-only and shared with the GUI thread):
//   auto snapshot = std::make_shared<const AttentionSnapshot>(computeAttentionSnapshot(model, score, options));
//   // model: any AttentionSource (a TransformerModel, or a fake in tests)
//   std::vector<float> map = snapshot->matrix(3, -1);     // layer 4, mean over its heads
//   int row = snapshot->rowOfNote(track, note);            // a piano-roll note's row, or -1
//
// Rows and columns are the sequence's note events in order (the header events are left out),
// so a matrix is N x N for N notes, row = query. Layer or head -1 means the mean over them.
// The score is a copy taken when the snapshot was made: notes are matched by value. Notes that
// tracks play in unison (merged into one event by the encoder) share a row: sourceOfRow() and
// noteOfRow() give the first of them, notesOfRow() all of them.
#pragma once

#include "analysis/attentionsource.h"
#include "analysis/relativeattention.h"
#include "representation/encoder.h"
#include "representation/notesources.h"
#include "score/score.h"

#include <vector>

namespace tutti {

// How a row's note is named in the views.
struct AttentionLabel
{
    QString time;       // "12:3"
    QString pitch;      // "E5"
    QString instrument; // "Violin I"

    QString text() const; // "12:3 E5 Violin I"
};

struct AttentionSnapshot
{
    Score score;
    SourcedSequence sequence;
    AttentionMaps maps;
    std::vector<int> noteEvents;        // row i is event noteEvents[i]
    std::vector<AttentionLabel> labels;   // per row
    RelativeAttention relative{1, 1};   // this sequence's statistics
    Tick firstTick = 0;                 // the window's start in the score
    Tick endTick = 0;                   // one past its last note's start
    std::vector<std::vector<NoteSource>> rowNotes; // per row: every note of its event, the source first

    int rows() const { return static_cast<int>(noteEvents.size()); }
    std::vector<float> matrix(int layer, int head) const;
    NoteSource sourceOfRow(int row) const;
    const Note *noteOfRow(int row) const;
    std::vector<const Note *> notesOfRow(int row) const; // empty for no row
    int rowOfNote(int track, const Note &note) const;
};

// The score's window as the model sees it (cut to the model's context) and the model's
// attention over it: every layer and head, and the relative-attention statistics.
AttentionSnapshot computeAttentionSnapshot(const AttentionSource &model, const Score &score, const EncodeOptions &options);

} // namespace tutti
// end of attentionsnapshot.h
