// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlwriter.cpp — MusicXML export entry points: the document frame and the .mxl package.
#include "io/musicxmlwriter.h"

#include "musicxmllayout.h"
#include "musicxmlpartwriter.h"
#include "mxlcontainer.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace tutti {

MusicXmlWriteResult writeMusicXml(const Score &score)
{
    MusicXmlWriteResult result;
    if (score.tracks.empty()) {
        result.error = u"the score has no tracks to write"_s;
        return result;
    }
    const MusicXmlLayout layout(score);
    if (!layout.error().isEmpty()) {
        result.error = layout.error();
        return result;
    }

    // Into UTF-16 first: converting once at the end is faster than a device write per call.
    QString text = u"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"_s;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeDTD(u"<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" "
                 "\"http://www.musicxml.org/dtds/partwise.dtd\">"_s);
    xml.writeStartElement(u"score-partwise"_s);
    xml.writeAttribute(u"version"_s, u"4.0"_s);
    if (!score.title.isEmpty()) {
        xml.writeStartElement(u"work"_s);
        xml.writeTextElement(u"work-title"_s, score.title);
        xml.writeEndElement();
    }
    xml.writeStartElement(u"identification"_s);
    xml.writeStartElement(u"encoding"_s);
    xml.writeTextElement(u"software"_s, u"Tutti"_s);
    xml.writeEndElement();
    xml.writeEndElement();

    std::vector<MusicXmlPartWriter> parts;
    parts.reserve(layout.parts().size());
    for (std::size_t i = 0; i < layout.parts().size(); ++i)
        parts.emplace_back(xml, layout, layout.parts()[i], u"P%1"_s.arg(i + 1), i == 0);
    xml.writeStartElement(u"part-list"_s);
    for (MusicXmlPartWriter &part : parts)
        part.writeScorePart();
    xml.writeEndElement();
    for (MusicXmlPartWriter &part : parts)
        part.writePart();
    xml.writeEndElement();
    xml.writeEndDocument();
    result.xml = text.toUtf8();

    result.movedNotes = layout.movedNotes();
    if (layout.movedNotes() > 0)
        result.warnings.append(u"%1 notes start or end off the grid MusicXML can spell here (1/%2 of a quarter, "
                               "triplets 1/%3); moved to the nearest point"_s.arg(layout.movedNotes())
                                   .arg(layout.divisions() / 3)
                                   .arg(layout.divisions() / 2));
    return result;
}

QString writeMusicXmlFile(const Score &score, const QString &path, QStringList *warnings)
{
    MusicXmlWriteResult result = writeMusicXml(score);
    if (!result.ok())
        return u"%1: %2"_s.arg(path, result.error);
    if (warnings)
        *warnings = result.warnings;
    QByteArray bytes = std::move(result.xml);
    if (QFileInfo(path).suffix().compare("mxl"_L1, Qt::CaseInsensitive) == 0) {
        QString error;
        bytes = mxlPackage(bytes, &error);
        if (!error.isEmpty())
            return u"%1: %2"_s.arg(path, error);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"%1: cannot write: %2"_s.arg(path, file.errorString());
    file.write(bytes);
    if (!file.commit())
        return u"%1: cannot write: %2"_s.arg(path, file.errorString());
    return {};
}

} // namespace tutti
// end of musicxmlwriter.cpp
