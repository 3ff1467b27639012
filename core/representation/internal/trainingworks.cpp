// SPDX-License-Identifier: GPL-3.0-or-later
// trainingworks.cpp — the training works' metadata, read from the corpora's own files.
#include "representation/trainingworks.h"

#include "io/musicxmlheader.h"
#include "representation/corpus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

struct CorpusFacts
{
    QString licence;
    QString source;
};

struct ManifestRow
{
    QString piece;
    QString licence;
    QString title;
    QString composer;
    QString maintainer;
};

// The README's section of `folder`: its heading's licence and its source line's repository.
CorpusFacts readmeFacts(const QString &readmePath, const QString &folder)
{
    CorpusFacts facts;
    for (const CorpusDescription &corpus : describedCorpora(readmePath)) {
        if (corpus.folder != folder)
            continue;
        facts.licence = corpus.licence;
        if (!corpus.repository.isEmpty())
            facts.source = corpus.repository + u", commit "_s + corpus.commit;
    }
    return facts;
}

// The first line of LICENSE.txt that names a licence ("CC0 1.0 Universal").
QString licenceFileTitle(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QTextStream in(&file);
    for (int i = 0; i < 10 && !in.atEnd(); ++i) {
        const QString line = in.readLine().trimmed();
        if (line.contains(QRegularExpression(u"\\d"_s)) || line.contains(u"License"_s, Qt::CaseInsensitive))
            return line;
    }
    return {};
}

std::map<QString, ManifestRow> readManifest(const QString &path)
{
    std::map<QString, ManifestRow> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    QTextStream in(&file);
    const QStringList header = in.readLine().split(u'\t');
    const auto column = [&header](const QString &name) { return header.indexOf(name); };
    const qsizetype fileColumn = column(u"file"_s);
    if (fileColumn < 0)
        return rows;
    const auto cell = [](const QStringList &cells, qsizetype at) { return at >= 0 && at < cells.size() ? cells[at].trimmed() : QString(); };
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(u'\t');
        ManifestRow row;
        row.piece = cell(cells, column(u"piece"_s));
        row.licence = cell(cells, column(u"licence"_s));
        row.title = cell(cells, column(u"title"_s));
        row.composer = cell(cells, column(u"composer"_s));
        row.maintainer = cell(cells, column(u"maintainer"_s));
        rows[cell(cells, fileColumn)] = row;
    }
    return rows;
}

QString readableLicence(const QString &code)
{
    if (code == u"PD"_s)
        return u"public domain"_s;
    if (code == u"CC-BY"_s)
        return u"CC BY"_s;
    return code;
}

} // namespace

std::vector<CorpusDescription> describedCorpora(const QString &readmePath)
{
    std::vector<CorpusDescription> corpora;
    QFile file(readmePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return corpora;
    static const QRegularExpression heading(u"^##\\s+(\\S+?)/?\\s.*\\(([^()]*)\\)\\s*$"_s);
    static const QRegularExpression repository(u"public repository ([^,]+), commit ([0-9a-fA-F]+)"_s);
    bool inSection = false;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(u"## "_s)) {
            const QRegularExpressionMatch match = heading.match(line);
            inSection = match.hasMatch();
            if (inSection)
                corpora.push_back({match.captured(1), match.captured(2), {}, {}});
            continue;
        }
        if (inSection && line.trimmed().startsWith(u"- Source:"_s)) {
            // The line may wrap: read on until the repository's commit appears.
            QString text = line;
            while (!repository.match(text).hasMatch() && !in.atEnd())
                text += u' ' + in.readLine().trimmed();
            const QRegularExpressionMatch match = repository.match(text);
            if (match.hasMatch()) {
                corpora.back().repository = match.captured(1).trimmed();
                corpora.back().commit = match.captured(2);
            }
        }
    }
    return corpora;
}

std::vector<TrainingWork> trainingWorks(const QStringList &directories)
{
    struct Corpus
    {
        QDir root;
        CorpusFacts facts;
        std::map<QString, ManifestRow> manifest;
    };
    QHash<QString, Corpus> corpora; // by folder name, as keys begin
    for (const QString &directory : directories) {
        const QDir root(directory);
        if (!root.exists())
            continue;
        const QString name = QFileInfo(root.absolutePath()).fileName();
        Corpus corpus{root, readmeFacts(QDir(root.absolutePath() + u"/.."_s).filePath(u"README.md"_s), name),
                      readManifest(root.filePath(u"manifest.tsv"_s))};
        if (corpus.facts.licence.isEmpty())
            corpus.facts.licence = licenceFileTitle(root.filePath(u"LICENSE.txt"_s));
        corpora.insert(name, corpus);
    }

    std::vector<TrainingWork> works;
    for (const CorpusPiece &piece : findCorpusPieces(directories)) {
        TrainingWork work;
        work.key = piece.key;
        work.corpus = piece.key.section(u'/', 0, 0);
        const Corpus corpus = corpora.value(work.corpus);
        work.licence = corpus.facts.licence;
        work.source = corpus.facts.source;
        const ManifestRow *row = nullptr;
        for (const QString &file : piece.files) {
            const auto it = corpus.manifest.find(corpus.root.relativeFilePath(file));
            if (it != corpus.manifest.end()) {
                row = &it->second;
                break;
            }
        }
        if (row) {
            work.title = row->title;
            work.composer = row->composer;
            if (!row->licence.isEmpty())
                work.licence = readableLicence(row->licence);
            if (row->licence == u"CC-BY"_s)
                work.attribution = u"%1, %2, maintained by %3, Mutopia Project, CC BY"_s.arg(row->title, row->composer, row->maintainer);
            if (!row->piece.isEmpty())
                work.source += (work.source.isEmpty() ? QString() : u", "_s) + row->piece;
        } else {
            // The MusicXML's own header, then the path: openscore-quartets/<Composer>/<Work>/sqNNN
            const auto musicXml = std::find_if(piece.files.begin(), piece.files.end(), [](const QString &file) {
                const QString suffix = QFileInfo(file).suffix().toLower();
                return suffix == u"mxl"_s || suffix == u"musicxml"_s || suffix == u"xml"_s;
            });
            const MusicXmlHeader header = musicXml != piece.files.end() ? readMusicXmlHeader(*musicXml) : MusicXmlHeader();
            const QStringList parts = piece.key.split(u'/');
            if (parts.size() >= 4) {
                work.composer = QString(parts[1]).replace(u'_', u' ');
                work.title = QString(parts[parts.size() - 2]).replace(u'_', u' ');
            } else {
                work.title = parts.last();
            }
            if (!header.composer.isEmpty())
                work.composer = header.composer;
            if (!header.title().isEmpty())
                work.title = header.title();
        }
        works.push_back(std::move(work));
    }
    return works;
}

QString trainingWorkLine(const TrainingWork &work)
{
    return QStringList{work.key, work.composer, work.title, work.corpus, work.licence, work.attribution, work.source}
        .join(u'\t');
}

} // namespace tutti
// end of trainingworks.cpp
