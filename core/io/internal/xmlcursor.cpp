// SPDX-License-Identifier: GPL-3.0-or-later
// xmlcursor.cpp — QXmlStreamReader's element walk over events from libxml2's SAX2 parser.
#include "xmlcursor.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
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

// The state of one parse: libxml2 hands it to the callbacks as the parser context's _private.
struct XmlCursor::Parse {
    Parse(XmlCursor &cursor, xmlParserCtxtPtr context)
        : cursor(cursor)
        , context(context)
    {
    }

    XmlCursor &cursor;
    xmlParserCtxtPtr context = nullptr;
    int pushed = 0;             // bytes given to the parser
    bool finished = false;      // no more to give: the end of the document, or an error
    std::vector<int> openLines; // the start-tag lines of the open elements
    qsizetype textRun = 0;      // bytes of text since the last tag
    bool stopped = false;       // an error was found: the events end here

    // The parse to record an event of, or null. libxml2 parses the content of an entity
    // declared in the DTD with a context of its own, through the same callbacks: its events
    // are left out, so that the entity reads as nothing.
    static Parse *of(void *context)
    {
        auto *parserContext = static_cast<xmlParserCtxtPtr>(context);
        auto *parse = static_cast<Parse *>(parserContext->_private);
        return parse && parse->context == parserContext && !parse->stopped ? parse : nullptr;
    }

    void fail(const QString &message, qint64 line, qint64 column)
    {
        if (stopped)
            return;
        stopped = true;
        cursor.m_parseErrorAt = static_cast<qsizetype>(cursor.m_events.size());
        cursor.m_parseErrorString = message;
        cursor.m_parseErrorLine = line;
        cursor.m_parseErrorColumn = column;
    }

    // The limits libxml2's tree builder sets; the parser itself does not check them.
    void failHere(const QString &message)
    {
        fail(message, context->input ? context->input->line : 0, context->input ? context->input->col : 0);
        xmlStopParser(context);
    }

    void text(const xmlChar *bytes, int size)
    {
        textRun += size;
        if (textRun > XML_MAX_TEXT_LENGTH) {
            failHere(u"xmlSAX2Characters: huge text node"_s);
            return;
        }
        append(bytes, size);
    }

    void append(const xmlChar *bytes, int size)
    {
        std::vector<Event> &events = cursor.m_events;
        if (events.empty() || events.back().token != Token::Characters
            || events.back().size > std::numeric_limits<int>::max() - size) {
            Event event;
            event.token = Token::Characters;
            event.first = static_cast<qsizetype>(cursor.m_text.size());
            events.push_back(event);
        }
        cursor.m_text.append(chars(bytes), size);
        events.back().size += size;
    }

    static void onStart(void *context, const xmlChar *localName, const xmlChar * /*prefix*/,
                        const xmlChar * /*uri*/, int /*namespaceCount*/, const xmlChar ** /*namespaces*/,
                        int attributeCount, int defaultedCount, const xmlChar **attributes)
    {
        Parse *parse = of(context);
        if (!parse)
            return;
        if (parse->openLines.size() > xmlParserMaxDepth) {
            parse->failHere(u"Excessive depth in document: %1 use XML_PARSE_HUGE option"_s.arg(xmlParserMaxDepth));
            return;
        }
        XmlCursor &cursor = parse->cursor;
        Event event;
        event.token = Token::StartElement;
        event.name = chars(localName);
        event.nameSize = static_cast<int>(std::strlen(event.name));
        event.line = parse->context->input ? parse->context->input->line : 0;
        event.first = static_cast<qsizetype>(cursor.m_attributes.size());
        // Attributes come as (local name, prefix, URI, value, value end); the last
        // defaultedCount are defaults from the DTD, which libxml2's tree leaves out too.
        for (int at = 0; at < attributeCount - defaultedCount; ++at) {
            const xmlChar **attribute = attributes + 5 * at;
            Attribute record;
            record.localName = chars(attribute[0]);
            record.prefix = chars(attribute[1]);
            record.value = static_cast<qsizetype>(cursor.m_text.size());
            const char *value = chars(attribute[3]);
            const auto size = static_cast<int>(attribute[4] - attribute[3]);
            if (std::memchr(value, '&', size)) {
                // Without entity substitution the parser leaves references in the value
                // (even &amp; comes as &#38;): expand them as libxml2's tree does.
                xmlChar *decoded = xmlStringLenDecodeEntities(parse->context, attribute[3], size,
                                                              XML_SUBSTITUTE_REF, 0, 0, 0);
                if (decoded) {
                    cursor.m_text.append(chars(decoded));
                    xmlFree(decoded);
                }
            } else {
                cursor.m_text.append(value, size);
            }
            record.valueSize = static_cast<int>(static_cast<qsizetype>(cursor.m_text.size()) - record.value);
            cursor.m_attributes.push_back(record);
        }
        event.size = static_cast<int>(cursor.m_attributes.size() - event.first);
        cursor.m_events.push_back(event);
        parse->openLines.push_back(event.line);
        parse->textRun = 0;
    }

