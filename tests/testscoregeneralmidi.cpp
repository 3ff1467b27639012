// SPDX-License-Identifier: GPL-3.0-or-later
// testscoregeneralmidi.cpp — the General MIDI program and family names.
#include "score/generalmidi.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestScoreGeneralMidi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesEveryProgramOnce()
    {
        // GIVEN the 128 programs
        QSet<QString> names;
        for (int program = 0; program < 128; ++program)
            names.insert(generalMidiProgramName(program));
        // THEN each has its own non-empty name
        QCOMPARE(names.size(), 128);
        QVERIFY(!names.contains(QString()));
    }

    void namesFollowTheStandardOrder()
    {
        // GIVEN programs at family boundaries, 0-based as sent in a program change
        // THEN they carry GM's names and families
        QCOMPARE(generalMidiProgramName(0), u"Acoustic Grand Piano"_s);
        QCOMPARE(generalMidiProgramName(40), u"Violin"_s);
        QCOMPARE(generalMidiProgramName(42), u"Cello"_s);
        QCOMPARE(generalMidiProgramName(71), u"Clarinet"_s);
        QCOMPARE(generalMidiProgramName(127), u"Gunshot"_s);
        QCOMPARE(generalMidiFamilyName(7), u"Piano"_s);
        QCOMPARE(generalMidiFamilyName(40), u"Strings"_s);
        QCOMPARE(generalMidiFamilyName(48), u"Ensemble"_s);
        QCOMPARE(generalMidiFamilyName(127), u"Sound Effects"_s);
    }

    void programsOutOfRangeHaveNoName()
    {
        QCOMPARE(generalMidiProgramName(-1), QString());
        QCOMPARE(generalMidiProgramName(128), QString());
        QCOMPARE(generalMidiFamilyName(128), QString());
    }
};

QTEST_APPLESS_MAIN(TestScoreGeneralMidi)
#include "testscoregeneralmidi.moc"
