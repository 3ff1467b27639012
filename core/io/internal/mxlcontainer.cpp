// SPDX-License-Identifier: GPL-3.0-or-later
// mxlcontainer.cpp — opens the .mxl zip with QuaZip and finds its root MusicXML file.
#include "mxlcontainer.h"

#include <QBuffer>
#include <QXmlStreamReader>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>
#include <zlib.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QString containerName = u"META-INF/container.xml"_s;

// Inflates one entry, refusing to go past maxMxlEntryBytes whatever its header claims; with a
// prefix limit, stops once that many bytes are in.
QString readEntry(QuaZip &zip, const QString &name, QByteArray *bytes, qint64 prefixBytes = -1)
{
    if (!zip.setCurrentFile(name))
        return u"cannot find %1 in the archive"_s.arg(name);
    QuaZipFileInfo64 info;
    const quint64 statedSize = zip.getCurrentFileInfo(&info) ? info.uncompressedSize : 0;
    if (statedSize > static_cast<quint64>(maxMxlEntryBytes))
        return u"%1 would unpack to %2 bytes, more than the %3 accepted"_s.arg(name).arg(statedSize).arg(maxMxlEntryBytes);
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot open %1 in the archive (zip error %2)"_s.arg(name).arg(file.getZipError());
    // Inflate straight into one buffer of the size the header states (bounded, since it may
    // lie): appending 1 MB chunks copied a 4 MB score several times over, which made most of
    // `tutti info`'s page faults on a large quartet.
    const qint64 limit = prefixBytes > 0 ? std::min(prefixBytes, maxMxlEntryBytes) : maxMxlEntryBytes;
    bytes->resize(std::min(static_cast<qint64>(statedSize), limit) + 1); // one byte more than stated, to see the end without growing
    qint64 size = 0;
    while (true) {
        if (size == bytes->size()) {
            if (size > limit)
                return u"%1 unpacks to more than the %2 bytes accepted"_s.arg(name).arg(maxMxlEntryBytes);
            bytes->resize(std::min(2 * size, limit + 1));
        }
        const qint64 got = file.read(bytes->data() + size, bytes->size() - size);
        if (got <= 0)
            break;
        size += got;
        if (prefixBytes > 0 && size >= prefixBytes) {
            bytes->truncate(prefixBytes);
            return {};
        }
    }
    bytes->truncate(size);
    const bool atEnd = file.atEnd();
    file.close();
    if (!atEnd || file.getZipError() != UNZ_OK)
        return u"%1 is damaged in the archive (zip error %2)"_s.arg(name).arg(file.getZipError());
    return {};
}

// The first <rootfile full-path="..."> of a MusicXML kind (or of no stated kind).
QString rootFileFromContainer(const QByteArray &container)
{
    QXmlStreamReader xml(container);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != "rootfile"_L1)
            continue;
        const QStringView mediaType = xml.attributes().value("media-type"_L1);
        if (mediaType.isEmpty() || mediaType.contains("musicxml"_L1))
            return xml.attributes().value("full-path"_L1).toString();
    }
    return {};
}

bool isMusicXmlEntry(const QString &name)
{
    return !name.startsWith("META-INF/"_L1, Qt::CaseInsensitive)
        && (name.endsWith(".xml"_L1, Qt::CaseInsensitive) || name.endsWith(".musicxml"_L1, Qt::CaseInsensitive));
}

} // namespace

MxlContent readMxlContainer(const QString &path, qint64 prefixBytes)
{
    MxlContent content;
    const auto fail = [&](const QString &problem) {
        content.error = u"%1: %2"_s.arg(path, problem);
        return content;
    };
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(u"not a readable .mxl (zip) file (zip error %1)"_s.arg(zip.getZipError()));
    const QStringList names = zip.getFileNameList();
    if (names.isEmpty())
        return fail(u"the .mxl archive is empty or unreadable"_s);

    QString root;
    if (names.contains(containerName)) {
        QByteArray container;
        const QString problem = readEntry(zip, containerName, &container);
        if (!problem.isEmpty())
            return fail(problem);
        root = rootFileFromContainer(container);
        if (root.startsWith(u'/'))
            root.remove(0, 1);
    }
    if (root.isEmpty() || !names.contains(root)) {
        const auto fallback = std::find_if(names.cbegin(), names.cend(), isMusicXmlEntry);
        if (fallback == names.cend())
            return fail(u"the .mxl archive holds no MusicXML file"_s);
        root = *fallback;
    }
    const QString problem = readEntry(zip, root, &content.xml, prefixBytes);
    if (!problem.isEmpty())
        return fail(problem);
    content.entryName = root;
    return content;
}

QByteArray mxlPackage(const QByteArray &xml, QString *error)
{
    static const QByteArray container = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<container>\n"
                                        "  <rootfiles>\n"
                                        "    <rootfile full-path=\"score.musicxml\" "
                                        "media-type=\"application/vnd.recordare.musicxml+xml\"/>\n"
                                        "  </rootfiles>\n"
                                        "</container>\n"_ba;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdCreate)) {
        *error = u"cannot start the .mxl archive (zip error %1)"_s.arg(zip.getZipError());
        return {};
    }
    // The mimetype entry comes first and uncompressed, as the MusicXML container format asks.
    const struct
    {
        QString name;
        QByteArray data;
        bool compressed;
    } entries[] = {
        {u"mimetype"_s, "application/vnd.recordare.musicxml"_ba, false},
        {containerName, container, true},
        {u"score.musicxml"_s, xml, true},
    };
    for (const auto &entry : entries) {
        QuaZipFile file(&zip);
        const int method = entry.compressed ? Z_DEFLATED : 0;
        const int level = entry.compressed ? Z_DEFAULT_COMPRESSION : 0;
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(entry.name), nullptr, 0, method, level)
            || file.write(entry.data) != entry.data.size()) {
            *error = u"cannot add %1 to the .mxl archive (zip error %2)"_s.arg(entry.name).arg(file.getZipError());
            return {};
        }
        file.close();
    }
    zip.close();
    if (zip.getZipError() != UNZ_OK) {
        *error = u"cannot finish the .mxl archive (zip error %1)"_s.arg(zip.getZipError());
        return {};
    }
    return bytes;
}

} // namespace tutti
// end of mxlcontainer.cpp
