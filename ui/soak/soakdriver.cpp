// SPDX-License-Identifier: GPL-3.0-or-later
// soakdriver.cpp — the random actions, each made of QTest mouse and key events, and the checks.
#include "soakdriver.h"

#include "dialogs/tempometredialog.h"
#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "io/tuttifile.h"
#include "mainwindow/mainwindow.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "pianoroll/velocitylane.h"
#include "score/timemap.h"
#include "suggestions/candidatelistmodel.h"
#include "suggestions/suggestioncontroller.h"
#include "tracks/tracklistpanel.h"
#include "tracks/trackrow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDial>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <malloc.h>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr double pixelsPerTick = 0.05; // a quarter note (480 ticks) is 24 pixels
constexpr double keyHeight = 8;

QAction *findAction(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *candidate : actions) {
        if (QString(candidate->text()).remove(u'&') == text)
            return candidate;
        if (candidate->menu())
            if (QAction *inner = findAction(candidate->menu()->actions(), text))
                return inner;
    }
    return nullptr;
}

// Mouse events only reach a widget's handlers while the application runs them; let queued
// work (row deletions, posted edits) finish too.
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QString describe(const Note &note)
{
    return u"%1+%2 pitch %3"_s.arg(note.start).arg(note.length).arg(note.pitch);
}

// The first thing that differs between two scores, for a failure message.
QString difference(const Score &a, const Score &b)
{
    if (a.title != b.title || a.ticksPerQuarter != b.ticksPerQuarter)
        return u"title or resolution"_s;
    if (a.tempos != b.tempos) {
        QStringList lines;
        for (const auto *score : {&a, &b}) {
            QStringList changes;
            for (const TempoChange &tempo : score->tempos)
                changes << u"%1: %2"_s.arg(tempo.tick).arg(tempo.microsecondsPerQuarter);
            lines << changes.join(u", "_s);
        }
        return u"tempos [%1] became [%2]"_s.arg(lines[0], lines[1]);
    }
    if (a.timeSignatures != b.timeSignatures) {
        QStringList lines;
        for (const auto *score : {&a, &b}) {
            QStringList changes;
            for (const TimeSignatureChange &metre : score->timeSignatures)
                changes << u"%1: %2/%3"_s.arg(metre.tick).arg(metre.numerator).arg(metre.denominator);
            lines << changes.join(u", "_s);
        }
        return u"time signatures [%1] became [%2]"_s.arg(lines[0], lines[1]);
    }
    if (a.keySignatures != b.keySignatures)
        return u"key signatures"_s;
    if (a.tracks.size() != b.tracks.size())
        return u"%1 tracks became %2"_s.arg(a.tracks.size()).arg(b.tracks.size());
    for (std::size_t t = 0; t < a.tracks.size(); ++t) {
        const Track &x = a.tracks[t];
        const Track &y = b.tracks[t];
        if (x.notes != y.notes) {
            for (std::size_t i = 0; i < std::min(x.notes.size(), y.notes.size()); ++i)
                if (!(x.notes[i] == y.notes[i]))
                    return u"track %1 note %2: %3 velocity %4 became %5 velocity %6"_s.arg(t + 1)
                        .arg(i)
                        .arg(describe(x.notes[i]))
                        .arg(x.notes[i].velocity)
                        .arg(describe(y.notes[i]))
                        .arg(y.notes[i].velocity);
            return u"track %1: %2 notes became %3"_s.arg(t + 1).arg(x.notes.size()).arg(y.notes.size());
        }
        if (!(x == y))
            return u"track %1 \"%2\" became \"%3\" (or its settings)"_s.arg(t + 1).arg(x.name, y.name);
    }
    return u"only in the file's bytes"_s;
}

} // namespace