    static void onEnd(void *context, const xmlChar *localName, const xmlChar * /*prefix*/,
                      const xmlChar * /*uri*/)
    {
        Parse *parse = of(context);
        if (!parse || parse->openLines.empty())
            return;
        Event event;
        event.token = Token::EndElement;
        event.name = chars(localName);
        event.nameSize = static_cast<int>(std::strlen(event.name));
        event.line = parse->openLines.back(); // as QXmlStreamReader's node: the start tag's
        parse->openLines.pop_back();
        parse->cursor.m_events.push_back(event);
        parse->textRun = 0;
    }

    static void onText(void *context, const xmlChar *bytes, int size)
    {
        if (Parse *parse = of(context))
            parse->text(bytes, size);
    }

    // As in libxml2's tree, the text limit holds for a run of text that no CDATA section,
    // comment or processing instruction interrupts.
    static void onCData(void *context, const xmlChar *bytes, int size)
    {
        if (Parse *parse = of(context)) {
            parse->append(bytes, size);
            parse->textRun = 0;
        }
    }

    static void onComment(void *context, const xmlChar * /*text*/)
    {
        if (Parse *parse = of(context))
            parse->textRun = 0;
    }

    static void onInstruction(void *context, const xmlChar * /*target*/, const xmlChar * /*data*/)
    {
        onComment(context, nullptr);
    }
};

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
    start();
}

XmlCursor::~XmlCursor()
{
    if (!m_context)
        return;
    if (m_context->myDoc) // made by the SAX2 defaults, to hold the DTD
        xmlFreeDoc(m_context->myDoc);
    m_context->myDoc = nullptr;
    xmlFreeParserCtxt(m_context); // and its dictionary, which held the names
}

void XmlCursor::start()
{
    // libxml2's SAX2 defaults, which keep the DTD's entity declarations, with callbacks that
    // record elements and text instead of building a tree.
    xmlSAXHandler handler;
    xmlSAXVersion(&handler, 2);
    handler.startElementNs = &Parse::onStart;
    handler.endElementNs = &Parse::onEnd;
    handler.characters = &Parse::onText;
    handler.ignorableWhitespace = &Parse::onText;
    handler.cdataBlock = &Parse::onCData;
    handler.comment = &Parse::onComment;
    handler.processingInstruction = &Parse::onInstruction;
    handler.reference = nullptr;
    handler.serror = &XmlCursor::onLibxmlError;

    // As libxml2's streaming reader does, so that errors read as they did: the first 4 bytes
    // detect the encoding, pushMore() gives the rest.
    const int head = m_bytes.size() >= 4 ? 4 : 0;
    m_context = xmlCreatePushParserCtxt(&handler, nullptr, head ? m_bytes.constData() : nullptr, head, nullptr);
    if (!m_context) {
        raiseError(u"the XML parser could not start"_s);
        return;
    }
    xmlCtxtUseOptions(m_context, parseOptions);
    m_parse = std::make_unique<Parse>(*this, m_context);
    m_parse->pushed = head;
    m_context->_private = m_parse.get(); // the callbacks get the context itself as their user data
    m_line = 1;
}

void XmlCursor::fill()
{
    // One event ahead, as the streaming reader was one node ahead: an error right after the
    // root element is known when the walk reaches its end tag.
    while (m_parse && !m_parse->finished && m_events.size() - m_next < 2) {
        compact();
        pushMore();
    }
}

void XmlCursor::compact()
{
    // Drops the events walked past, with their attributes and text.
    if (m_next == 0)
        return;
    qsizetype keepText = static_cast<qsizetype>(m_text.size());
    qsizetype keepAttributes = static_cast<qsizetype>(m_attributes.size());
    for (std::size_t at = m_next; at < m_events.size(); ++at) {
        const Event &event = m_events[at];
        if (event.token == Token::Characters) {
            keepText = std::min(keepText, event.first);
        } else if (event.token == Token::StartElement && event.size > 0) {
            keepAttributes = std::min(keepAttributes, event.first);
            keepText = std::min(keepText, m_attributes[static_cast<std::size_t>(event.first)].value);
        }
    }
    m_events.erase(m_events.begin(), m_events.begin() + static_cast<std::ptrdiff_t>(m_next));
    if (m_parseErrorAt >= 0)
        m_parseErrorAt -= static_cast<qsizetype>(m_next);
    m_next = 0;
    m_text.erase(0, static_cast<std::size_t>(keepText));
    m_attributes.erase(m_attributes.begin(), m_attributes.begin() + keepAttributes);
    for (Event &event : m_events) {
        if (event.token == Token::Characters)
            event.first -= keepText;
        else if (event.token == Token::StartElement)
            event.first -= keepAttributes;
    }
    for (Attribute &attribute : m_attributes)
        attribute.value -= keepText;
}

