// SPDX-License-Identifier: GPL-3.0-or-later
// corpus.h — finding and reading the pieces of a training corpus.
//
// Usage:
//   std::vector<tutti::CorpusPiece> pieces = tutti::findCorpusPieces({u"../shared/data/mutopia"_s});
//   for (const tutti::CorpusPiece &piece : pieces) {
//       tutti::ScoreReadResult r = tutti::readCorpusPiece(piece);   // manifest applied
//       if (r.ok()) use(r.score, piece.validation);
//   }
//
// A directory may hold the same piece in several formats (openscore-quartets has mxl/X.mxl
// and midi/X.mid): files whose paths differ only in a format folder (mxl, midi, musicxml,
// xml, mid) and extension are one piece, read from the first format that yields notes, in
// the order MusicXML, then MIDI (MuseScore's MIDI plays the repeats out; the MusicXML is
// the music as written). A manifest.tsv at a directory's root (columns file and instrument,
// as the Mutopia corpus has) supplies the instrumentation of files whose tracks carry no
// program: see applyInstrumentation.
#pragma once

#include "io/readresult.h"
#include "score/score.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace tutti {

struct CorpusPiece
{
    QString key;               // "<directory name>/<path without format folder and extension>"
    QStringList files;         // absolute paths, most preferred first
    QString instrumentation;   // from manifest.tsv, empty when none
    bool validation = false;   // held out, by a hash of the key (about 5 % of pieces)
};

// Every MIDI and MusicXML file under each directory (recursively), grouped into pieces and
// sorted by key. Directories that do not exist contribute nothing.
std::vector<CorpusPiece> findCorpusPieces(const QStringList &directories);

// Deterministic split: true for about 5 % of keys, the same on every machine.
bool isValidationKey(const QString &key);

// manifest.tsv rows: file (relative to the manifest's directory) -> instrument column.
// Empty when the file is missing or has no such columns.
QHash<QString, QString> readManifestInstrumentation(const QString &manifestPath);

// General MIDI program for a manifest instrumentation such as "Voice (SATB)" (52, voices),
// "String Ensemble" (48) or "Trombone Quartet" (57); -1 when it names no single family or
// includes a keyboard (then program 0 may well be a real piano).
int programForInstrumentation(const QString &instrumentation);

// Gives every non-drum track that has program 0 (what a MIDI file without a program
// change reads as) the program of the instrumentation, when it names one.
void applyInstrumentation(Score &score, const QString &instrumentation);

// Reads the piece's files in order until one has notes; applies the instrumentation.
ScoreReadResult readCorpusPiece(const CorpusPiece &piece);

} // namespace tutti
// end of corpus.h