SoakDriver::SoakDriver(MainWindow *window, quint64 seed)
    : m_window(window)
    , m_random(seed)
{
    // Keys go where the focus is, as for a person: the window must be the active one.
    m_window->activateWindow();
    QTest::qWaitForWindowActive(m_window, 1000);
    PianoRollViewport *viewport = m_window->pianoRoll()->viewport();
    viewport->setPixelsPerTick(pixelsPerTick);
    viewport->setKeyHeight(keyHeight);
    viewport->setTopPitch(84);
    viewport->setFirstTick(0);
    m_table = {
        {14, [this] { return drawNote(); }},
        {8, [this] { return dragNote(false); }},
        {6, [this] { return dragNote(true); }},
        {8, [this] { return clickNote(); }},
        {10, [this] { return editKey(); }},
        {3, [this] { return transposeFromMenu(); }},
        {5, [this] { return setVelocity(); }},
        {7, [this] { return clipboardKey(); }},
        {2, [this] { return addTrack(); }},
        {3, [this] { return trackMenu(); }},
        {1, [this] { return renameTrack(); }},
        {2, [this] { return toggleMuteOrSolo(); }},
        {2, [this] { return volumeOrPan(); }},
        {3, [this] { return activateTrack(); }},
        {2, [this] { return tempoAndMetre(); }},
        {1, [this] { return acceptSuggestion(); }},
        {12, [this] { return undoOrRedo(); }},
        {3, [this] { return scroll(); }},
    };
    for (const Weighted &entry : m_table)
        m_totalWeight += entry.weight;
    markStart();
}

QString SoakDriver::step()
{
    int pick = randomInt(0, m_totalWeight - 1);
    for (const Weighted &entry : m_table) {
        if (pick < entry.weight) {
            const QString done = entry.action();
            settle();
            ++m_actions;
            return done;
        }
        pick -= entry.weight;
    }
    return {};
}

void SoakDriver::markStart()
{
    m_start = fingerprint(m_window->document()->score());
}

int SoakDriver::randomInt(int lowest, int highest)
{
    return lowest + static_cast<int>(m_random.bounded(static_cast<quint64>(highest - lowest + 1)));
}

NoteCanvas *SoakDriver::canvas() const
{
    return m_window->pianoRoll()->canvas();
}

QAction *SoakDriver::action(const QString &text) const
{
    return findAction(m_window->menuBar()->actions(), text);
}

QPoint SoakDriver::randomCanvasPoint()
{
    return QPoint(randomInt(0, canvas()->width() - 1), randomInt(0, canvas()->height() - 1));
}

QPoint SoakDriver::pointFor(Tick tick, int pitch) const
{
    const PianoRollViewport *viewport = m_window->pianoRoll()->viewport();
    return QPoint(static_cast<int>(viewport->xForTick(tick)),
                  static_cast<int>(viewport->yForPitch(pitch) + viewport->keyHeight() / 2));
}

bool SoakDriver::pickVisibleNote(Note &note)
{
    std::vector<Note> visible;
    const QRect area = canvas()->rect();
    for (const Note &candidate : m_window->pianoRoll()->noteEditor()->activeNotes()) {
        const QPoint start = pointFor(candidate.start, candidate.pitch);
        const QPoint end = pointFor(candidate.start + candidate.length, candidate.pitch);
        if (area.contains(start) && area.contains(end - QPoint(1, 0)))
            visible.push_back(candidate);
    }
    if (visible.empty())
        return false;
    note = visible[static_cast<std::size_t>(randomInt(0, static_cast<int>(visible.size()) - 1))];
    return true;
}

QString SoakDriver::drawNote()
{
    const QPoint from = randomCanvasPoint();
    if (randomInt(0, 1) == 0) {
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, from);
        return u"click at %1,%2"_s.arg(from.x()).arg(from.y());
    }
    const QPoint to(std::clamp(from.x() + randomInt(4, 120), 0, canvas()->width() - 1), from.y());
    QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas(), (from + to) / 2);
    QTest::mouseMove(canvas(), to);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);
    return u"draw from %1,%2 to x %3"_s.arg(from.x()).arg(from.y()).arg(to.x());
}

