// SPDX-License-Identifier: GPL-3.0-or-later
// testioxmlcursor.cpp — XmlCursor (libxml2) walks documents exactly as QXmlStreamReader does.
#include "io/internal/xmlcursor.h"

#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>
#include <QXmlStreamReader>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace {

// The walk the MusicXML reader makes, from the current start element: its name and
// attributes; <t> elements are read as text, <skip> elements skipped whole, the others
// walked into. Like the reader, it stops at the end of the root element.
template<typename Reader>
void walk(Reader &xml, QStringList &trace);

template<typename Reader>
void element(Reader &xml, QStringList &trace)
{
    QString line = xml.name().toString();
    for (const QXmlStreamAttribute &attribute : xml.attributes())
        line += u" %1=[%2]"_s.arg(attribute.qualifiedName(), attribute.value());
    trace << line;
    if (xml.name() == "t"_L1) {
        if constexpr (std::is_same_v<Reader, QXmlStreamReader>)
            trace << u"text [%1]"_s.arg(xml.readElementText(QXmlStreamReader::SkipChildElements));
        else
            trace << u"text [%1]"_s.arg(xml.readElementText());
    } else if (xml.name() == "skip"_L1) {
        xml.skipCurrentElement();
    } else {
        walk(xml, trace);
    }
    trace << u"end "_s + xml.name().toString();
}

template<typename Reader>
void walk(Reader &xml, QStringList &trace)
{
    while (xml.readNextStartElement())
        element(xml, trace);
}

template<typename Reader>
QStringList trace(Reader &xml)
{
    QStringList result;
    if (xml.readNextStartElement())
        element(xml, result);
    result << (xml.hasError() ? u"error "_s + xml.errorString() : u"ok"_s);
    return result;
}

QStringList qtTrace(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    return trace(xml);
}

QStringList cursorTrace(const QByteArray &bytes)
{
    tutti::XmlCursor xml(bytes);
    return trace(xml);
}

} // namespace

class TestIoXmlCursor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walksLikeQt_data();
    void walksLikeQt();
    void readsUtf16();
    void reportsErrors_data();
    void reportsErrors();
    void raiseErrorStopsReading();
    void readsEntitiesFromTheDtd();
    void stopsAtContentAfterTheRoot();
    void keepsLibxmlLimits();
};

void TestIoXmlCursor::walksLikeQt_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::newRow("empty elements") << "<a><rest/><b x=\"1\"/><t/><skip/><c></c></a>"_ba;
    QTest::newRow("entities") << "<a k=\"&lt;&amp;&quot;&#65;\"><t>x &amp; y &lt;z&gt; &#233;&#x41;</t></a>"_ba;
    QTest::newRow("cdata") << "<a><t>one<![CDATA[ <two> & ]]>three</t></a>"_ba;
    QTest::newRow("comments and instructions")
        << "<?xml version=\"1.0\"?>\n<!-- c --><?pi x?><a><!-- c --><?pi y?><t>1<!-- c -->2<?p?>3</t></a><!-- end -->"_ba;
    QTest::newRow("doctype")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" \"http://www.musicxml.org/dtds/partwise.dtd\">\n<score-partwise version=\"4.0\"><t>x</t></score-partwise>"_ba;
    QTest::newRow("children inside text") << "<a><t>a<b>x<c/></b>b</t><t> spaced \n</t></a>"_ba;
    QTest::newRow("skip nested") << "<a><skip><skip><x/></skip><t>no</t></skip><t>yes</t></a>"_ba;
    QTest::newRow("attribute white space") << "<a v=\"one\ttwo\nthree\"><b/></a>"_ba;
    QTest::newRow("namespaces")
        << "<a xmlns:xlink=\"http://www.w3.org/1999/xlink\"><b xlink:href=\"x.png\" id=\"2\"/></a>"_ba;
    QTest::newRow("latin-1") << "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a><t>caf\xe9</t></a>"_ba;
    QTest::newRow("utf-8 bom") << "\xef\xbb\xbf<a><t>\xc3\xa9t\xc3\xa9</t></a>"_ba;
    QTest::newRow("text beside elements") << "<a>x<b>y</b>z<t>w</t></a>"_ba;
    // libxml2 hands text over in pieces of a few hundred bytes, split again at references
    // and CDATA sections: the cursor joins them.
    const QByteArray longText = QByteArray(5000, 'x') + "&amp;&#233;"_ba + QByteArray(70000, 'y')
                                + "<![CDATA[<z>]]>"_ba + QByteArray(3000, 'w');
    QTest::newRow("long text") << "<a><t>"_ba + longText + "</t><b v=\""_ba + QByteArray(20000, 'v') + "\"/><t>"_ba
                                      + longText + "<c/>"_ba + longText + "</t></a>"_ba;
    QTest::newRow("cdata beside text and references")
        << "<a><t><![CDATA[1]]>&lt;<![CDATA[&amp;]]>2<![CDATA[]]>&#x33;</t></a>"_ba;
    QTest::newRow("prefixed attributes")
        << "<a xmlns=\"urn:d\" xmlns:x=\"urn:x\" xml:lang=\"en\"><x:b x:y=\"1\" xml:space=\"preserve\" z=\"&amp;&#38;&lt;&#x3E;\"/></a>"_ba;
}

