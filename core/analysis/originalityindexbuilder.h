// SPDX-License-Identifier: GPL-3.0-or-later
// originalityindexbuilder.h — builds an OriginalityIndex from scores or a whole training corpus.
//
// Usage:
//   tutti::OriginalityIndexBuilder builder;
//   QStringList skipped = builder.addCorpus(tutti::findCorpusPieces(directories),
//                                           [](int done, int total) { progress(done, total); });
//   builder.addPiece(u"mine/etude"_s, score);        // or piece by piece
//   builder.addIndex(shippedIndex);                  // or every piece of an index built before
//   tutti::OriginalityIndex index = std::move(builder).build();
//   QString error = index.save(u"models/tutti-corpus.index"_s);
//
// Each non-drum track gives one line, its top voice (see originalityindex.h); lines shorter
// than minimumMatchNotes can never match and are left out. A piece is read the way training
// reads it (readCorpusPiece), so the bars reported are those of the file training used.
#pragma once

#include "analysis/originalityindex.h"
#include "representation/corpus.h"
#include "score/score.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace tutti {

struct OriginalityCorpus;

class OriginalityIndexBuilder
{
public:
    OriginalityIndexBuilder();
    ~OriginalityIndexBuilder();
    OriginalityIndexBuilder(OriginalityIndexBuilder &&) noexcept;
    OriginalityIndexBuilder &operator=(OriginalityIndexBuilder &&) noexcept;

    // Adds the score's lines under `key`; returns false (and adds nothing) when no line is
    // long enough or the index is full (2^32 - 1 notes).
    bool addPiece(const QString &key, const Score &score);

    // Reads and adds each piece in turn. Returns one line per piece left out (unreadable,
    // or without a line long enough). progress, when given, is called after each piece.
    QStringList addCorpus(const std::vector<CorpusPiece> &pieces,
                          const std::function<void(int done, int total)> &progress = {});

    // Adds every piece of an index built before (the shipped corpus's, to which a personal
    // model adds the composer's pieces) as that index holds it. Returns false (and adds
    // nothing) when the notes together would overflow the index (2^32 - 1 notes).
    bool addIndex(const OriginalityIndex &index);

    int pieceCount() const;

    // The builder is empty afterwards.
    OriginalityIndex build() &&;

private:
    std::unique_ptr<OriginalityCorpus> m_corpus;
};

} // namespace tutti
// end of originalityindexbuilder.h
