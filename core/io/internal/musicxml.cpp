// musicxml.cpp — MusicXML import entry points: file or bytes in, Score out.
#include "io/musicxml.h"

#include "musicxmlplayorder.h"
#include "musicxmlreader.h"
#include "musicxmlscorebuilder.h"
#include "mxlcontainer.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tutti {

ScoreReadResult readMusicXml(const QByteArray &bytes, const QString &fileName, const MusicXmlOptions &options)
{
    MusicXmlReader reader(bytes, fileName);
    if (!reader.read())
        return ScoreReadResult::failure(reader.error());
    WrittenScore written = reader.takeScore();

    ScoreReadResult result;
    result.warnings = written.warnings;
    std::size_t measureCount = 0;
    for (const WrittenPart &part : written.parts)
        measureCount = std::max(measureCount, part.measures.size());
    std::vector<int> order(measureCount);
    std::iota(order.begin(), order.end(), 0);
    if (options.expandRepeats) {
        // The first part carries the repeat structure (and, from most editors, the jumps).
        std::vector<RepeatMarks> marks = written.parts.front().marks();
        marks.resize(measureCount);
        order = playbackOrder(marks, &result.warnings);
    }
    MusicXmlScoreBuilder builder(std::move(written), options.expandTremolos);
    result.score = builder.build(order);
    if (!builder.error().isEmpty())
        return ScoreReadResult::failure(u"%1: %2"_s.arg(fileName, builder.error()));
    return result;
}

ScoreReadResult readMusicXmlFile(const QString &path, const MusicXmlOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScoreReadResult::failure(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    if (file.size() > maxMxlEntryBytes)
        return ScoreReadResult::failure(u"%1: %2 bytes is more than the %3 a MusicXML file may have"_s.arg(path)
                                            .arg(file.size())
                                            .arg(maxMxlEntryBytes));
    // A zip is an .mxl whatever its name says.
    const bool zipped = file.peek(4) == "PK\x03\x04"_ba
                     || QFileInfo(path).suffix().compare("mxl"_L1, Qt::CaseInsensitive) == 0;
    if (!zipped)
        return readMusicXml(file.readAll(), path, options);
    file.close();
    const MxlContent content = readMxlContainer(path);
    if (!content.error.isEmpty())
        return ScoreReadResult::failure(content.error);
    return readMusicXml(content.xml, u"%1 (%2)"_s.arg(path, content.entryName), options);
}

} // namespace tutti
// end of musicxml.cpp