QString SoakDriver::dragNote(bool resize)
{
    Note note;
    if (!pickVisibleNote(note))
        return drawNote();
    const QPoint start = pointFor(note.start, note.pitch);
    const QPoint end = pointFor(note.start + note.length, note.pitch);
    QPoint from = (start + end) / 2;
    QPoint by(randomInt(-80, 80), randomInt(-4, 4) * static_cast<int>(keyHeight));
    if (resize) {
        from = randomInt(0, 1) == 0 ? end - QPoint(2, 0) : start + QPoint(2, 0);
        by.setY(0);
    }
    const Qt::KeyboardModifiers modifiers = randomInt(0, 5) == 0 ? Qt::AltModifier : Qt::NoModifier;
    const QPoint to = from + by;
    QTest::mousePress(canvas(), Qt::LeftButton, modifiers, from);
    QTest::mouseMove(canvas(), from + by / 3);
    QTest::mouseMove(canvas(), to);
    QTest::mouseRelease(canvas(), Qt::LeftButton, modifiers, to);
    return u"%1 %2 by %3,%4%5"_s.arg(resize ? u"resize"_s : u"drag"_s, describe(note))
        .arg(by.x())
        .arg(by.y())
        .arg(modifiers ? u" (Alt)"_s : QString());
}

QString SoakDriver::clickNote()
{
    Note note;
    if (!pickVisibleNote(note))
        return drawNote();
    const QPoint where = (pointFor(note.start, note.pitch) + pointFor(note.start + note.length, note.pitch)) / 2;
    const bool shift = randomInt(0, 2) == 0;
    QTest::mouseClick(canvas(), Qt::LeftButton, shift ? Qt::ShiftModifier : Qt::NoModifier, where);
    return u"%1click %2"_s.arg(shift ? u"shift-"_s : QString(), describe(note));
}

QString SoakDriver::editKey()
{
    struct Key
    {
        Qt::Key key;
        Qt::KeyboardModifiers modifiers;
        const char16_t *name;
    };
    static const Key keys[] = {
        {Qt::Key_Delete, Qt::NoModifier, u"Delete"},    {Qt::Key_Up, Qt::NoModifier, u"Up"},
        {Qt::Key_Down, Qt::NoModifier, u"Down"},        {Qt::Key_Up, Qt::ShiftModifier, u"Shift+Up"},
        {Qt::Key_Down, Qt::ShiftModifier, u"Shift+Down"}, {Qt::Key_Left, Qt::NoModifier, u"Left"},
        {Qt::Key_Right, Qt::NoModifier, u"Right"},      {Qt::Key_Q, Qt::NoModifier, u"Q (quantize)"},
        {Qt::Key_A, Qt::ControlModifier, u"Ctrl+A"},    {Qt::Key_Backspace, Qt::NoModifier, u"Backspace"},
    };
    const Key &key = keys[randomInt(0, std::size(keys) - 1)];
    QTest::keyClick(canvas(), key.key, key.modifiers);
    return u"key "_s + QString::fromUtf16(key.name);
}

QString SoakDriver::transposeFromMenu()
{
    static const QString names[] = {u"Transpose Up"_s, u"Transpose Down"_s, u"Transpose Up an Octave"_s,
                                    u"Transpose Down an Octave"_s, u"Quantize"_s, u"Select All"_s,
                                    u"Duplicate"_s};
    const QString &name = names[randomInt(0, std::size(names) - 1)];
    if (QAction *found = action(name))
        found->trigger();
    return u"menu Edit > "_s + name;
}

QString SoakDriver::setVelocity()
{
    VelocityLane *lane = m_window->pianoRoll()->velocityLane();
    Note note;
    const int x = pickVisibleNote(note) ? pointFor(note.start, note.pitch).x() + 1 : randomInt(0, lane->width() - 1);
    const QPoint from(x, randomInt(0, lane->height() - 1));
    const QPoint to(std::clamp(x + randomInt(-40, 40), 0, lane->width() - 1), randomInt(-10, lane->height() + 10));
    QTest::mousePress(lane, Qt::LeftButton, {}, from);
    QTest::mouseMove(lane, (from + to) / 2);
    QTest::mouseMove(lane, to);
    QTest::mouseRelease(lane, Qt::LeftButton, {}, to);
    return u"velocity drag %1,%2 to %3,%4"_s.arg(from.x()).arg(from.y()).arg(to.x()).arg(to.y());
}

