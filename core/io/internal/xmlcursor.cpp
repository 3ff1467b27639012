// SPDX-License-Identifier: GPL-3.0-or-later
// xmlcursor.cpp — QXmlStreamReader's element walk on libxml2's xmlTextReader.
#include "xmlcursor.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

// No DTD loading, validation or entity substitution: nothing outside the bytes is read. Not
// XML_PARSE_HUGE: libxml2's default limits (10 MB in one text node, 256 levels of nesting,
// entity amplification) stay on, far beyond what a score needs.
constexpr int parseOptions = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;

const char *chars(const xmlChar *text)
{
    return reinterpret_cast<const char *>(text);
}

QLatin1StringView view(const xmlChar *text)
{
    return text ? QLatin1StringView(chars(text)) : QLatin1StringView();
}

// Whether a libxml2 error means the bytes stopped before the document did: it is named so,
// or it lies at or after the last character that is not white space.
bool endedTooSoon(const xmlError *error, const QByteArray &bytes)
{
    if (error->code == XML_ERR_TAG_NOT_FINISHED)
        return true;
    qsizetype last = bytes.size() - 1;
    while (last >= 0 && (bytes.at(last) == ' ' || bytes.at(last) == '\n' || bytes.at(last) == '\r'
                         || bytes.at(last) == '\t' || bytes.at(last) == '\0'))
        --last;
    if (last < 0)
        return true; // nothing but white space
    const qsizetype lineStart = bytes.lastIndexOf('\n', last) + 1;
    const qint64 lastLine = bytes.first(lineStart).count('\n') + 1;
    const qint64 lastColumn = last - lineStart + 1;
    return error->line > lastLine || (error->line == lastLine && error->int2 >= lastColumn);
}

} // namespace

