// SPDX-License-Identifier: GPL-3.0-or-later
// testuinotetimeindex.cpp — the binary-search index that painting and hit testing share.
#include "pianoroll/notetimeindex.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestUiNoteTimeIndex final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchStartsAtTheFirstNoteThatCanReachTheTick()
    {
        // GIVEN a track whose longest note is 1000 ticks, among many short ones
        Score score;
        Track &track = score.addTrack(u"Piano"_s, 0);
        for (Tick start = 0; start < 100'000; start += 100)
            track.notes.push_back({start, 50, 60, 80});
        track.notes.push_back({5000, 1000, 72, 80});
        score.normalize();
        NoteTimeIndex index;
        index.rebuild(score);
        // WHEN searching from tick 50,000
        const auto first = index.firstReaching(track.notes, 0, 50'000);
        // THEN the search starts 1000 ticks earlier, at the first onset at or after 49,000
        QCOMPARE(first->start, Tick(49'000));
        // AND every note before it ends before 50,000
        for (auto it = track.notes.cbegin(); it != first; ++it)
            QVERIFY(it->start + it->length < 50'000);
        // AND an unindexed track is searched from its beginning
        QVERIFY(index.firstReaching(track.notes, 3, 50'000) == track.notes.cbegin());
    }
};

QTEST_APPLESS_MAIN(TestUiNoteTimeIndex)
#include "testuinotetimeindex.moc"
