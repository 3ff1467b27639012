// SPDX-License-Identifier: GPL-3.0-or-later
// trainingcorpus.cpp — reading, caching and windowing the training corpus.
#include "model/internal/trainingcorpus.h"

#include "representation/corpus.h"
#include "representation/encoder.h"
#include "representation/infill.h"
#include "representation/instruments.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr quint32 cacheMagic = 0x54434f52; // "TCOR"
constexpr int windowStartMargin = 64;
constexpr int maxInfillBeats = 64;

QString cacheKey(const std::vector<CorpusPiece> &pieces)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArray::number(representationVersion));
    for (const CorpusPiece &piece : pieces) {
        for (const QString &file : piece.files) {
            const QFileInfo info(file);
            hash.addData(file.toUtf8());
            hash.addData(QByteArray::number(info.size()));
            hash.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
        }
        hash.addData(piece.instrumentation.toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

bool readCache(const QString &path, std::vector<TrainingPiece> &pieces)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&file);
    quint32 magic = 0;
    quint32 count = 0;
    in >> magic >> count;
    if (magic != cacheMagic || count > 1'000'000)
        return false;
    std::vector<TrainingPiece> read(count);
    for (TrainingPiece &piece : read) {
        quint32 notes = 0;
        in >> piece.key >> piece.validation >> notes;
        if (in.status() != QDataStream::Ok || notes > 10'000'000)
            return false;
        piece.notes.resize(notes);
        const qint64 bytes = static_cast<qint64>(notes) * static_cast<qint64>(sizeof(Event));
        if (in.readRawData(reinterpret_cast<char *>(piece.notes.data()), static_cast<int>(bytes)) != bytes)
            return false;
    }
    pieces = std::move(read);
    return in.status() == QDataStream::Ok;
}

void writeCache(const QString &path, const std::vector<TrainingPiece> &pieces)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QDataStream out(&file);
    out << cacheMagic << static_cast<quint32>(pieces.size());
    for (const TrainingPiece &piece : pieces) {
        out << piece.key << piece.validation << static_cast<quint32>(piece.notes.size());
        out.writeRawData(reinterpret_cast<const char *>(piece.notes.data()),
                         static_cast<int>(piece.notes.size() * sizeof(Event)));
    }
    file.commit();
}

InfillGap randomGap(std::span<const Event> sequence, std::mt19937_64 &rng)
{
    int lastBeat = 0;
    std::vector<int> present;
    for (const Event &event : sequence) {
        if (event.eventType() == EventType::Instrument)
            present.push_back(event.instrument);
        else if (event.isNote())
            lastBeat = std::max(lastBeat, event.beatValue());
    }
    InfillGap gap;
    gap.firstBeat = std::uniform_int_distribution<int>(0, lastBeat)(rng);
    gap.endBeat = std::min(gap.firstBeat + std::uniform_int_distribution<int>(1, maxInfillBeats)(rng), maxBeatsPerWindow);
    const bool everyInstrument = std::bernoulli_distribution(0.5)(rng);
    for (int instrument : present) {
        if (everyInstrument || std::bernoulli_distribution(0.5)(rng))
            gap.instruments.set(static_cast<std::size_t>(instrument));
    }
    if (gap.instruments.none() && !present.empty())
        gap.instruments.set(static_cast<std::size_t>(present[std::uniform_int_distribution<std::size_t>(0, present.size() - 1)(rng)]));
    return gap;
}

} // namespace

QString loadTrainingCorpus(const QStringList &directories, const QString &cacheDirectory,
                           const std::function<void(const QString &)> &log, std::vector<TrainingPiece> &pieces)
{
    const std::vector<CorpusPiece> found = findCorpusPieces(directories);
    if (found.empty())
        return u"no MIDI or MusicXML files under "_s + directories.join(u", "_s);
    const QString directory = cacheDirectory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : cacheDirectory;
    const QString cachePath = QDir(directory).filePath(u"corpus-"_s + cacheKey(found) + u".bin"_s);
    if (readCache(cachePath, pieces)) {
        log(u"corpus: %1 pieces from the cache %2"_s.arg(pieces.size()).arg(cachePath));
        return {};
    }

    log(u"corpus: reading %1 pieces (cached afterwards in %2)"_s.arg(found.size()).arg(cachePath));
    pieces.clear();
    for (const CorpusPiece &piece : found) {
        const ScoreReadResult result = readCorpusPiece(piece);
        if (!result.ok()) {
            log(u"  skipped: "_s + result.error);
            continue;
        }
        TrainingPiece encoded;
        encoded.key = piece.key;
        encoded.validation = piece.validation;
        encoded.notes = scoreNoteEvents(result.score);
        if (encoded.notes.empty()) {
            log(u"  skipped: %1: no notes of a known instrument"_s.arg(piece.key));
            continue;
        }
        pieces.push_back(std::move(encoded));
    }
    if (pieces.empty())
        return u"no usable pieces under "_s + directories.join(u", "_s);
    writeCache(cachePath, pieces);
    return {};
}

std::vector<Event> transposedNotes(std::span<const Event> notes, int semitones)
{
    std::vector<Event> moved;
    moved.reserve(notes.size());
    for (Event note : notes) {
        const int pitch = note.pitchValue();
        const int target = pitch + semitones;
        const int lowest = std::min(lowestPitch(note.instrument), pitch);
        const int highest = std::max(highestPitch(note.instrument), pitch);
        if (target < std::max(lowest, 0) || target > std::min(highest, 127))
            continue;
        note.pitch = static_cast<std::int16_t>(target + 1);
        moved.push_back(note);
    }
    return moved;
}

std::vector<Event> randomTrainingSequence(const TrainingPiece &piece, std::mt19937_64 &rng, int maxEvents,
                                          double infillShare)
{
    const int semitones = std::uniform_int_distribution<int>(-5, 6)(rng);
    const std::vector<Event> notes = transposedNotes(piece.notes, semitones);
    const int lastBeat = piece.notes.back().beatValue();
    const bool infill = std::bernoulli_distribution(infillShare)(rng);
    EncodeOptions window;
    window.maxEvents = infill ? maxEvents - 3 : maxEvents; // room for two markers and end-of-song
    window.firstBeat = std::uniform_int_distribution<int>(0, std::max(0, lastBeat - windowStartMargin))(rng);
    std::vector<Event> sequence = sequenceFromNotes(notes, window);
    if (!infill)
        return sequence;
    return infillSequence(sequence, randomGap(sequence, rng));
}

std::vector<std::vector<Event>> validationSequences(std::span<const TrainingPiece> pieces, int maxEvents)
{
    std::vector<std::vector<Event>> sequences;
    for (const TrainingPiece &piece : pieces) {
        if (!piece.validation)
            continue;
        for (int firstBeat = 0; firstBeat < 4 * maxBeatsPerWindow && firstBeat <= piece.notes.back().beatValue();
             firstBeat += maxBeatsPerWindow) {
            EncodeOptions window;
            window.firstBeat = firstBeat;
            window.maxEvents = maxEvents;
            sequences.push_back(sequenceFromNotes(piece.notes, window));
        }
    }
    return sequences;
}

} // namespace tutti
// end of trainingcorpus.cpp
