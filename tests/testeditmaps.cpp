// SPDX-License-Identifier: GPL-3.0-or-later
// testeditmaps.cpp — ChangeMapsCommand and the map helpers: tempo and metre edits are exact
// and undoable.
#include "edit/mapcommands.h"
#include "edit/scoredocument.h"
#include "score/timemap.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestEditMaps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapWithReplacesOrInsertsInTickOrder()
    {
        const std::vector<TempoChange> tempos{{0, 500000}, {1920, 600000}};
        // WHEN a change lands on an existing tick THEN it replaces that entry
        QCOMPARE(mapWith(tempos, TempoChange{1920, 400000}),
                 (std::vector<TempoChange>{{0, 500000}, {1920, 400000}}));
        // WHEN it lands between entries THEN it is inserted in order
        QCOMPARE(mapWith(tempos, TempoChange{960, 450000}),
                 (std::vector<TempoChange>{{0, 500000}, {960, 450000}, {1920, 600000}}));
        QCOMPARE(mapWithout(tempos, 1920), (std::vector<TempoChange>{{0, 500000}}));
        QCOMPARE(mapWithout(tempos, 5), tempos);
    }

    void commandChangesBothMapsAndUndoRestoresThem()
    {
        // GIVEN a new score: 120 BPM, 4/4
        ScoreDocument document;
        const Score before = document.score();
        const auto tempos = mapWith(before.tempos, TempoChange{1920, TempoChange::microsecondsFromBpm(90)});
        const auto metres = mapWith(before.timeSignatures, TimeSignatureChange{1920, 3, 4});
        // WHEN the command is pushed
        document.undoStack()->push(new ChangeMapsCommand(&document, tempos, metres, u"Edit Tempo and Metre"_s));
        // THEN bar 2 is in 3/4 at 90 BPM, so bar 3 starts a 3/4 bar later
        const TimeMap map(document.score());
        QVERIFY(std::abs(map.bpmAt(1920) - 90.0) < 1e-3);
        QCOMPARE(map.barStart(3), Tick(1920 + 3 * 480));
        QVERIFY(document.isModified());
        // WHEN undone THEN the score is exactly as before; redo brings the edit back
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
        document.undoStack()->redo();
        QCOMPARE(document.score().tempos, tempos);
        QCOMPARE(document.score().timeSignatures, metres);
    }

    void commandKeepsTheMapsNormalized()
    {
        // GIVEN 120 BPM from the start (found by the soak test: a tempo equal to the one in
        // force stayed in the map, and the saved score reopened without it)
        ScoreDocument document;
        const Score before = document.score();
        // WHEN 120 BPM is set again at bar 3 and 4/4 at bar 2, and 90 BPM from bar 5 in a
        // score whose maps were empty
        auto tempos = mapWith(before.tempos, TempoChange{3840, 500000});
        tempos = mapWith(tempos, TempoChange{7680, TempoChange::microsecondsFromBpm(90)});
        const auto metres = mapWith(before.timeSignatures, TimeSignatureChange{1920, 4, 4});
        document.undoStack()->push(new ChangeMapsCommand(&document, tempos, metres, u"Edit Tempo and Metre"_s));
        // THEN the maps hold only real changes, as a saved and reopened score would
        Score normalized = document.score();
        normalized.normalize();
        QCOMPARE(document.score().tempos, normalized.tempos);
        QCOMPARE(document.score().timeSignatures, normalized.timeSignatures);
        QCOMPARE(document.score().tempos.back(), (TempoChange{7680, TempoChange::microsecondsFromBpm(90)}));
        // AND undo restores the maps exactly
        document.undoStack()->undo();
        QCOMPARE(document.score(), before);
    }
};

QTEST_APPLESS_MAIN(TestEditMaps)
#include "testeditmaps.moc"