QString SoakDriver::clipboardKey()
{
    static const Qt::Key keys[] = {Qt::Key_C, Qt::Key_X, Qt::Key_V, Qt::Key_D};
    const Qt::Key key = keys[randomInt(0, 3)];
    QString done = u"Ctrl+"_s + QChar(u'A' + (key - Qt::Key_A));
    if (key == Qt::Key_V) {
        const Tick at = m_window->pianoRoll()->viewport()->tickAtX(randomInt(0, canvas()->width() - 1));
        m_window->pianoRoll()->setPlayhead(std::max<Tick>(0, at), false);
        done += u" at %1"_s.arg(std::max<Tick>(0, at));
    }
    QTest::keyClick(canvas(), key, Qt::ControlModifier);
    return done;
}

QString SoakDriver::addTrack()
{
    if (auto *button = m_window->findChild<QAbstractButton *>(u"addTrack"_s))
        QTest::mouseClick(button, Qt::LeftButton);
    return u"add track"_s;
}

QString SoakDriver::trackMenu()
{
    const QList<TrackRow *> rows = m_window->findChildren<TrackRow *>();
    if (rows.isEmpty())
        return addTrack();
    const int index = randomInt(0, static_cast<int>(rows.size()) - 1);
    static const QString names[] = {u"Duplicate Track"_s, u"Move Up"_s, u"Move Down"_s, u"Remove Track"_s};
    const QString &name = names[randomInt(0, std::size(names) - 1)];
    QMenu *menu = rows[index]->menu(m_window);
    QAction *chosen = findAction(menu->actions(), name);
    const bool enabled = chosen && chosen->isEnabled();
    if (enabled)
        chosen->trigger();
    menu->deleteLater();
    return u"track %1 menu > %2%3"_s.arg(index + 1).arg(name, enabled ? QString() : u" (disabled)"_s);
}

QString SoakDriver::renameTrack()
{
    const QList<TrackRow *> rows = m_window->findChildren<TrackRow *>();
    if (rows.isEmpty())
        return addTrack();
    const int index = randomInt(0, static_cast<int>(rows.size()) - 1);
    TrackRow *row = rows[index];
    const QList<QLabel *> labels = row->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
    QLabel *name = labels.value(1); // swatch, name, instrument
    if (!name)
        return u"rename: no name label"_s;
    QTest::mouseDClick(row, Qt::LeftButton, {}, name->geometry().center());
    QLineEdit *field = row->nameEditor();
    if (!field->isVisible())
        return u"rename track %1: no field"_s.arg(index + 1);
    static const QString words[] = {u"Flute"_s, u"Oboe"_s, u"Pads"_s, u"Ostinato"_s, u"Bass"_s, u"Viola da gamba"_s};
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    const QString text = words[randomInt(0, std::size(words) - 1)] + u' ' + QString::number(randomInt(1, 99));
    QTest::keyClicks(field, text);
    const bool keep = randomInt(0, 4) != 0;
    QTest::keyClick(field, keep ? Qt::Key_Return : Qt::Key_Escape);
    // What a person sees: Enter names the track at once, Escape leaves the name as it was.
    settle();
    const std::vector<Track> &tracks = m_window->document()->score().tracks;
    const QString now = static_cast<std::size_t>(index) < tracks.size() ? tracks[static_cast<std::size_t>(index)].name
                                                                       : QString();
    if (keep && now != text)
        m_problem = u"Enter did not rename track %1 to \"%2\" (it is \"%3\")"_s.arg(index + 1).arg(text, now);
    if (field->isVisible())
        m_problem = u"the name field of track %1 stayed open after %2"_s.arg(index + 1).arg(
            keep ? u"Enter"_s : u"Escape"_s);
    return u"rename track %1 to \"%2\"%3"_s.arg(index + 1).arg(text, keep ? QString() : u" (Escape)"_s);
}

QString SoakDriver::toggleMuteOrSolo()
{
    const QList<TrackRow *> rows = m_window->findChildren<TrackRow *>();
    if (rows.isEmpty())
        return addTrack();
    const int index = randomInt(0, static_cast<int>(rows.size()) - 1);
    const QList<QToolButton *> buttons = rows[index]->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
    const bool solo = randomInt(0, 1) == 1;
    if (QToolButton *button = buttons.value(solo ? 1 : 0))
        QTest::mouseClick(button, Qt::LeftButton);
    return u"%1 track %2"_s.arg(solo ? u"solo"_s : u"mute"_s).arg(index + 1);
}

