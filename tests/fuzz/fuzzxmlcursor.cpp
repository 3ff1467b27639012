// SPDX-License-Identifier: GPL-3.0-or-later
// fuzzxmlcursor.cpp — libFuzzer target for XmlCursor, the XML walk under the MusicXML reader.
//
// Run (after cmake --preset fuzz && cmake --build build-fuzz --target fuzzxmlcursor; it builds
// the cursor alone, not tutti_core):
//   mkdir -p corpus-xmlcursor && cp tests/data/musicxml/*.musicxml corpus-xmlcursor/
//   build-fuzz/tests/fuzz/fuzzxmlcursor -dict=tests/fuzz/musicxml.dict -max_len=16384 corpus-xmlcursor/ -max_total_time=300
// Any bytes must give a walk that ends, names every start element and keeps the error once
// it has one. The walk reads, skips or enters each element according to its name's length.
#include "io/internal/xmlcursor.h"

#include <cstdint>
#include <cstdlib>

namespace {

void walk(tutti::XmlCursor &xml, int depth, int &elements)
{
    while (xml.readNextStartElement()) {
        ++elements;
        if (xml.name().isEmpty() || xml.nameString().isEmpty())
            std::abort();
        for (const QXmlStreamAttribute &attribute : xml.attributes()) {
            if (attribute.qualifiedName().isEmpty())
                std::abort();
        }
        switch (xml.name().size() % 4) {
        case 0:
            (void)xml.readElementText();
            break;
        case 1:
            xml.skipCurrentElement();
            break;
        default:
            if (depth > 300) // the cursor stops at 257 levels
                std::abort();
            walk(xml, depth + 1, elements);
        }
        if (elements % 97 == 96)
            xml.raiseError(QStringLiteral("raised"));
        if (xml.hasError())
            return;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    tutti::XmlCursor xml(bytes);
    int elements = 0;
    walk(xml, 0, elements);
    (void)xml.lineNumber();
    (void)xml.columnNumber();
    if (xml.hasError()) {
        if (xml.errorString().isEmpty() || xml.readNextStartElement() || !xml.attributes().isEmpty())
            std::abort();
    } else {
        xml.raiseError(QStringLiteral("end"));
    }
    if (!xml.hasError() || xml.lineNumber() < 0 || xml.columnNumber() < 0)
        std::abort();
    return 0;
}