void TestIoXmlCursor::walksLikeQt()
{
    // GIVEN a well-formed document
    QFETCH(QByteArray, document);

    // WHEN both readers walk it THEN they meet the same elements, attributes and text
    const QStringList expected = qtTrace(document);
    QCOMPARE(expected.last(), u"ok"_s);
    QCOMPARE(cursorTrace(document), expected);
}

void TestIoXmlCursor::readsUtf16()
{
    // GIVEN a document in UTF-16 with a byte order mark, as some MusicXML editors write
    const QString text = u"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a><t>\u00e9t\u00e9 \u266f</t><rest/></a>"_s;
    QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QByteArray bytes = encoder(text);

    // WHEN the cursor walks it THEN it reads what Qt reads
    QCOMPARE(cursorTrace(bytes), qtTrace(bytes));
    QVERIFY(cursorTrace(bytes).contains(u"text [\u00e9t\u00e9 \u266f]"_s));
}

void TestIoXmlCursor::reportsErrors_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("line");
    QTest::newRow("empty") << ""_ba << u"Premature end of document."_s << qint64(-1);
    QTest::newRow("truncated in a tag") << "<a>\n<b>\n<c"_ba << u"Premature end of document."_s << qint64(3);
    QTest::newRow("truncated after a tag") << "<a>\n<b>x</b>\n"_ba << u"Premature end of document."_s << qint64(-1);
    QTest::newRow("not xml") << "just words\nand more\n"_ba << u"Start tag expected."_s << qint64(1);
    QTest::newRow("mismatched tags") << "<a>\n<b>\n</c>\n</a>\n"_ba << QString() << qint64(3);
    QTest::newRow("entity bomb")
        << "<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
           "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
           "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
           "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>\n<a v=\"&g;\"><t>&g;</t></a>\n"_ba
        << QString() << qint64(-1);
    QTest::newRow("unquoted attribute") << "<a>\n<b x=1/>\n</a>\n"_ba << QString() << qint64(2);
    QTest::newRow("truncated in the last tag") << "<a>\n<t>x</t>\n</a"_ba << u"Premature end of document."_s << qint64(3);
    QTest::newRow("white space only") << " \n\t\n"_ba << u"Premature end of document."_s << qint64(-1);
    QTest::newRow("undefined prefix") << "<a>\n<t>1</t>\n<b q:x=\"1\"/>\n</a>\n"_ba << QString() << qint64(3);
}

void TestIoXmlCursor::reportsErrors()
{
    // GIVEN a document that is not well-formed
    QFETCH(QByteArray, document);
    QFETCH(QString, message);
    QFETCH(qint64, line);

    // WHEN the cursor walks it
    tutti::XmlCursor xml(document);
    QStringList walked;
    if (xml.readNextStartElement())
        element(xml, walked);

    // THEN it stops with an error, as Qt does, on the line where the document goes wrong
    QVERIFY(qtTrace(document).last().startsWith(u"error"_s));
    QVERIFY(xml.hasError());
    QVERIFY(!xml.errorString().isEmpty());
    if (!message.isEmpty())
        QCOMPARE(xml.errorString(), message);
    if (line > 0)
        QCOMPARE(xml.lineNumber(), line);
    QVERIFY(!xml.readNextStartElement());
}

