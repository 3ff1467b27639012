// SPDX-License-Identifier: GPL-3.0-or-later
// trainingworks.h — who wrote each training piece, under which licence, and where it came from.
//
// Usage:
//   for (const tutti::TrainingWork &work : tutti::trainingWorks({u"../shared/data/mutopia"_s}))
//       std::printf("%s\t%s\n", qPrintable(work.key), qPrintable(work.title));
//
// One work per corpus piece (findCorpusPieces, same keys, same order). The facts come from the
// corpora themselves:
//   - a manifest.tsv at the corpus root (Mutopia's columns piece, licence, title, composer,
//     maintainer): the work's own title, composer, licence ("PD" reads "public domain",
//     "CC-BY" "CC BY") and, for CC BY works, the attribution the licence requires;
//   - a README.md beside the corpus folders, whose "## <folder>/ — <what> (<licence>)"
//     heading and "- Source: … (public repository R, commit C)" line name the corpus, its
//     licence and the repository and commit it was taken from;
//   - a LICENSE.txt at the corpus root: its title line, where the README gives no licence;
//   - otherwise the path: "<Composer>/<Work>/file" as OpenScore lays its corpora out
//     (underscores read as spaces).
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace tutti {

struct TrainingWork
{
    QString key;          // the CorpusPiece key: what `tutti train --exclude` and `tutti optout --work` take
    QString composer;
    QString title;
    QString corpus;       // the corpus folder's name, e.g. "openscore-quartets"
    QString licence;      // "CC0 1.0", "public domain", "CC BY", or empty when none is known
    QString attribution;  // what the licence asks to be credited; empty when nothing
    QString source;       // repository and commit, and the piece's id there where known
};

std::vector<TrainingWork> trainingWorks(const QStringList &directories);

// One tab-separated line: key, composer, title, corpus, licence, attribution, source.
QString trainingWorkLine(const TrainingWork &work);

} // namespace tutti
// end of trainingworks.h