QString SoakDriver::volumeOrPan()
{
    const QList<TrackRow *> rows = m_window->findChildren<TrackRow *>();
    if (rows.isEmpty())
        return addTrack();
    const int index = randomInt(0, static_cast<int>(rows.size()) - 1);
    static const Qt::Key keys[] = {Qt::Key_Home, Qt::Key_End, Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Left,
                                   Qt::Key_Right};
    const Qt::Key key = keys[randomInt(0, std::size(keys) - 1)];
    QWidget *control = nullptr;
    if (randomInt(0, 1) == 0)
        control = rows[index]->findChild<QSlider *>();
    else
        control = rows[index]->findChild<QDial *>();
    if (control)
        QTest::keyClick(control, key);
    return u"%1 of track %2: key %3"_s.arg(qobject_cast<QDial *>(control) ? u"pan"_s : u"volume"_s)
        .arg(index + 1)
        .arg(QKeySequence(key).toString());
}

QString SoakDriver::activateTrack()
{
    const QList<TrackRow *> rows = m_window->findChildren<TrackRow *>();
    if (rows.isEmpty())
        return addTrack();
    const int index = randomInt(0, static_cast<int>(rows.size()) - 1);
    const QList<QLabel *> labels = rows[index]->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
    const QPoint where = labels.size() > 2 ? labels[2]->geometry().center() : QPoint(20, 5);
    QTest::mouseClick(rows[index], Qt::LeftButton, {}, where);
    return u"activate track %1"_s.arg(index + 1);
}

QString SoakDriver::tempoAndMetre()
{
    const Tick at = std::max<Tick>(0, m_window->pianoRoll()->viewport()->tickAtX(randomInt(0, canvas()->width() - 1)));
    m_window->pianoRoll()->setPlayhead(at, false);
    const double bpm = randomInt(40, 200) + randomInt(0, 9) / 10.0;
    const int numerator = randomInt(1, 12);
    const int denominatorIndex = randomInt(0, 3);
    const bool keepTempo = randomInt(0, 4) != 0;
    const bool keepMetre = randomInt(0, 4) != 0;
    const bool accept = randomInt(0, 5) != 0;
    // The dialog is modal: answer it from the event loop its exec() runs.
    QTimer::singleShot(0, m_window, [=] {
        auto *dialog = qobject_cast<TempoMetreDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (auto *candidate = qobject_cast<TempoMetreDialog *>(widget); candidate && candidate->isVisible())
                    dialog = candidate;
        }
        if (!dialog)
            return;
        auto *tempoHere = dialog->findChild<QCheckBox *>(u"tempoHere"_s);
        auto *metreHere = dialog->findChild<QCheckBox *>(u"metreHere"_s);
        if (tempoHere && tempoHere->isEnabled())
            tempoHere->setChecked(keepTempo);
        if (metreHere && metreHere->isEnabled())
            metreHere->setChecked(keepMetre);
        if (auto *field = dialog->findChild<QDoubleSpinBox *>(u"bpm"_s); field && field->isEnabled())
            field->setValue(bpm);
        if (auto *field = dialog->findChild<QSpinBox *>(u"numerator"_s); field && field->isEnabled())
            field->setValue(numerator);
        if (auto *field = dialog->findChild<QComboBox *>(u"denominator"_s); field && field->isEnabled())
            field->setCurrentIndex(std::min(denominatorIndex, field->count() - 1));
        if (accept)
            dialog->accept();
        else
            dialog->reject();
    });
    if (QAction *found = action(u"Tempo and Metre at Playhead..."_s))
        found->trigger();
    return u"tempo and metre at %1: %2 BPM%3, %4/index %5%6%7"_s.arg(at)
        .arg(bpm)
        .arg(keepTempo ? QString() : u" (removed)"_s)
        .arg(numerator)
        .arg(denominatorIndex)
        .arg(keepMetre ? QString() : u" (removed)"_s)
        .arg(accept ? QString() : u", cancelled"_s);
}

