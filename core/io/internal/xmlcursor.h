// SPDX-License-Identifier: GPL-3.0-or-later
// xmlcursor.h — a forward-only XML element walk over libxml2's streaming reader.
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
// meaning (readElementText behaves as with QXmlStreamReader::SkipChildElements), and parses
// with libxml2, faster than Qt 6.4's tokenizer. An empty element such as <rest/> reads as
// <rest></rest>; comments, processing instructions and the DOCTYPE are passed over. No DTD
// or external entity is ever fetched: character references and the five predefined entities
// are expanded; an entity declared in the document's own DTD reads as nothing in text
// (libxml2 expands it in attribute values). A malformed or truncated document stops the walk
// with an error (a truncated one says "Premature end of document.", as Qt does);
// raiseError() stops it the same way.
// The position of an error is libxml2's when it found the error. For raiseError() it is
// QXmlStreamReader's (the end of the current tag) when the current element's tags share a
// line; otherwise it is the line of the element's start tag, after that tag.
#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QXmlStreamAttributes>

struct _xmlTextReader; // libxml2's, kept out of this header
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
    enum class Token {
        None,
        StartElement,
        EndElement,
        Characters,
        Other,
        EndDocument,
        Invalid
    };

    Token readNext();
    qint64 currentLine() const;
    qint64 currentTagColumn(qint64 line) const;
    static void onLibxmlError(void *cursor, ::_xmlError *error);

    const QByteArray m_bytes; // libxml2 reads them in place
    ::_xmlTextReader *m_reader = nullptr;
    Token m_token = Token::None;
    bool m_emptyElement = false; // the current start element has no end tag: its end comes next
    QLatin1StringView m_name;
    bool m_hasError = false;
    QString m_errorString;
    qint64 m_errorLine = 0;
    qint64 m_errorColumn = 0;
};

} // namespace tutti
// end of xmlcursor.h
