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
//   - otherwise the piece's MusicXML header (readMusicXmlHeader): <creator type="composer">
//     and the title, "<movement-title> (<work-title>)" for a song of a set;
//   - what that leaves empty, the path: "<Composer>/<Work>/file" as OpenScore lays its
//     corpora out (underscores read as spaces).
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

// A corpus folder as the README.md beside the corpora describes it.
struct CorpusDescription
{
    QString folder;     // "openscore-lieder"
    QString licence;    // the heading's licence, "CC0 1.0"
    QString repository; // "OpenScore/Lieder"; empty when the source line names none
    QString commit;
};

// Every "## <folder>/ — <what> (<licence>)" section of the README, in order, with the
// repository and commit its "- Source: … (public repository R, commit C)" line names.
std::vector<CorpusDescription> describedCorpora(const QString &readmePath);

// One tab-separated line: key, composer, title, corpus, licence, attribution, source.
QString trainingWorkLine(const TrainingWork &work);

} // namespace tutti
// end of trainingworks.h