QString SoakDriver::acceptSuggestion()
{
    if (!m_suggestions)
        return undoOrRedo();
    auto *suggestions = m_window->findChild<SuggestionController *>();
    auto *generate = m_window->findChild<QPushButton *>(u"suggestionGenerate"_s);
    auto *accept = m_window->findChild<QPushButton *>(u"suggestionAccept"_s);
    auto *tray = m_window->findChild<QTableView *>(u"suggestionTray"_s);
    if (!suggestions || !generate || !accept || !tray)
        return u"suggestion: the dock is missing"_s;
    // A person drags across bars 1-2 in the ruler, asks to continue them by a bar.
    const TimeMap map(m_window->document()->score());
    Q_EMIT m_window->pianoRoll()->barRangeSelected(0, map.barStart(3));
    if (auto *mode = m_window->findChild<QComboBox *>(u"suggestionMode"_s))
        mode->setCurrentIndex(2);
    if (auto *length = m_window->findChild<QSpinBox *>(u"suggestionLength"_s))
        length->setValue(1);
    if (auto *count = m_window->findChild<QSpinBox *>(u"suggestionCandidates"_s))
        count->setValue(1);
    if (auto *fixed = m_window->findChild<QCheckBox *>(u"suggestionFixedSeed"_s))
        fixed->setChecked(true);
    if (auto *seed = m_window->findChild<QSpinBox *>(u"suggestionSeed"_s))
        seed->setValue(randomInt(0, 9999));
    if (!generate->isEnabled())
        return u"suggestion: Generate is disabled"_s;
    QTest::mouseClick(generate, Qt::LeftButton);
    QDeadlineTimer deadline(30'000);
    while (suggestions->isBusy() && !deadline.hasExpired())
        QTest::qWait(5);
    if (suggestions->isBusy())
        return u"suggestion: still generating after 30 s"_s;
    if (suggestions->candidates()->count() == 0)
        return u"suggestion: no candidate"_s;
    tray->selectRow(0);
    settle();
    QTest::mouseClick(accept, Qt::LeftButton);
    ++m_accepted;
    return u"accept a suggestion"_s;
}

QString SoakDriver::undoOrRedo()
{
    const bool undo = randomInt(0, 2) != 0;
    const int times = randomInt(0, 3) == 0 ? randomInt(2, 12) : 1;
    // The actions' texts name the command ("Undo Draw Note"): find them by prefix.
    const QString prefix = undo ? u"Undo"_s : u"Redo"_s;
    QAction *found = nullptr;
    for (QAction *candidate : m_window->menuBar()->actions()) {
        if (!candidate->menu())
            continue;
        for (QAction *inner : candidate->menu()->actions())
            if (!found && QString(inner->text()).remove(u'&').startsWith(prefix))
                found = inner;
    }
    int done = 0;
    for (int i = 0; found && i < times; ++i) {
        if (!found->isEnabled())
            break;
        found->trigger();
        settle();
        ++done;
    }
    return u"%1 ×%2"_s.arg(undo ? u"undo"_s : u"redo"_s).arg(done);
}

QString SoakDriver::scroll()
{
    PianoRollViewport *viewport = m_window->pianoRoll()->viewport();
    // Now and then to the edges of the pitch range, where moves and transpositions clamp.
    static const int tops[] = {127, 120, 100, 84, 72, 60, 40, 20};
    viewport->setTopPitch(tops[randomInt(0, std::size(tops) - 1)]);
    viewport->setFirstTick(randomInt(0, 3) == 0 ? 0 : randomInt(0, 32) * 480);
    return u"scroll to pitch %1, tick %2"_s.arg(viewport->topPitch()).arg(viewport->firstTick());
}

QString SoakDriver::integrityProblem() const
{
    if (!m_problem.isEmpty())
        return m_problem;
    const Score &score = m_window->document()->score();
    if (score.ticksPerQuarter <= 0)
        return u"%1 ticks per quarter"_s.arg(score.ticksPerQuarter);
    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        const Track &track = score.tracks[t];
        const QString where = u"track %1 \"%2\": "_s.arg(t + 1).arg(track.name);
        if (track.program < 0 || track.program > 127 || track.channel < 0 || track.channel > 15
            || track.volume < 0 || track.volume > 127 || track.pan < 0 || track.pan > 127)
            return where + u"program %1 channel %2 volume %3 pan %4"_s.arg(track.program)
                               .arg(track.channel)
                               .arg(track.volume)
                               .arg(track.pan);
        for (std::size_t i = 0; i < track.notes.size(); ++i) {
            const Note &note = track.notes[i];
            if (note.start < 0 || note.length <= 0 || note.pitch < 0 || note.pitch > 127 || note.velocity < 1
                || note.velocity > 127)
                return where + u"note %1 is %2 at velocity %3"_s.arg(i).arg(describe(note)).arg(note.velocity);
            if (i > 0 && note < track.notes[i - 1])
                return where + u"note %1 (%2) is out of order"_s.arg(i).arg(describe(note));
        }
    }
    const auto sortedAndPositive = [](const auto &changes) {
        for (std::size_t i = 0; i < changes.size(); ++i)
            if (changes[i].tick < 0 || (i > 0 && changes[i].tick <= changes[i - 1].tick))
                return false;
        return true;
    };
    if (!sortedAndPositive(score.tempos) || !sortedAndPositive(score.timeSignatures))
        return u"the tempo or metre map is out of order"_s;
    for (const TempoChange &tempo : score.tempos)
        if (tempo.microsecondsPerQuarter <= 0)
            return u"tempo of %1 µs per quarter at %2"_s.arg(tempo.microsecondsPerQuarter).arg(tempo.tick);
    for (const TimeSignatureChange &metre : score.timeSignatures)
        if (metre.numerator < 1 || metre.denominator < 1 || (metre.denominator & (metre.denominator - 1)) != 0)
            return u"time signature %1/%2 at %3"_s.arg(metre.numerator).arg(metre.denominator).arg(metre.tick);
    NoteEditor *editor = m_window->pianoRoll()->noteEditor();
    const int active = editor->activeTrack();
    if (!score.tracks.empty() && (active < 0 || active >= static_cast<int>(score.tracks.size())))
        return u"the active track %1 is outside the %2 tracks"_s.arg(active + 1).arg(score.tracks.size());
    for (const Note &note : editor->selection()->notes()) {
        const std::vector<Note> &notes = editor->activeNotes();
        if (std::find(notes.begin(), notes.end(), note) == notes.end())
            return u"the selected note %1 is not in the active track"_s.arg(describe(note));
    }
    return {};
}

