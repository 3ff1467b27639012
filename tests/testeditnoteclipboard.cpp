// SPDX-License-Identifier: GPL-3.0-or-later
// testeditnoteclipboard.cpp — the bytes that carry copied notes through the system clipboard:
// a round trip, rescaling between resolutions, and refusal of anything malformed.
#include "edit/noteclipboard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestEditNoteClipboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notesSurviveTheRoundTrip()
    {
        const std::vector<Note> notes = {{0, 480, 60, 80}, {240, 120, 127, 1}, {1920, 7, 0, 127}};
        const QByteArray bytes = encodeClipboardNotes(notes, 480);
        QCOMPARE(decodeClipboardNotes(bytes, 480), std::optional<std::vector<Note>>(notes));
        QCOMPARE(QJsonDocument::fromJson(bytes).object().value(u"ticksPerQuarter"_s).toInt(), 480);
    }

    void ticksAreRescaledToTheReceivingResolution()
    {
        // GIVEN notes copied from a 960-per-quarter score WHEN pasted into a 480 one
        const QByteArray bytes = encodeClipboardNotes({{0, 960, 60, 80}, {480, 240, 64, 90}}, 960);
        // THEN their starts and lengths halve
        QCOMPARE(decodeClipboardNotes(bytes, 480),
                 std::optional<std::vector<Note>>({{0, 480, 60, 80}, {240, 120, 64, 90}}));
    }

    void malformedBytesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not JSON") << "{ notes"_ba;
        QTest::newRow("an array") << "[]"_ba;
        QTest::newRow("no version") << R"({"ticksPerQuarter":480,"notes":[]})"_ba;
        QTest::newRow("newer version") << R"({"tuttiNotes":2,"ticksPerQuarter":480,"notes":[]})"_ba;
        QTest::newRow("zero resolution") << R"({"tuttiNotes":1,"ticksPerQuarter":0,"notes":[]})"_ba;
        QTest::newRow("notes not a list") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":{}})"_ba;
        QTest::newRow("three fields") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[0,1,60]]})"_ba;
        QTest::newRow("pitch 128") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[0,1,128,80]]})"_ba;
        QTest::newRow("velocity 0") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[0,1,60,0]]})"_ba;
        QTest::newRow("length 0") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[0,0,60,80]]})"_ba;
        QTest::newRow("negative start") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[-1,9,60,80]]})"_ba;
        QTest::newRow("fraction") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[0.5,9,60,80]]})"_ba;
        QTest::newRow("huge start") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[1e300,9,60,80]]})"_ba;
        QTest::newRow("text pitch") << R"({"tuttiNotes":1,"ticksPerQuarter":480,"notes":[[0,9,"C4",80]]})"_ba;
    }

    void malformedBytesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!decodeClipboardNotes(bytes, 480).has_value());
    }
};

QTEST_APPLESS_MAIN(TestEditNoteClipboard)
#include "testeditnoteclipboard.moc"
