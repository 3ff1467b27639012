// SPDX-License-Identifier: GPL-3.0-or-later
// mainwindow.h — Tutti's main window: menus, transport, track list, piano roll, status.
//
// It wires the open ScoreDocument to the views and to the AudioController, and turns
// menu actions into document and transport calls. It holds no music state of its own.
#pragma once

#include "io/musicxml.h"
#include "score/score.h"

#include <QMainWindow>

class QLabel;

namespace tutti {

class AudioController;
class AnswerController;
class Autosaver;
class MidiController;
class ErrorNotice;
class PianoRollEditor;
class ScoreDocument;
class SuggestionPanel;
class TrackListPanel;
class TransportBar;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a score; errors are shown in a message box and the current score stays.
    // MusicXML is read as the saved preference says (MusicXmlImportDialog::savedOptions()).
    bool openFile(const QString &path);
    bool openFile(const QString &path, const MusicXmlOptions &musicXml);
    ScoreDocument *document() const { return m_document; }
    AudioController *audio() const { return m_audio; }
    PianoRollEditor *pianoRoll() const { return m_pianoRoll; }
    QAction *loopAction() const { return m_loop; }
    QAction *recordAction() const { return m_record; }
    MidiController *midi() const { return m_midi; }
    Autosaver *autosaver() const { return m_autosaver; }
    // The session is ending (SIGTERM, SIGINT): closes without asking anything and quits. An
    // unsaved document stays in a fresh recovery copy, offered at the next start; a clean one
    // leaves none.
    void closeForShutdown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    bool maybeSave();            // false when the user cancels
    bool save();
    bool saveAs();
    void exportMidi();
    void exportMusicXml();
    void openWithDialog();       // File > Open: asks how to read MusicXML when the preference says so
    void exportAudio();
    void chooseSoundFont();
    void chooseMidiPorts();
    void togglePlay();
    void stop();
    void toggleLoop(bool on);
    void selectBarRange(Tick begin, Tick end);
    void editTempoAndMetre(Tick at);
    void offerRecovery();        // after a crash: restore the autosaved copy?
    void updateTitle();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();

    ScoreDocument *m_document;
    AudioController *m_audio;
    PianoRollEditor *m_pianoRoll;
    TrackListPanel *m_trackList;
    Autosaver *m_autosaver;
    TransportBar *m_transport = nullptr;
    SuggestionPanel *m_suggestionPanel = nullptr;
    ErrorNotice *m_errors = nullptr;  // errors stay in the status bar until dismissed
    QLabel *m_audioStatus = nullptr; // output, SoundFont, problems: a state beside the notices
    QMenu *m_recentMenu = nullptr;
    QAction *m_playPause = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_loop = nullptr;
    QAction *m_record = nullptr;
    QAction *m_stepInput = nullptr;
    MidiController *m_midi = nullptr;
    AnswerController *m_answers = nullptr;
    QAction *m_answerMe = nullptr;
    Tick m_rangeBegin = 0;   // the bar range chosen in the ruler (loop, later generation)
    Tick m_rangeEnd = 0;     // 0: none chosen yet, loop bars 1-4
    bool m_shuttingDown = false; // closeForShutdown(): no questions
};

} // namespace tutti
// end of mainwindow.h