QString SoakDriver::undoRedoProblem()
{
    QUndoStack *stack = m_window->document()->undoStack();
    const QByteArray end = fingerprint(m_window->document()->score());
    const int index = stack->index();
    QString problem;
    stack->setIndex(0);
    settle();
    if (fingerprint(m_window->document()->score()) != m_start)
        problem = u"undoing all %1 steps does not give back the starting score"_s.arg(index);
    stack->setIndex(stack->count());
    settle();
    if (problem.isEmpty() && index == stack->count() && fingerprint(m_window->document()->score()) != end)
        problem = u"redoing all %1 steps does not give the end score"_s.arg(index);
    stack->setIndex(index);
    settle();
    if (problem.isEmpty() && fingerprint(m_window->document()->score()) != end)
        problem = u"undoing all and redoing to step %1 does not give the end score"_s.arg(index);
    return problem;
}

QString SoakDriver::saveReopenProblem(const QString &path)
{
    ScoreDocument *document = m_window->document();
    const QString error = document->saveAs(path);
    if (!error.isEmpty())
        return u"saving failed: "_s + error;
    ScoreDocument reopened;
    if (const QString openError = reopened.open(path); !openError.isEmpty())
        return u"reopening failed: "_s + openError;
    if (fingerprint(reopened.score()) != fingerprint(document->score()))
        return u"the reopened score differs from the saved one: "_s + difference(document->score(), reopened.score());
    return {};
}

QByteArray SoakDriver::fingerprint(const Score &score)
{
    return QCryptographicHash::hash(tuttiJson(score), QCryptographicHash::Sha1).toHex();
}

qint64 SoakDriver::heapInUse()
{
    // glibc's count of what is allocated; another allocator (tcmalloc in the tutti binary)
    // leaves it near zero, and the resident set size stands in.
    const struct mallinfo2 info = mallinfo2();
    const auto allocated = static_cast<qint64>(info.uordblks + info.hblkhd);
    if (allocated >= (qint64(1) << 20))
        return allocated;
    QFile status(u"/proc/self/statm"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    return status.readAll().split(' ').value(1).toLongLong() * 4096;
}

} // namespace tutti
// end of soakdriver.cpp
