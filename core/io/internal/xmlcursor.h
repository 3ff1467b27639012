// SPDX-License-Identifier: GPL-3.0-or-later
// xmlcursor.h — a forward-only XML element walk over libxml2's SAX2 parser.
//
// Usage (inside core/io only):
//   tutti::XmlCursor xml(bytes);                  // UTF-8 or UTF-16; the bytes must outlive xml
//   while (xml.readNextStartElement()) {          // the children of the current element
//       if (xml.name() == "duration"_L1)
//           duration = xml.readElementText();     // its text; child elements are skipped
//       else
//           xml.skipCurrentElement();
//   }
//   if (xml.hasError())
//       qWarning() << xml.lineNumber() << xml.columnNumber() << xml.errorString();
//
// It offers the part of QXmlStreamReader's API that the MusicXML reader uses, with the same
// meaning (readElementText behaves as with QXmlStreamReader::SkipChildElements). It feeds the
// document to libxml2's SAX2 parser 512 bytes at a time, as libxml2's streaming reader does
// but without building a tree, and walks the start tags, end tags and text each piece gives:
// faster than the streaming reader and than Qt 6.4's tokenizer. An empty element such as
// <rest/> reads as <rest></rest>; comments, processing instructions and the DOCTYPE are
// passed over. No DTD or external entity is ever fetched: character references and the five
// predefined entities are expanded; an entity declared in the document's own DTD reads as
// nothing in text (libxml2 expands it in attribute values). A malformed or truncated
// document stops the walk with an error once the walk reaches the piece where the parser
// found it (a truncated one says "Premature end of document.", as Qt does; content after the
// root element stops it at the root's end tag); raiseError() stops it the same way. As with
// libxml2's tree, more than 256 nested elements or 10,000,000 bytes of text between two tags
// are errors.
// The position of an error is libxml2's when it found the error. For raiseError() it is
// QXmlStreamReader's (the end of the current tag) when the current element's tags share a
// line; otherwise it is the line of the element's start tag, after that tag.
#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QXmlStreamAttributes>

#include <memory>
#include <string>
#include <vector>

struct _xmlParserCtxt; // libxml2's, kept out of this header
struct _xmlError;

namespace tutti {

class XmlCursor
{
public:
    explicit XmlCursor(const QByteArray &bytes);
    ~XmlCursor();
    XmlCursor(const XmlCursor &) = delete;
    XmlCursor &operator=(const XmlCursor &) = delete;

    // Reads to the next start element inside the current element: false at its end element,
    // at the end of the document or on an error.
    bool readNextStartElement();
    // Reads past the end element of the current element (at a start element).
    void skipCurrentElement();
    // At a start element: its character data, child elements skipped, and leaves the cursor
    // on its end element. Elsewhere: an empty string.
    QString readElementText();

    // The local name of the current start or end element. Compare it with Latin-1 literals;
    // names that are not ASCII never equal one. nameString() decodes it for messages.
    QLatin1StringView name() const { return m_name; }
    QString nameString() const;
    // The attributes of the current start element (none elsewhere), by qualified name.
    QXmlStreamAttributes attributes() const;

    void raiseError(const QString &message);
    bool hasError() const { return m_hasError; }
    QString errorString() const { return m_errorString; }
    qint64 lineNumber() const;   // of the error, else of the current node
    qint64 columnNumber() const; // of the error, else 0

private:
    enum class Token : quint8 {
        None,
        StartElement,
        EndElement,
        Characters,
        EndDocument,
        Invalid
    };
    // What the parser met and the walk has not passed yet, in document order. Names point
    // into libxml2's dictionary.
    struct Event {
        const char *name = nullptr; // elements: the local name
        qsizetype first = 0;        // start: the first of m_attributes; text: the offset in m_text
        int size = 0;               // start: the number of attributes; text: its bytes
        int line = 0;               // elements: the line of the start tag
        int nameSize = 0;
        Token token = Token::None;
    };
    struct Attribute {
        const char *prefix = nullptr;
        const char *localName = nullptr;
        qsizetype value = 0; // the offset in m_text
        int valueSize = 0;
    };
    struct Parse;

    void start();
    void fill();
    void compact();
    void pushMore();
    Token readNext();
    qint64 currentTagColumn(qint64 line) const;
    static void onLibxmlError(void *context, ::_xmlError *error);

    const QByteArray m_bytes; // libxml2 reads them in place
    std::vector<Event> m_events;
    std::vector<Attribute> m_attributes;
    std::string m_text; // text and attribute values, UTF-8
    ::_xmlParserCtxt *m_context = nullptr;
    std::unique_ptr<Parse> m_parse;
    // Where the parser stopped on an error (an index in m_events, -1 if it did not), and why.
    qsizetype m_parseErrorAt = -1;
    QString m_parseErrorString;
    qint64 m_parseErrorLine = 0;
    qint64 m_parseErrorColumn = 0;
    qint64 m_endLine = 0; // the parser's line at the end of the document

    std::size_t m_next = 0; // the next event to read
    Token m_token = Token::None;
    QLatin1StringView m_name;
    qint64 m_line = 0; // of the current element
    bool m_hasError = false;
    QString m_errorString;
    qint64 m_errorLine = 0;
    qint64 m_errorColumn = 0;
};

} // namespace tutti
// end of xmlcursor.h
