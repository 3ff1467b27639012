// SPDX-License-Identifier: GPL-3.0-or-later
// testuimidi.cpp — MIDI in the main window, against a private JACK dummy server: the record
// button takes what a second client plays into the active track as one undo step, the MIDI
// Ports dialog lists and remembers ports, and without any MIDI system the window says so.
#include "edit/scoredocument.h"
#include "mainwindow/mainwindow.h"
#include "midi/jackdummyserver.h"
#include "midi/midicontroller.h"
#include "midi/midiportsdialog.h"

#include <QAction>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <rtmidi/RtMidi.h>

using namespace Qt::StringLiterals;
using namespace tutti;

class TestUiMidi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
        QSettings().clear();
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void portsDialogListsAndRemembers()
    {
        RtMidiOut keys(RtMidi::UNIX_JACK, "sender");
        keys.openVirtualPort("keys");
        MainWindow window;
        MidiPortsDialog dialog(window.midi());
        auto *input = dialog.findChild<QComboBox *>(u"midiInput"_s);
        QVERIFY(input);
        const int row = input->findText(u"sender:keys (JACK)"_s);
        QVERIFY(row > 0);
        input->setCurrentIndex(row);
        MidiSettings chosen = dialog.chosen();
        chosen.countInBars = 0;
        chosen.metronome = false;
        window.midi()->applySettings(chosen);
        QCOMPARE(QSettings().value(u"midi/input"_s).toString(), u"jack:sender:keys"_s);
        QCOMPARE(MidiSettings::load().input, (MidiPort{MidiBackend::Jack, u"sender:keys"_s}));
    }

    void recordButtonTakesWhatIsPlayed()
    {
        // GIVEN the remembered keyboard (no count-in), and a new window
        QSettings settings;
        settings.setValue(u"midi/input"_s, u"jack:sender:keys"_s);
        settings.setValue(u"midi/countInBars"_s, 0);
        settings.setValue(u"midi/metronome"_s, false);
        RtMidiOut keys(RtMidi::UNIX_JACK, "sender");
        keys.openVirtualPort("keys");
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ScoreDocument *document = window.document();
        const int commands = document->undoStack()->count();
        // WHEN Record is pressed, three keys are played, and Record is pressed again
        window.recordAction()->trigger();
        QVERIFY(window.recordAction()->isChecked());
        QTest::qWait(100);
        for (int key : {60, 64, 67}) {
            const unsigned char on[3] = {0x90, static_cast<unsigned char>(key), static_cast<unsigned char>(key + 20)};
            const unsigned char off[3] = {0x80, static_cast<unsigned char>(key), 0};
            keys.sendMessage(on, 3);
            QTest::qWait(60);
            keys.sendMessage(off, 3);
            QTest::qWait(20);
        }
        QTest::qWait(50);
        window.recordAction()->trigger();
        // THEN the active track holds them, in order, with their velocities, as one undo step
        QVERIFY(!window.recordAction()->isChecked());
        const std::vector<Note> &notes = document->score().tracks[0].notes;
        QCOMPARE(notes.size(), std::size_t(3));
        QCOMPARE(notes[0].pitch, 60);
        QCOMPARE(notes[1].velocity, 84);
        QVERIFY(notes[0].start < notes[1].start && notes[1].start < notes[2].start);
        QCOMPARE(document->undoStack()->count(), commands + 1);
        QCOMPARE(document->undoStack()->text(commands), u"Record"_s);
        document->undoStack()->undo();
        QVERIFY(document->score().tracks[0].notes.empty());
    }

    void withoutAnyMidiSystemTheWindowSaysSo()
    {
        qputenv("TUTTI_MIDI_API", "none");
        MainWindow window;
        qputenv("TUTTI_MIDI_API", "jack");
        QVERIFY2(window.statusBar()->currentMessage().contains(u"No MIDI system"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        window.recordAction()->trigger(); // nothing to record from: it says how to choose one
        QVERIFY(!window.recordAction()->isChecked());
        QVERIFY(window.statusBar()->currentMessage().contains(u"MIDI Ports"_s));
    }

private:
    JackDummyServer m_server;
};

QTEST_MAIN(TestUiMidi)
#include "testuimidi.moc"