void TestIoXmlCursor::raiseErrorStopsReading()
{
    // GIVEN a walk that meets an element it refuses on line 3
    const QByteArray document = "<a>\n  <b>1</b>\n  <bad>2</bad>\n  <c/>\n</a>\n"_ba;
    tutti::XmlCursor xml(document);
    QVERIFY(xml.readNextStartElement());
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.readElementText(), u"1"_s);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), "bad"_L1);
    QCOMPARE(xml.readElementText(), u"2"_s);

    // WHEN it raises an error
    xml.raiseError(u"bad value"_s);

    // THEN reading stops, and the error names the line and the column where the element
    // ends, as QXmlStreamReader would
    QVERIFY(xml.hasError());
    QVERIFY(!xml.readNextStartElement());
    QCOMPARE(xml.errorString(), u"bad value"_s);
    QCOMPARE(xml.lineNumber(), 3);
    QCOMPARE(xml.columnNumber(), 14);
}

void TestIoXmlCursor::readsEntitiesFromTheDtd()
{
    // GIVEN an entity declared in the document's own DTD, used in text and in an attribute
    const QByteArray document =
        "<!DOCTYPE a [<!ENTITY e \"x&amp;y\"><!ENTITY i \"<i>z</i>\">]>\n<a v=\"[&e;]\"><t>1&e;2&i;3</t><b/></a>\n"_ba;

    // WHEN the cursor walks it
    const QStringList walked = cursorTrace(document);

    // THEN the entity reads as nothing in text, elements included, and is expanded in the attribute
    QCOMPARE(walked, QStringList({u"a v=[[x&y]]"_s, u"t"_s, u"text [123]"_s, u"end t"_s, u"b"_s, u"end b"_s,
                                  u"end a"_s, u"ok"_s}));
}

void TestIoXmlCursor::stopsAtContentAfterTheRoot()
{
    // GIVEN a document with an element after its root element
    const QByteArray document = "<a>\n<t>x</t>\n</a>\n<b/>\n"_ba;
    tutti::XmlCursor xml(document);

    // WHEN the cursor walks the root element
    QVERIFY(xml.readNextStartElement());
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.readElementText(), u"x"_s);

    // THEN the walk stops where the root element ends, with libxml2's error
    QVERIFY(!xml.readNextStartElement());
    QVERIFY(xml.hasError());
    QCOMPARE(xml.errorString(), u"Extra content at the end of the document"_s);
    QCOMPARE(xml.lineNumber(), 4);
}

void TestIoXmlCursor::keepsLibxmlLimits()
{
    // GIVEN documents beyond the limits of libxml2's tree: 300 nested elements, and 10 MB
    // of text in one element
    const QByteArray deep = QByteArray("<a>").repeated(300) + QByteArray("</a>").repeated(300);
    const QByteArray huge = "<a><t>"_ba + QByteArray(10'000'001, 'x') + "</t></a>"_ba;

    // WHEN the cursor walks them THEN each stops with an error
    const QStringList deepWalk = cursorTrace(deep);
    QCOMPARE(deepWalk.last(), u"error Excessive depth in document: 256 use XML_PARSE_HUGE option"_s);
    QCOMPARE(deepWalk.count(u"a"_s), 257);
    QVERIFY(cursorTrace(huge).last().startsWith(u"error "_s));

    // AND 256 levels and 9 MB still read
    const QByteArray allowed = QByteArray("<a>").repeated(256) + QByteArray("</a>").repeated(256);
    QCOMPARE(cursorTrace(allowed).last(), u"ok"_s);
    const QByteArray large = "<a><t>"_ba + QByteArray(9'000'000, 'x') + "</t></a>"_ba;
    QCOMPARE(cursorTrace(large).at(2).size(), 9'000'000 + 7);
}

QTEST_APPLESS_MAIN(TestIoXmlCursor)
#include "testioxmlcursor.moc"
// end of testioxmlcursor.cpp