XmlCursor::XmlCursor(const QByteArray &bytes)
    : m_bytes(bytes)
{
    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(initialized);
    if (m_bytes.size() > std::numeric_limits<int>::max()) {
        raiseError(u"the document is larger than 2 GiB"_s);
        return;
    }
    m_reader = xmlReaderForMemory(m_bytes.constData(), static_cast<int>(m_bytes.size()), nullptr, nullptr,
                                  parseOptions);
    if (!m_reader) {
        raiseError(u"the XML parser could not start"_s);
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(m_reader, &XmlCursor::onLibxmlError, this);
}

XmlCursor::~XmlCursor()
{
    if (m_reader)
        xmlFreeTextReader(m_reader);
}

void XmlCursor::onLibxmlError(void *cursor, xmlError *error)
{
    auto *self = static_cast<XmlCursor *>(cursor);
    if (!error || error->level < XML_ERR_ERROR || self->m_hasError)
        return;
    self->m_hasError = true;
    self->m_token = Token::Invalid;
    self->m_errorLine = error->line;
    self->m_errorColumn = error->int2;
    if (endedTooSoon(error, self->m_bytes))
        self->m_errorString = u"Premature end of document."_s;
    else if (error->code == XML_ERR_DOCUMENT_EMPTY) // libxml2 says "Document is empty" of text
        self->m_errorString = u"Start tag expected."_s;
    else
        self->m_errorString = QString::fromUtf8(error->message ? error->message : "malformed XML").trimmed();
}

XmlCursor::Token XmlCursor::readNext()
{
    if (m_hasError)
        return m_token = Token::Invalid;
    if (m_token == Token::StartElement && m_emptyElement) {
        m_emptyElement = false;
        return m_token = Token::EndElement; // the end tag an empty element does not have
    }
    if (m_token == Token::EndDocument)
        return m_token;
    const int status = xmlTextReaderRead(m_reader);
    if (m_hasError)
        return m_token = Token::Invalid;
    if (status < 0) {
        raiseError(u"malformed XML"_s);
        return m_token;
    }
    if (status == 0) {
        m_name = {};
        return m_token = Token::EndDocument;
    }
    switch (xmlTextReaderNodeType(m_reader)) {
    case XML_READER_TYPE_ELEMENT:
        m_name = view(xmlTextReaderConstLocalName(m_reader));
        m_emptyElement = xmlTextReaderIsEmptyElement(m_reader) == 1;
        return m_token = Token::StartElement;
    case XML_READER_TYPE_END_ELEMENT:
        m_name = view(xmlTextReaderConstLocalName(m_reader));
        return m_token = Token::EndElement;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        return m_token = Token::Characters;
    default:
        return m_token = Token::Other; // comments, processing instructions, DOCTYPE, entity references
    }
}

bool XmlCursor::readNextStartElement()
{
    for (;;) {
        switch (readNext()) {
        case Token::StartElement:
            return true;
        case Token::EndElement:
        case Token::EndDocument:
        case Token::Invalid:
            return false;
        default:
            break;
        }
    }
}

void XmlCursor::skipCurrentElement()
{
    int depth = 1;
    while (depth > 0) {
        switch (readNext()) {
        case Token::StartElement:
            ++depth;
            break;
        case Token::EndElement:
            --depth;
            break;
        case Token::EndDocument:
        case Token::Invalid:
            return;
        default:
            break;
        }
    }
}

QString XmlCursor::readElementText()
{
    if (m_token != Token::StartElement)
        return {};
    QByteArray text;
    for (;;) {
        switch (readNext()) {
        case Token::Characters:
            text += chars(xmlTextReaderConstValue(m_reader));
            break;
        case Token::StartElement:
            skipCurrentElement();
            break;
        case Token::Other:
            break;
        case Token::EndElement:
            return QString::fromUtf8(text);
        case Token::EndDocument:
        case Token::Invalid:
        case Token::None:
            if (!m_hasError)
                raiseError(u"Expected character data."_s);
            return QString::fromUtf8(text);
        }
    }
}

QString XmlCursor::nameString() const
{
    return QString::fromUtf8(m_name.data(), m_name.size());
}

QXmlStreamAttributes XmlCursor::attributes() const
{
    QXmlStreamAttributes result;
    if (m_token != Token::StartElement || m_hasError)
        return result;
    if (xmlTextReaderMoveToFirstAttribute(m_reader) != 1)
        return result;
    do {
        if (xmlTextReaderIsNamespaceDecl(m_reader) == 1)
            continue;
        result.append(QString::fromUtf8(chars(xmlTextReaderConstName(m_reader))),
                      QString::fromUtf8(chars(xmlTextReaderConstValue(m_reader))));
    } while (xmlTextReaderMoveToNextAttribute(m_reader) == 1);
    xmlTextReaderMoveToElement(m_reader);
    return result;
}

void XmlCursor::raiseError(const QString &message)
{
    // Like QXmlStreamReader: a later message replaces an earlier one, and reading stops.
    const qint64 line = currentLine();
    m_errorLine = line;
    m_errorColumn = line > 0 ? currentTagColumn(line) : 0; // before the token is lost
    m_errorString = message;
    m_hasError = true;
    m_token = Token::Invalid;
}

qint64 XmlCursor::lineNumber() const
{
    return m_hasError ? m_errorLine : currentLine();
}

qint64 XmlCursor::columnNumber() const
{
    return m_hasError ? m_errorColumn : 0;
}

qint64 XmlCursor::currentLine() const
{
    if (!m_reader)
        return 0;
    const xmlNode *node = xmlTextReaderCurrentNode(m_reader);
    if (node)
        return xmlGetLineNo(node);
    return xmlTextReaderGetParserLineNumber(m_reader);
}

qint64 XmlCursor::currentTagColumn(qint64 line) const
{
    // libxml2 keeps no column per node. As QXmlStreamReader does, count the characters of the
    // line up to the end of the current tag: the start tag, or the end tag when it is on the
    // same line (the start tag's line is the one libxml2 knows). 0 when it cannot be found.
    qsizetype start = 0;
    for (qint64 at = 1; at < line; ++at) {
        start = m_bytes.indexOf('\n', start);
        if (start < 0)
            return 0;
        ++start;
    }
    qsizetype end = m_bytes.indexOf('\n', start);
    if (end < 0)
        end = m_bytes.size();
    if (m_name.isEmpty())
        return 0;
    const QByteArray name(m_name.data(), m_name.size());
    const auto findTag = [&](const QByteArray &tag, qsizetype from) -> qsizetype {
        for (qsizetype at = m_bytes.indexOf(tag, from); at >= 0 && at < end; at = m_bytes.indexOf(tag, at + 1)) {
            const qsizetype after = at + tag.size();
            if (after >= m_bytes.size() || QByteArrayView(" \t\r\n/>").contains(m_bytes.at(after)))
                return at;
        }
        return -1;
    };
    const qsizetype open = findTag('<' + name, start);
    const qsizetype openEnd = open < 0 ? -1 : m_bytes.indexOf('>', open);
    if (openEnd < 0 || openEnd >= end)
        return 0;
    if (m_token == Token::EndElement && m_bytes.at(openEnd - 1) != '/') {
        const qsizetype close = findTag("</" + name, openEnd);
        const qsizetype closeEnd = close < 0 ? -1 : m_bytes.indexOf('>', close);
        if (closeEnd >= 0 && closeEnd < end)
            return closeEnd + 1 - start;
    }
    return openEnd + 1 - start;
}

} // namespace tutti
// end of xmlcursor.cpp
