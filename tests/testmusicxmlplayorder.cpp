// SPDX-License-Identifier: GPL-3.0-or-later
// testmusicxmlplayorder.cpp — the measure order of repeats, voltas and jumps (MusicXML import).
#include "io/internal/musicxmlplayorder.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::vector<int> orderOf(const std::vector<tutti::RepeatMarks> &marks, QStringList *warnings = nullptr)
{
    QStringList ignored;
    return tutti::playbackOrder(marks, warnings ? warnings : &ignored);
}

} // namespace

class TestMusicXmlPlayOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatsASection();
    void playsNumberedEndingsOnTheirPasses();
    void repeatsWithoutForwardBarlineGoBackToThePreviousRepeat();
    void daCapoReturnsToItsMovementAndStopsAtFine();
    void dalSegnoWithoutSegnoIsIgnored();
    void absurdStructuresPlayAsWritten();
};

void TestMusicXmlPlayOrder::repeatsASection()
{
    // GIVEN 0 |: 1 2 :| 3
    std::vector<tutti::RepeatMarks> marks(4);
    marks[1].forward = true;
    marks[2].backwardTimes = 2;

    // WHEN unrolled THEN the section plays twice
    QCOMPARE(orderOf(marks), (std::vector<int>{0, 1, 2, 1, 2, 3}));
}

void TestMusicXmlPlayOrder::playsNumberedEndingsOnTheirPasses()
{
    // GIVEN |: 0 |1, 2. 1 :|3. 2 | 3 (the first ending serves two passes)
    std::vector<tutti::RepeatMarks> marks(4);
    marks[0].forward = true;
    marks[1].ending = {1, 2};
    marks[1].endingStarts = marks[1].endingEnds = true;
    marks[1].backwardTimes = 2;
    marks[2].ending = {3};
    marks[2].endingStarts = marks[2].endingEnds = true;

    // WHEN unrolled THEN three passes are played, the last through the third ending
    QCOMPARE(orderOf(marks), (std::vector<int>{0, 1, 0, 1, 0, 2, 3}));
}

void TestMusicXmlPlayOrder::repeatsWithoutForwardBarlineGoBackToThePreviousRepeat()
{
    // GIVEN 0 1 :| 2 3 :| 4, no forward repeat anywhere
    std::vector<tutti::RepeatMarks> marks(5);
    marks[1].backwardTimes = 2;
    marks[3].backwardTimes = 2;

    // WHEN unrolled THEN the first returns to the start, the second to just after the first
    QCOMPARE(orderOf(marks), (std::vector<int>{0, 1, 0, 1, 2, 3, 2, 3, 4}));
}

void TestMusicXmlPlayOrder::daCapoReturnsToItsMovementAndStopsAtFine()
{
    // GIVEN movement one: 0 1; movement two: 2 |: 3(Fine) :| 4(D.C.); then movement three: 5
    std::vector<tutti::RepeatMarks> marks(6);
    marks[2].sectionStart = true;
    marks[3].forward = true;
    marks[3].backwardTimes = 2;
    marks[3].fine = true;
    marks[4].daCapo = true;
    marks[5].sectionStart = true;

    // WHEN unrolled THEN the D.C. replays movement two without its repeat, up to Fine
    QCOMPARE(orderOf(marks), (std::vector<int>{0, 1, 2, 3, 3, 4, 2, 3, 5}));
}

void TestMusicXmlPlayOrder::dalSegnoWithoutSegnoIsIgnored()
{
    // GIVEN a D.S. with no segno to go to
    std::vector<tutti::RepeatMarks> marks(2);
    marks[1].dalSegno = u"segno"_s;

    // WHEN unrolled THEN it plays on, and says so
    QStringList warnings;
    QCOMPARE(orderOf(marks, &warnings), (std::vector<int>{0, 1}));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.front().contains(u"no segno"_s));
}

void TestMusicXmlPlayOrder::absurdStructuresPlayAsWritten()
{
    // GIVEN 400 measures that each say D.C. (each jump replays everything before it)
    std::vector<tutti::RepeatMarks> marks(400);
    for (tutti::RepeatMarks &measure : marks)
        measure.daCapo = true;

    // WHEN unrolled THEN the order stops growing past its limit and falls back to as written
    QStringList warnings;
    const std::vector<int> order = orderOf(marks, &warnings);
    QCOMPARE(order.size(), marks.size());
    QCOMPARE(order.back(), 399);
    QVERIFY(warnings.join(u' ').contains(u"played as written"_s));
}

QTEST_APPLESS_MAIN(TestMusicXmlPlayOrder)
#include "testmusicxmlplayorder.moc"
// end of testmusicxmlplayorder.cpp
