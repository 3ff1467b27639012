// SPDX-License-Identifier: GPL-3.0-or-later
// corpus.cpp — corpus discovery, the validation split and the Mutopia manifest.
#include "representation/corpus.h"

#include "io/scorefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringView>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

// Lower rank = preferred.
int formatRank(const QString &suffix)
{
    static const QStringList order = {u"mxl"_s, u"musicxml"_s, u"xml"_s, u"mid"_s, u"midi"_s, u"kar"_s};
    return static_cast<int>(order.indexOf(suffix.toLower()));
}

bool isFormatFolder(QStringView name)
{
    static const QStringList folders = {u"mxl"_s, u"musicxml"_s, u"xml"_s, u"midi"_s, u"mid"_s};
    return folders.contains(name.toString(), Qt::CaseInsensitive);
}

QString pieceKey(const QString &directoryName, const QString &relativePath)
{
    const QFileInfo info(relativePath);
    QStringList parts = info.path() == u"."_s ? QStringList() : info.path().split(u'/');
    parts.removeIf([](const QString &part) { return isFormatFolder(part); });
    parts.prepend(directoryName);
    parts.append(info.completeBaseName());
    return parts.join(u'/');
}

} // namespace

bool isValidationKey(const QString &key)
{
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
    const unsigned value = (static_cast<unsigned char>(digest[0]) << 8) | static_cast<unsigned char>(digest[1]);
    return value % 100 < 5;
}

std::vector<CorpusPiece> findCorpusPieces(const QStringList &directories)
{
    std::map<QString, CorpusPiece> pieces;
    for (const QString &directory : directories) {
        const QDir root(directory);
        if (!root.exists())
            continue;
        const QString rootName = QFileInfo(root.absolutePath()).fileName();
        const QHash<QString, QString> manifest = readManifestInstrumentation(root.filePath(u"manifest.tsv"_s));
        QDirIterator it(root.absolutePath(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (formatRank(info.suffix()) < 0)
                continue;
            const QString relative = root.relativeFilePath(path);
            CorpusPiece &piece = pieces[pieceKey(rootName, relative)];
            piece.files.append(info.absoluteFilePath());
            const QString instrumentation = manifest.value(relative);
            if (!instrumentation.isEmpty())
                piece.instrumentation = instrumentation;
        }
    }

    std::vector<CorpusPiece> result;
    result.reserve(pieces.size());
    for (auto &[key, piece] : pieces) {
        piece.key = key;
        piece.validation = isValidationKey(key);
        std::stable_sort(piece.files.begin(), piece.files.end(), [](const QString &a, const QString &b) {
            return formatRank(QFileInfo(a).suffix()) < formatRank(QFileInfo(b).suffix());
        });
        result.push_back(std::move(piece));
    }
    return result;
}

QHash<QString, QString> readManifestInstrumentation(const QString &manifestPath)
{
    QHash<QString, QString> result;
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.isEmpty())
        return result;
    const QList<QByteArray> header = lines.first().trimmed().split('\t');
    const qsizetype fileColumn = header.indexOf("file"_ba);
    const qsizetype instrumentColumn = header.indexOf("instrument"_ba);
    if (fileColumn < 0 || instrumentColumn < 0)
        return result;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].split('\t');
        if (cells.size() <= std::max(fileColumn, instrumentColumn))
            continue;
        result.insert(QString::fromUtf8(cells[fileColumn].trimmed()), QString::fromUtf8(cells[instrumentColumn].trimmed()));
    }
    return result;
}

int programForInstrumentation(const QString &instrumentation)
{
    const QString text = instrumentation.toLower();
    static const QRegularExpression keyboard(u"piano|organ|harpsichord|continuo|keyboard"_s);
    if (text.isEmpty() || keyboard.match(text).hasMatch())
        return -1;
    // Families in the order that decides mixed ensembles: a choir with orchestra is sung
    // by its program-less tracks (the orchestra's tracks have programs of their own).
    static const QRegularExpression voices(u"voice|choir|chorus|\\bs?satb\\b|\\bttb+\\b|\\bssaa?\\b"_s);
    static const QRegularExpression strings(u"string|violin|viola|cello|orchestra"_s);
    static const QRegularExpression trombones(u"trombone"_s);
    static const QRegularExpression brass(u"brass"_s);
    static const QRegularExpression recorders(u"recorder"_s);
    static const QRegularExpression winds(u"wind"_s);
    if (voices.match(text).hasMatch())
        return 52;
    if (strings.match(text).hasMatch())
        return 48;
    if (trombones.match(text).hasMatch())
        return 57;
    if (brass.match(text).hasMatch())
        return 61;
    if (recorders.match(text).hasMatch())
        return 74;
    if (winds.match(text).hasMatch())
        return 71;
    return -1;
}

void applyInstrumentation(Score &score, const QString &instrumentation)
{
    const int program = programForInstrumentation(instrumentation);
    if (program < 0)
        return;
    for (Track &track : score.tracks) {
        if (!track.isDrum && track.program == 0)
            track.program = program;
    }
}

ScoreReadResult readCorpusPiece(const CorpusPiece &piece)
{
    ScoreReadResult last = ScoreReadResult::failure(piece.key + u": no readable file"_s);
    for (const QString &file : piece.files) {
        ScoreReadResult result = readScoreFile(file);
        if (result.ok() && result.score.noteCount() > 0) {
            applyInstrumentation(result.score, piece.instrumentation);
            return result;
        }
        if (!result.ok())
            last = result;
    }
    return last;
}

} // namespace tutti
// end of corpus.cpp
