// SPDX-License-Identifier: GPL-3.0-or-later
// soakdriver.h — a composer's evening, simulated: random edits on the real main window, made
// with the mouse and key events a person would make, and the checks that the score survives.
//
// Usage (tests/testuisoak.cpp, `tutti bench soak`):
//   MainWindow window; window.show();
//   SoakDriver driver(&window, seed);            // same seed, same actions, same results
//   for (int i = 0; i < 5000; ++i) {
//       const QString action = driver.step();   // "draw a note at 1920, pitch 64", ...
//       if (QString problem = driver.integrityProblem(); !problem.isEmpty()) fail(action, problem);
//   }
//   driver.undoRedoProblem();                    // undo all == start score, redo all == end
//   driver.saveReopenProblem(dir.filePath(u"soak.tutti"_s));
//
// The actions: draw, select, move, resize and delete notes; transpose, quantize, velocity;
// cut, copy, paste, duplicate; add, remove, reorder, rename, mute, solo tracks and set their
// volume and pan; tempo and metre changes through their dialog; accepting a suggestion
// (only when setSuggestionsEnabled(true): each one runs the model); undo and redo; scrolling.
// Mouse and key events go to the widgets through QTest, so modal dialogs are answered from a
// queued call. Every problem is a line naming what is wrong; empty means none.
#pragma once

#include "score/score.h"

#include <QByteArray>
#include <QRandomGenerator64>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QPoint;

namespace tutti {

class MainWindow;
class NoteCanvas;

class SoakDriver
{
public:
    SoakDriver(MainWindow *window, quint64 seed);

    QString step();         // one random action; returns what it did
    int actionCount() const { return m_actions; }
    void setSuggestionsEnabled(bool enabled) { m_suggestions = enabled; }
    int suggestionsAccepted() const { return m_accepted; }

    // The score is valid: notes inside the track list and MIDI's pitch and velocity ranges,
    // positive lengths and starts at or after 0; maps sorted with sane values; the active
    // track and the selection inside the score. Also fails when an action visibly did not
    // do its job (Enter in a track's name field must rename it).
    QString integrityProblem() const;
    // Undoes everything (the score must equal the one at the stack's clean start, given at
    // construction or by markStart()), then redoes everything (the score must equal the one
    // before the undo). Leaves the document as it found it.
    QString undoRedoProblem();
    // Saves the document as a .tutti at `path` and opens it in a second document: equal?
    QString saveReopenProblem(const QString &path);
    // The score the undo stack starts from: call after opening a score or clearing the stack.
    void markStart();

    static QByteArray fingerprint(const Score &score); // SHA-1 of the .tutti JSON, in hex
    static qint64 heapInUse();                        // malloc's bytes in use (glibc), or RSS

private:
    using Action = std::function<QString()>;
    struct Weighted
    {
        int weight;
        Action action;
    };

    QString drawNote();
    QString dragNote(bool resize);
    QString clickNote();
    QString editKey();
    QString transposeFromMenu();
    QString setVelocity();
    QString clipboardKey();
    QString addTrack();
    QString trackMenu();
    QString renameTrack();
    QString toggleMuteOrSolo();
    QString volumeOrPan();
    QString activateTrack();
    QString tempoAndMetre();
    QString acceptSuggestion();
    QString undoOrRedo();
    QString scroll();

    NoteCanvas *canvas() const;
    QAction *action(const QString &text) const; // from the menu bar, '&' ignored
    QPoint randomCanvasPoint();
    bool pickVisibleNote(Note &note); // false when none of the active track is in view
    QPoint pointFor(Tick tick, int pitch) const;
    int randomInt(int lowest, int highest); // inclusive

    MainWindow *m_window;
    QRandomGenerator64 m_random;
    std::vector<Weighted> m_table;
    int m_totalWeight = 0;
    int m_actions = 0;
    int m_accepted = 0;
    bool m_suggestions = false;
    QByteArray m_start; // fingerprint of the score the undo stack starts from
    QString m_problem;  // an action that did not do what a person would see it do
};

} // namespace tutti
// end of soakdriver.h