void XmlCursor::pushMore()
{
    Parse &state = *m_parse;
    const int size = static_cast<int>(m_bytes.size());
    constexpr int chunkSize = 512; // as the streaming reader's; larger ones measured no faster
    if (state.pushed < size) {
        const int chunk = std::min(chunkSize, size - state.pushed);
        xmlParseChunk(m_context, m_bytes.constData() + state.pushed, chunk, 0);
        state.pushed += chunk;
    } else {
        xmlParseChunk(m_context, nullptr, 0, 1);
        state.finished = true;
    }
    if (!state.finished && !state.stopped)
        return;
    state.finished = true;
    if (!state.stopped && !m_context->wellFormed)
        state.fail(u"malformed XML"_s, m_context->input ? m_context->input->line : 0, 0);
    m_endLine = m_context->input ? m_context->input->line : 0;
    // An error after the root element (content after it, say) stops the walk at the root's
    // end tag: a walk seldom reads past it, and the document is not well-formed.
    if (m_parseErrorAt > static_cast<qsizetype>(m_next) && m_parseErrorAt == static_cast<qsizetype>(m_events.size())
        && state.openLines.empty())
        --m_parseErrorAt;
}

void XmlCursor::onLibxmlError(void *context, xmlError *error)
{
    auto *parserContext = static_cast<xmlParserCtxtPtr>(context);
    auto *parse = parserContext ? static_cast<Parse *>(parserContext->_private) : nullptr;
    if (!parse || !error || error->level < XML_ERR_ERROR || parse->stopped)
        return;
    QString message;
    if (endedTooSoon(error, parse->cursor.m_bytes))
        message = u"Premature end of document."_s;
    else if (error->code == XML_ERR_DOCUMENT_EMPTY) // libxml2 says "Document is empty" of text
        message = u"Start tag expected."_s;
    else
        message = QString::fromUtf8(error->message ? error->message : "malformed XML").trimmed();
    parse->fail(message, error->line, error->int2);
}

XmlCursor::Token XmlCursor::readNext()
{
    if (m_hasError)
        return m_token = Token::Invalid;
    fill();
    if (m_parseErrorAt >= 0 && m_next == static_cast<std::size_t>(m_parseErrorAt)) {
        m_hasError = true; // the walk has reached the point where the parser stopped
        m_errorString = m_parseErrorString;
        m_errorLine = m_parseErrorLine;
        m_errorColumn = m_parseErrorColumn;
        return m_token = Token::Invalid;
    }
    if (m_next >= m_events.size()) {
        m_name = {};
        m_line = m_endLine;
        return m_token = Token::EndDocument;
    }
    const Event &event = m_events[m_next++];
    if (event.token != Token::Characters) {
        m_name = QLatin1StringView(event.name, event.nameSize);
        m_line = event.line;
    }
    return m_token = event.token;
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
    // Usually one piece of text, decoded in place; comments and child elements split it. A
    // piece is copied before reading on could drop it (see compact()).
    QByteArrayView first;
    QByteArray joined;
    bool copied = false;
    const auto copy = [&] {
        if (!copied)
            joined = first.toByteArray();
        copied = true;
    };
    const auto text = [&] { return QString::fromUtf8(copied ? QByteArrayView(joined) : first); };
    for (;;) {
        if (m_events.size() - m_next < 2)
            copy();
        switch (readNext()) {
        case Token::Characters: {
            const Event &event = m_events[m_next - 1];
            const QByteArrayView piece(m_text.data() + event.first, event.size);
            if (!copied && first.isEmpty()) {
                first = piece;
            } else {
                copy();
                joined.append(piece);
            }
            break;
        }
        case Token::StartElement:
            copy();
            skipCurrentElement();
            break;
        case Token::EndElement:
            return text();
        case Token::EndDocument:
        case Token::Invalid:
        case Token::None:
            if (!m_hasError)
                raiseError(u"Expected character data."_s);
            return text();
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
    const Event &event = m_events[m_next - 1];
    result.reserve(event.size);
    for (qsizetype at = event.first; at < event.first + event.size; ++at) {
        const Attribute &attribute = m_attributes[static_cast<std::size_t>(at)];
        QString name = QString::fromUtf8(attribute.localName);
        if (attribute.prefix)
            name = QString::fromUtf8(attribute.prefix) + u':' + name;
        result.append(name, QString::fromUtf8(m_text.data() + attribute.value, attribute.valueSize));
    }
    return result;
}

void XmlCursor::raiseError(const QString &message)
{
    // Like QXmlStreamReader: a later message replaces an earlier one, and reading stops.
    const qint64 line = m_line;
    m_errorLine = line;
    m_errorColumn = line > 0 ? currentTagColumn(line) : 0; // before the token is lost
    m_errorString = message;
    m_hasError = true;
    m_token = Token::Invalid;
}

qint64 XmlCursor::lineNumber() const
{
    return m_hasError ? m_errorLine : m_line;
}

qint64 XmlCursor::columnNumber() const
{
    return m_hasError ? m_errorColumn : 0;
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
