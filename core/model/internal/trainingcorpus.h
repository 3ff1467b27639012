// SPDX-License-Identifier: GPL-3.0-or-later
// trainingcorpus.h — the encoded corpus, its cache, and the windows training draws from it.
//
// Usage (trainer.cpp):
//   std::vector<tutti::TrainingPiece> pieces;
//   QString error = tutti::loadTrainingCorpus(directories, cacheDirectory, log, pieces);
//   std::vector<tutti::Event> sequence = tutti::randomTrainingSequence(piece, rng, 1024);
//
// The cache holds every piece's note events (scoreNoteEvents: absolute beats) and its split;
// its file name is a hash of the representation version and each input file's path, size
// and modification time, so any change to the inputs reads them again. A change to the MIDI
// or MusicXML readers does not change the key: pass another --cache directory after one.
#pragma once

#include "representation/event.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <random>
#include <span>
#include <vector>

namespace tutti {

struct TrainingPiece
{
    QString key;
    bool validation = false;
    std::vector<Event> notes; // sorted note events, beats from the start of the piece
};

QString loadTrainingCorpus(const QStringList &directories, const QString &cacheDirectory,
                           const std::function<void(const QString &)> &log, std::vector<TrainingPiece> &pieces);

// Notes moved by `semitones`; a note is dropped where it would leave 0..127 or move further
// outside its instrument's range (instruments.h) than it already was.
std::vector<Event> transposedNotes(std::span<const Event> notes, int semitones);

// A random transposition (-5..+6) and a random window of the piece: the window starts at a
// beat drawn from [0, last beat - 64] so that every part of a piece, its end included,
// starts some windows. With probability `infillShare` the window is put in fill-in-the-
// middle order (infill.h) around a random gap of 1..64 beats and a random non-empty set
// of the window's instruments (all of them half the time).
std::vector<Event> randomTrainingSequence(const TrainingPiece &piece, std::mt19937_64 &rng, int maxEvents,
                                          double infillShare = 0.0);

// Fixed validation windows: each piece untransposed from beats 0, 256, 512 and 768.
std::vector<std::vector<Event>> validationSequences(std::span<const TrainingPiece> pieces, int maxEvents);

} // namespace tutti
// end of trainingcorpus.h
