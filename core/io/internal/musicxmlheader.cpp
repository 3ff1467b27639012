// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlheader.cpp — titles, composer and encoders from the start of a MusicXML file.
#include "io/musicxmlheader.h"

#include "mxlcontainer.h"

#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr qint64 headerBytes = 64 * 1024;

QString simplifiedText(QXmlStreamReader &xml)
{
    return xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
}

} // namespace

QString MusicXmlHeader::title() const
{
    if (!movementTitle.isEmpty() && !workTitle.isEmpty() && movementTitle != workTitle)
        return u"%1 (%2)"_s.arg(movementTitle, workTitle);
    return movementTitle.isEmpty() ? workTitle : movementTitle;
}

MusicXmlHeader readMusicXmlHeader(const QString &path)
{
    MusicXmlHeader header;
    QByteArray bytes;
    if (QFileInfo(path).suffix().compare(u"mxl"_s, Qt::CaseInsensitive) == 0) {
        MxlContent content = readMxlContainer(path, headerBytes);
        if (!content.error.isEmpty()) {
            header.error = content.error;
            return header;
        }
        bytes = std::move(content.xml);
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            header.error = u"%1: cannot open: %2"_s.arg(path, file.errorString());
            return header;
        }
        bytes = file.read(headerBytes);
    }
    // The prefix may end inside an element: whatever was read before that point counts.
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == "part-list"_L1 || name == "part"_L1)
            break;
        if (name == "work-title"_L1)
            header.workTitle = simplifiedText(xml);
        else if (name == "movement-title"_L1)
            header.movementTitle = simplifiedText(xml);
        else if (name == "creator"_L1 && xml.attributes().value("type"_L1) == "composer"_L1 && header.composer.isEmpty())
            header.composer = simplifiedText(xml);
        else if (name == "software"_L1) {
            if (const QString software = simplifiedText(xml); !software.isEmpty())
                header.software << software;
        }
    }
    return header;
}

} // namespace tutti
// end of musicxmlheader.cpp
