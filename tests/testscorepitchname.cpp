// SPDX-License-Identifier: GPL-3.0-or-later
// testscorepitchname.cpp — the one naming of pitches and the black-key test.
#include "score/pitchname.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestScorePitchName final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesUseSharpsAndMiddleCIsC4()
    {
        // GIVEN MIDI pitches across the range THEN they read as a musician writes them
        QCOMPARE(pitchName(60), u"C4"_s);
        QCOMPARE(pitchName(61), u"C#4"_s);
        QCOMPARE(pitchName(69), u"A4"_s);
        QCOMPARE(pitchName(0), u"C-1"_s);
        QCOMPARE(pitchName(40), u"E2"_s);
        QCOMPARE(pitchName(127), u"G9"_s);
        // AND below 0 the octaves go on downwards instead of wrapping round
        QCOMPARE(pitchName(-1), u"B-2"_s);
    }

    void blackKeysAreTheFiveSharps()
    {
        // GIVEN one octave THEN exactly C#, D#, F#, G# and A# are black, in every octave
        const bool expected[12] = {false, true, false, true, false, false, true, false, true, false, true, false};
        for (int pitch = 0; pitch < 128; ++pitch) {
            QCOMPARE(isBlackKey(pitch), expected[pitch % 12]);
            QCOMPARE(isBlackKey(pitch), pitchName(pitch).contains(u'#'));
        }
    }
};

QTEST_APPLESS_MAIN(TestScorePitchName)
#include "testscorepitchname.moc"
