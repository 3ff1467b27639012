// SPDX-License-Identifier: GPL-3.0-or-later
// musicxml.cpp — MusicXML import entry points: file or bytes in, Score out.
#include "io/musicxml.h"

#include "musicxmlplayorder.h"
#include "musicxmlreader.h"
#include "musicxmlscorebuilder.h"
#include "mxlcontainer.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

struct RepeatCount
{
    int backward = 0;
    int endings = 0;
    int jumps = 0;

    bool empty() const { return backward == 0 && endings == 0 && jumps == 0; }
    QString describe() const
    {
        QStringList parts;
        if (backward > 0)
            parts.append(u"%1 repeat bar lines"_s.arg(backward));
        if (endings > 0)
            parts.append(u"%1 volta endings"_s.arg(endings));
        if (jumps > 0)
            parts.append(u"%1 D.C./D.S. jumps"_s.arg(jumps));
        return parts.join(u", "_s);
    }
};

RepeatCount countRepeats(const std::vector<RepeatMarks> &marks)
{
    RepeatCount count;
    for (const RepeatMarks &measure : marks) {
        count.backward += measure.backwardTimes > 0 ? 1 : 0;
        count.endings += measure.endingStarts ? 1 : 0;
        count.jumps += measure.daCapo || !measure.dalSegno.isEmpty() ? 1 : 0;
    }
    return count;
}

// Where a later part's repeat bar lines or endings differ from the first part's; empty when
// all that have any agree. (Jumps are often written in the top part only, so they are not compared.)
QString disagreement(const std::vector<WrittenPart> &parts)
{
    const auto hasRepeats = [](const std::vector<RepeatMarks> &marks) {
        return std::any_of(marks.begin(), marks.end(), [](const RepeatMarks &m) {
            return m.forward || m.backwardTimes > 0 || !m.ending.isEmpty();
        });
    };
    const std::vector<RepeatMarks> first = parts.front().marks();
    for (std::size_t p = 1; p < parts.size(); ++p) {
        const std::vector<RepeatMarks> other = parts[p].marks();
        if (!hasRepeats(other))
            continue; // a part that leaves the repeats to the others does not contradict them
        for (std::size_t i = 0; i < std::min(first.size(), other.size()); ++i) {
            const RepeatMarks &a = first[i];
            const RepeatMarks &b = other[i];
            // std::ranges::equal: Qt 6.4's QList<int>::operator== passes a null pointer to memcmp when
            // one list is empty and unallocated and the other empty and allocated (found by fuzzmusicxml).
            if (a.forward != b.forward || a.backwardTimes != b.backwardTimes || !std::ranges::equal(a.ending, b.ending))
                return u"part %1 (%2) has other repeat marks than the first part in measure %3"_s.arg(p + 1)
                    .arg(parts[p].name)
                    .arg(i + 1);
        }
    }
    return {};
}

int countTremolos(const std::vector<WrittenPart> &parts)
{
    int count = 0;
    for (const WrittenPart &part : parts) {
        for (const WrittenMeasure &measure : part.measures) {
            for (const WrittenNote &note : measure.notes)
                count += note.tremolo == WrittenNote::Tremolo::Single || note.tremolo == WrittenNote::Tremolo::FirstOfTwo;
        }
    }
    return count;
}

} // namespace

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
    // The first part carries the repeat structure (and, from most editors, the jumps).
    std::vector<RepeatMarks> marks = written.parts.front().marks();
    marks.resize(measureCount);
    const RepeatCount repeats = countRepeats(marks);
    QString repeatReading;
    if (repeats.empty()) {
        repeatReading = u"no repeats"_s;
    } else if (!options.expandRepeats) {
        repeatReading = u"repeats as written (%1)"_s.arg(repeats.describe());
    } else {
        QStringList orderWarnings;
        std::vector<int> played = playbackOrder(marks, &orderWarnings);
        QString doubt = disagreement(written.parts);
        if (doubt.isEmpty() && !orderWarnings.isEmpty())
            doubt = orderWarnings.first();
        if (options.onlyUnambiguousRepeats && !doubt.isEmpty()) {
            repeatReading = u"repeats as written, the structure is ambiguous: %1"_s.arg(doubt);
        } else {
            result.warnings += orderWarnings;
            order = std::move(played);
            repeatReading = u"repeats played out (%1)"_s.arg(repeats.describe());
        }
    }
    const int tremolos = countTremolos(written.parts);
    const QString tremoloReading = tremolos == 0             ? u"no tremolos"_s
                                 : options.expandTremolos ? u"%1 tremolo notes played out"_s.arg(tremolos)
                                                          : u"%1 tremolo notes as written"_s.arg(tremolos);
    result.playback = repeatReading + u"; "_s + tremoloReading;
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
