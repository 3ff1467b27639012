// SPDX-License-Identifier: GPL-3.0-or-later
// mainwindow.cpp — actions, menus, file handling and transport wiring.
#include "mainwindow.h"

#include "errornotice.h"

#include "attention/attentionpanel.h"
#include "audio/audiocontroller.h"
#include "audio/audioexporter.h"
#include "dialogs/musicxmlimportdialog.h"
#include "dialogs/tempometredialog.h"
#include "edit/autosaver.h"
#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "io/scorefile.h"
#include "model/modelmenu.h"
#include "midi/answercontroller.h"
#include "midi/midicontroller.h"
#include "midi/midiportsdialog.h"
#include "midi/recordingsession.h"
#include "pianoroll/edittoolbar.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "score/timemap.h"
#include "suggestions/ghostnotelayer.h"
#include "model/modelloader.h"
#include "suggestions/suggestionaudition.h"
#include "suggestions/suggestioncontroller.h"
#include "suggestions/suggestionpanel.h"
#include "teaching/teachingpanel.h"
#include "tracks/tracklistpanel.h"
#include "transport/transportbar.h"

#include <QAction>
#include <QCoreApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QSignalBlocker>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QString scoreFilter = u"Scores (*.tutti *.mid *.midi *.musicxml *.xml *.mxl);;Tutti projects (*.tutti);;"
                            "MIDI files (*.mid *.midi);;MusicXML (*.musicxml *.xml *.mxl);;All files (*)"_s;
constexpr int maxRecentFiles = 10;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ScoreDocument(this))
    , m_audio(new AudioController(m_document, this))
    , m_pianoRoll(new PianoRollEditor(m_document, this))
    , m_trackList(new TrackListPanel(m_document, this))
    , m_autosaver(new Autosaver(m_document, Autosaver::defaultFolder(), this))
{
    setCentralWidget(m_pianoRoll);
    // The status bar: routine notices on the left (they time out), then an error that stays
    // until dismissed, then the audio status, which is a state, not a notice.
    m_errors = new ErrorNotice(statusBar());
    statusBar()->addPermanentWidget(m_errors);
    m_audioStatus = new QLabel(statusBar());
    m_audioStatus->setObjectName(u"audioStatus"_s);
    statusBar()->addPermanentWidget(m_audioStatus);
    auto *tracksDock = new QDockWidget(u"Tracks"_s, this);
    tracksDock->setObjectName(u"tracksDock"_s);
    tracksDock->setWidget(m_trackList);
    addDockWidget(Qt::LeftDockWidgetArea, tracksDock);
    setAcceptDrops(true);

    m_midi = new MidiController(m_document, m_audio, this);
    createActions();
    createMenus();
    m_transport = new TransportBar(m_document, m_playPause, m_stop, m_loop, this);
    m_transport->insertAction(m_transport->actions().value(3), m_record);
    addToolBar(Qt::TopToolBarArea, m_transport);
    addToolBar(Qt::TopToolBarArea, new EditToolBar(m_pianoRoll->noteEditor(), this));
    menuBar()->findChild<QMenu *>(u"viewMenu"_s)->addAction(tracksDock->toggleViewAction());

    // Suggestions: the controller holds the model and the candidates; the dock, the ghost
    // notes over the piano roll and the audition follow it.
    auto *suggestions = new SuggestionController(m_document, new ModelLoader(this), this);
    auto *audition = new SuggestionAudition(suggestions, m_audio, this);
    m_suggestionPanel = new SuggestionPanel(suggestions, audition, this);
    new GhostNoteLayer(suggestions, m_pianoRoll->canvas(), m_pianoRoll->viewport());
    auto *suggestionsDock = new QDockWidget(u"Suggestions"_s, this);
    suggestionsDock->setObjectName(u"suggestionsDock"_s);
    suggestionsDock->setWidget(m_suggestionPanel);
    addDockWidget(Qt::RightDockWidgetArea, suggestionsDock);
    menuBar()->findChild<QMenu *>(u"viewMenu"_s)->addAction(suggestionsDock->toggleViewAction());
    m_answers = new AnswerController(m_midi, suggestions, m_audio, this);
    connect(m_answers, &AnswerController::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_answerMe, &QAction::toggled, this, [this](bool on) {
        MidiSettings settings = m_midi->settings();
        if (settings.answer != on) {
            settings.answer = on;
            m_midi->applySettings(settings);
        }
        m_answers->setEnabled(on);
    });
    connect(suggestions, &SuggestionController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(suggestions, &SuggestionController::finished, this, [this](bool, const QString &error) {
        if (!error.isEmpty())
            m_errors->showError(error);
    });
    connect(m_trackList, &TrackListPanel::activeTrackChanged, m_suggestionPanel, &SuggestionPanel::setActiveTrack);
    connect(audition, &SuggestionAudition::activeChanged, this, [this](bool active, Tick begin, Tick end) {
        if (active)
            m_pianoRoll->setLoopRange(true, begin, end);
        else
            toggleLoop(m_loop->isChecked()); // the window's own loop again
    });

    // Attention and teaching views: inside the model, sharing the suggestions' model. Hidden
    // at first (computing takes a second of CPU); each works only while its dock is shown.
    // They share the bottom edge as tabs, under the piano roll only: the Suggestions dock owns
    // the bottom-right corner, so the candidate tray keeps the window's full height.
    auto *attention = new AttentionPanel(m_document, m_pianoRoll, suggestions->modelLoader(), this);
    auto *teaching = new TeachingPanel(m_document, m_pianoRoll, suggestions->modelLoader(), this);
    teaching->setRequestSource([this] { return m_suggestionPanel->request(); });
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    const auto addModelDock = [this](QWidget *panel, const QString &title) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(title.toLower() + u"Dock"_s);
        dock->setWidget(panel);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->hide();
        menuBar()->findChild<QMenu *>(u"viewMenu"_s)->addAction(dock->toggleViewAction());
        // A bottom dock opens at its minimum height, too short to read a heat map: the first
        // time it is shown in a session it gets all the height the piano roll can spare while
        // keeping half the window.
        auto opened = std::make_shared<bool>(false);
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock, opened](bool visible) {
            if (!visible || *opened)
                return;
            *opened = true;
            QTimer::singleShot(0, dock, [this, dock] { // once the dock area has laid it out
                const int wanted = m_pianoRoll->height() + dock->height() - (height() + 1) / 2;
                if (!dock->isFloating() && dock->height() != wanted)
                    resizeDocks({dock}, {wanted}, Qt::Vertical);
            });
        });
        return dock;
    };
    QDockWidget *attentionDock = addModelDock(attention, u"Attention"_s);
    QDockWidget *teachingDock = addModelDock(teaching, u"Teaching"_s);
    tabifyDockWidget(attentionDock, teachingDock);
    connect(attentionDock, &QDockWidget::visibilityChanged, attention, &AttentionPanel::setActive);
    connect(teachingDock, &QDockWidget::visibilityChanged, teaching, &TeachingPanel::setActive);
    connect(attention, &AttentionPanel::activeTrackRequested, m_trackList, &TrackListPanel::setActiveTrack);
    connect(m_pianoRoll, &PianoRollEditor::barRangeSelected, attention, &AttentionPanel::setRange);
    connect(m_pianoRoll, &PianoRollEditor::barRangeSelected, teaching, &TeachingPanel::setRange);

    connect(m_trackList, &TrackListPanel::activeTrackChanged, m_pianoRoll, &PianoRollEditor::setActiveTrack);
    connect(m_pianoRoll, &PianoRollEditor::seekRequested, this, [this](Tick tick) { m_audio->engine().seek(tick); });
    connect(m_pianoRoll, &PianoRollEditor::barRangeSelected, this, &MainWindow::selectBarRange);
    connect(m_pianoRoll, &PianoRollEditor::mapEditRequested, this, &MainWindow::editTempoAndMetre);
    connect(m_document, &ScoreDocument::documentReset, this, [this] {
        m_rangeBegin = m_rangeEnd = 0;
        m_loop->setChecked(false);
    });
    // MIDI: thru and takes go to the active track; step input writes at the playhead.
    NoteEditor *editor = m_pianoRoll->noteEditor();
    connect(m_trackList, &TrackListPanel::activeTrackChanged, m_midi, &MidiController::setActiveTrack);
    connect(editor, &NoteEditor::gridIndexChanged, m_midi, [this, editor] { m_midi->setGridStep(editor->gridStep()); });
    m_midi->setGridStep(editor->gridStep());
    connect(m_midi, &MidiController::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_midi, &MidiController::recordingChanged, this, [this](bool on) {
        const QSignalBlocker blocker(m_record);
        m_record->setChecked(on);
    });
    connect(m_midi, &MidiController::stepCursorMoved, this, [this, editor](Tick cursor) {
        editor->setPlayhead(cursor);
        m_pianoRoll->setPlayhead(cursor, true);
        m_audio->engine().seek(cursor);
    });
    connect(m_pianoRoll, &PianoRollEditor::keyPressed, this,
            [this](int pitch) { m_audio->engine().previewNoteOn(m_trackList->activeTrack(), pitch); });
    connect(m_pianoRoll, &PianoRollEditor::keyReleased, this,
            [this](int pitch) { m_audio->engine().previewNoteOff(m_trackList->activeTrack(), pitch); });
    connect(&m_audio->notifier(), &audio::PlaybackNotifier::positionChanged, this, [this](Tick tick, double seconds) {
        m_pianoRoll->setPlayhead(tick, m_audio->engine().isPlaying());
        m_transport->showPosition(tick, seconds);
    });
    connect(&m_audio->notifier(), &audio::PlaybackNotifier::playingChanged, this, [this](bool playing) {
        m_playPause->setText(playing ? u"Pause"_s : u"Play"_s);
        m_playPause->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_audio, &AudioController::statusChanged, m_audioStatus, &QLabel::setText);
    connect(m_audio, &AudioController::soundFontFailed, this, [this](const QString &error) {
        QMessageBox::warning(this, u"SoundFont"_s, error + u"\n\nTutti keeps working; playback stays silent until a "
                                                           "SoundFont loads."_s);
    });
    connect(m_document, &ScoreDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScoreDocument::filePathChanged, this, &MainWindow::updateTitle);

    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    updateTitle();
    m_audio->start(settings.value(u"audio/soundFont"_s).toString());
    m_audioStatus->setText(m_audio->status());
    m_midi->start(); // after the audio status: a missing MIDI system is said once
    m_answerMe->setChecked(m_midi->settings().answer);

    connect(m_autosaver, &Autosaver::failed, this,
            [this](const QString &error) { m_errors->showError(u"Autosave failed: "_s + error); });
    // Asked once the event loop runs, so the window is up behind the question.
    QTimer::singleShot(0, this, &MainWindow::offerRecovery);
}

MainWindow::~MainWindow()
{
    // The MIDI thread plays into the audio engine: it stops before the engine goes.
    delete m_answers;
    delete m_midi;
}

void MainWindow::createActions()
{
    m_playPause = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), u"Play"_s, this);
    m_playPause->setShortcut(Qt::Key_Space);
    connect(m_playPause, &QAction::triggered, this, &MainWindow::togglePlay);
    m_stop = new QAction(style()->standardIcon(QStyle::SP_MediaStop), u"Stop"_s, this);
    m_stop->setShortcut(Qt::Key_Return);
    connect(m_stop, &QAction::triggered, this, &MainWindow::stop);
    m_loop = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), u"Loop"_s, this);
    m_loop->setCheckable(true);
    m_loop->setShortcut(Qt::Key_L);
    m_loop->setToolTip(u"Loop the bars selected in the ruler (drag across the bar numbers); bars 1-4 "
                          "until a range is chosen"_s);
    connect(m_loop, &QAction::toggled, this, &MainWindow::toggleLoop);
    m_record = new QAction(u"Record"_s, this);
    m_record->setObjectName(u"recordAction"_s);
    m_record->setIcon(QIcon::fromTheme(u"media-record"_s, style()->standardIcon(QStyle::SP_DialogYesButton)));
    m_record->setCheckable(true);
    m_record->setShortcut(Qt::Key_R);
    m_record->setToolTip(u"Record from the MIDI keyboard into the active track (R); the count-in, metronome and "
                         "overdub or replace are set under Playback > MIDI Ports"_s);
    connect(m_record, &QAction::toggled, this, [this](bool on) { m_midi->setRecording(on); });
    m_answerMe = new QAction(u"Answer Me"_s, this);
    m_answerMe->setCheckable(true);
    m_answerMe->setToolTip(u"While recording, when you rest for a bar the model answers: its continuation sounds "
                           "from the next bar line and waits in the Suggestions tray (length and instrument under "
                           "Playback > MIDI Ports)"_s);
    m_stepInput = new QAction(u"Step Input"_s, this);
    m_stepInput->setCheckable(true);
    m_stepInput->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_S));
    m_stepInput->setToolTip(u"Each key on the MIDI keyboard writes a note of the grid length at the playhead and "
                            "moves on; keys held together make a chord; 0 writes a rest"_s);
    connect(m_stepInput, &QAction::toggled, this,
            [this](bool on) { m_midi->setStepMode(on, m_pianoRoll->noteEditor()->playhead()); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(u"&File"_s);
    file->addAction(u"&New"_s, QKeySequence::New, this, [this] {
        if (maybeSave())
            m_document->newScore();
    });
    file->addAction(u"&Open..."_s, QKeySequence::Open, this, &MainWindow::openWithDialog);
    m_recentMenu = file->addMenu(u"Open &Recent"_s);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(u"&Save"_s, QKeySequence::Save, this, &MainWindow::save);
    file->addAction(u"Save &As..."_s, QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addAction(u"Export &MIDI..."_s, this, &MainWindow::exportMidi);
    file->addAction(u"Export Music&XML..."_s, this, &MainWindow::exportMusicXml);
    file->addAction(u"Export &Audio..."_s, this, &MainWindow::exportAudio);
    file->addSeparator();
    file->addAction(u"MusicXML &Import Options..."_s, this, [this] { MusicXmlImportDialog(QString(), this).exec(); });
    file->addSeparator();
    file->addAction(u"&Quit"_s, QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(u"&Edit"_s);
    QAction *undo = m_document->undoStack()->createUndoAction(this, u"&Undo"_s);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, u"&Redo"_s);
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    // The note canvas handles these keys itself while it has focus; the actions serve the menu
    // and the rest of the window.
    NoteEditor *notes = m_pianoRoll->noteEditor();
    edit->addAction(u"Cu&t"_s, QKeySequence::Cut, notes, &NoteEditor::cutSelection);
    edit->addAction(u"&Copy"_s, QKeySequence::Copy, notes, &NoteEditor::copySelection);
    edit->addAction(u"&Paste at Playhead"_s, QKeySequence::Paste, notes, &NoteEditor::paste);
    edit->addAction(u"&Delete"_s, QKeySequence::Delete, notes, &NoteEditor::deleteSelection);
    edit->addAction(u"D&uplicate"_s, QKeySequence(Qt::CTRL | Qt::Key_D), notes, &NoteEditor::duplicateSelection);
    edit->addSeparator();
    edit->addAction(u"Select &All"_s, QKeySequence::SelectAll, notes, &NoteEditor::selectAll);
    edit->addSeparator();
    edit->addAction(u"&Quantize"_s, QKeySequence(Qt::Key_Q), notes, &NoteEditor::quantizeSelection);
    edit->addAction(u"Transpose &Up"_s, notes, [notes] { notes->transposeSelection(1); });
    edit->addAction(u"Transpose Do&wn"_s, notes, [notes] { notes->transposeSelection(-1); });
    edit->addAction(u"Transpose Up an &Octave"_s, notes, [notes] { notes->transposeSelection(12); });
    edit->addAction(u"Transpose Down an Oc&tave"_s, notes, [notes] { notes->transposeSelection(-12); });
    edit->addSeparator();
    edit->addAction(u"Tempo and &Metre at Playhead..."_s, QKeySequence(Qt::CTRL | Qt::Key_T), this,
                    [this, notes] { editTempoAndMetre(notes->playhead()); });

    QMenu *playback = menuBar()->addMenu(u"&Playback"_s);
    playback->addAction(m_playPause);
    playback->addAction(m_stop);
    playback->addAction(m_loop);
    playback->addSeparator();
    playback->addAction(m_record);
    playback->addAction(m_answerMe);
    playback->addAction(m_stepInput);
    playback->addAction(u"Step &Rest"_s, QKeySequence(Qt::Key_0), this, [this] { m_midi->session()->stepRest(); });
    playback->addAction(u"MIDI &Ports..."_s, this, &MainWindow::chooseMidiPorts);
    playback->addSeparator();
    playback->addAction(u"Choose &SoundFont..."_s, this, &MainWindow::chooseSoundFont);

    QMenu *view = menuBar()->addMenu(u"&View"_s);
    view->setObjectName(u"viewMenu"_s);
    view->addAction(u"&Fit to Window"_s, QKeySequence(Qt::Key_F), m_pianoRoll, &PianoRollEditor::fitToScore);
    // Zoom time around the middle of the note area; Ctrl+wheel zooms around the mouse.
    const auto zoomTime = [this](double factor) {
        m_pianoRoll->viewport()->zoomTime(factor, m_pianoRoll->canvas()->width() / 2.0);
    };
    view->addAction(u"Zoom &In"_s, QKeySequence::ZoomIn, this, [zoomTime] { zoomTime(1.25); });
    view->addAction(u"Zoom &Out"_s, QKeySequence::ZoomOut, this, [zoomTime] { zoomTime(0.8); });

    addModelMenu(menuBar(), this);

    QMenu *help = menuBar()->addMenu(u"&Help"_s);
    help->addAction(u"&About Tutti"_s, this, [this] {
        QMessageBox::about(this, u"About Tutti"_s,
                           u"<b>Tutti</b> %1<br>A composition workstation with a music transformer that runs on "
                           "your computer, offline."_s.arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, u"Open Score"_s,
                                                      QSettings().value(u"files/lastFolder"_s).toString(), scoreFilter);
    if (path.isEmpty())
        return;
    if (scoreFormatForPath(path) != ScoreFormat::MusicXml || !MusicXmlImportDialog::askOnOpen()) {
        openFile(path);
        return;
    }
    MusicXmlImportDialog dialog(path, this);
    if (dialog.exec() == QDialog::Accepted)
        openFile(path, dialog.options());
}

bool MainWindow::openFile(const QString &path)
{
    return openFile(path, MusicXmlImportDialog::savedOptions());
}

bool MainWindow::openFile(const QString &path, const MusicXmlOptions &musicXml)
{
    const QString error = m_document->open(path, musicXml);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, u"Open Score"_s, u"Tutti could not open this file.\n\n"_s + error);
        return false;
    }
    QSettings().setValue(u"files/lastFolder"_s, QFileInfo(path).absolutePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    m_audio->engine().stop();
    const QStringList warnings = m_document->lastWarnings();
    const QString playback = m_document->lastPlayback().isEmpty() ? QString() : u" ("_s + m_document->lastPlayback() + u')';
    const QString opened = warnings.isEmpty()
        ? u"Opened "_s + QFileInfo(path).fileName()
        : u"Opened with %1 warning(s): %2"_s.arg(warnings.size()).arg(warnings.first());
    statusBar()->showMessage(opened + playback, 8000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, u"Unsaved Changes"_s,
                                             u"Save the changes to %1 before closing it?"_s.arg(m_document->displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const QString error = m_document->save();
    if (!error.isEmpty())
        QMessageBox::warning(this, u"Save"_s, error);
    return error.isEmpty();
}

bool MainWindow::saveAs()
{
    QString suggestion = m_document->sourcePath().isEmpty() ? u"Untitled.tutti"_s : m_document->sourcePath();
    suggestion = QFileInfo(suggestion).path() + u'/' + QFileInfo(suggestion).completeBaseName() + u".tutti"_s;
    QString path = QFileDialog::getSaveFileName(this, u"Save Project"_s, suggestion, u"Tutti projects (*.tutti)"_s);
    if (path.isEmpty())
        return false;
    if (!path.endsWith(u".tutti"_s))
        path += u".tutti"_s;
    const QString error = m_document->saveAs(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, u"Save"_s, error);
        return false;
    }
    addRecentFile(path);
    return true;
}

void MainWindow::exportMidi()
{
    const QString base = QFileInfo(m_document->displayName()).completeBaseName();
    QString path = QFileDialog::getSaveFileName(this, u"Export MIDI"_s, base + u".mid"_s, u"MIDI files (*.mid)"_s);
    if (path.isEmpty())
        return;
    if (scoreFormatForPath(path) != ScoreFormat::Midi)
        path += u".mid"_s;
    const QString error = writeScoreFile(m_document->score(), path);
    if (!error.isEmpty())
        QMessageBox::warning(this, u"Export MIDI"_s, error);
    else
        statusBar()->showMessage(u"Exported "_s + QFileInfo(path).fileName(), 5000);
}

void MainWindow::exportMusicXml()
{
    const QString base = QFileInfo(m_document->displayName()).completeBaseName();
    QString path = QFileDialog::getSaveFileName(this, u"Export MusicXML"_s, base + u".musicxml"_s,
                                                u"MusicXML (*.musicxml);;Compressed MusicXML (*.mxl)"_s);
    if (path.isEmpty())
        return;
    if (scoreFormatForPath(path) != ScoreFormat::MusicXml)
        path += u".musicxml"_s;
    QStringList warnings;
    const QString error = writeScoreFile(m_document->score(), path, &warnings);
    if (!error.isEmpty())
        QMessageBox::warning(this, u"Export MusicXML"_s, error);
    else if (!warnings.isEmpty())
        QMessageBox::information(this, u"Export MusicXML"_s,
                                 u"Exported %1.\n\n%2"_s.arg(QFileInfo(path).fileName(), warnings.join(u'\n')));
    else
        statusBar()->showMessage(u"Exported "_s + QFileInfo(path).fileName(), 5000);
}

void MainWindow::exportAudio()
{
    if (m_audio->soundFontPath().isEmpty()) {
        QMessageBox::warning(this, u"Export Audio"_s, u"No SoundFont is loaded. Choose one under Playback > Choose "
                                                      "SoundFont."_s);
        return;
    }
    const QString base = QFileInfo(m_document->displayName()).completeBaseName();
    QString path = QFileDialog::getSaveFileName(this, u"Export Audio"_s, base + u".wav"_s, u"WAV audio (*.wav)"_s);
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".wav"_s, Qt::CaseInsensitive))
        path += u".wav"_s;
    auto *exporter = new AudioExporter(m_document->score(), m_audio->soundFontPath(), path, this);
    auto *progress = new QProgressDialog(u"Rendering %1..."_s.arg(QFileInfo(path).fileName()), u"Cancel"_s, 0, 100, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    connect(progress, &QProgressDialog::canceled, exporter, &AudioExporter::cancel);
    connect(exporter, &AudioExporter::progress, progress, &QProgressDialog::setValue);
    connect(exporter, &AudioExporter::finished, this, [this, progress, path](const QString &error, bool cancelled) {
        progress->deleteLater();
        if (!error.isEmpty())
            QMessageBox::warning(this, u"Export Audio"_s, error);
        else
            statusBar()->showMessage(cancelled ? u"Export cancelled"_s : u"Exported "_s + QFileInfo(path).fileName(), 5000);
    });
    exporter->start();
}

void MainWindow::chooseSoundFont()
{
    const QString path = QFileDialog::getOpenFileName(this, u"Choose SoundFont"_s,
                                                      QFileInfo(m_audio->soundFontPath()).absolutePath(),
                                                      u"SoundFonts (*.sf2 *.sf3);;All files (*)"_s);
    if (path.isEmpty())
        return;
    QSettings().setValue(u"audio/soundFont"_s, path);
    m_audio->loadSoundFont(path);
}

void MainWindow::chooseMidiPorts()
{
    MidiPortsDialog dialog(m_midi, this);
    if (dialog.exec() == QDialog::Accepted)
        m_midi->applySettings(dialog.chosen());
}

void MainWindow::togglePlay()
{
    audio::PlaybackEngine &engine = m_audio->engine();
    if (m_midi->isRecording())
        m_midi->setRecording(false); // pauses too
    else if (engine.isPlaying())
        engine.pause();
    else
        engine.play();
}

void MainWindow::stop()
{
    if (m_midi->isRecording())
        m_midi->setRecording(false);
    m_audio->engine().stop();
}

void MainWindow::toggleLoop(bool on)
{
    if (m_rangeEnd <= m_rangeBegin) {
        m_rangeBegin = 0;
        m_rangeEnd = TimeMap(m_document->score()).barStart(5);
    }
    m_audio->engine().setLoop(on, m_rangeBegin, m_rangeEnd);
    m_pianoRoll->setLoopRange(on, m_rangeBegin, m_rangeEnd);
}

void MainWindow::selectBarRange(Tick begin, Tick end)
{
    m_rangeBegin = begin;
    m_rangeEnd = end;
    m_suggestionPanel->setBarRange(begin, end);
    const TimeMap map(m_document->score());
    statusBar()->showMessage(u"Selected bars %1-%2"_s.arg(map.barAt(begin)).arg(map.barAt(end - 1)), 4000);
    toggleLoop(m_loop->isChecked());
}

void MainWindow::editTempoAndMetre(Tick at)
{
    TempoMetreDialog dialog(m_document->score(), at, this);
    if (dialog.exec() == QDialog::Accepted)
        dialog.apply(m_document);
}

void MainWindow::offerRecovery()
{
    // Only copies whose Tutti is no longer running, newest first; after a restore the others
    // wait for the next start.
    const QStringList copies = m_autosaver->claimOrphanedCopies();
    bool restored = false;
    for (const QString &copy : copies) {
        if (restored) {
            m_autosaver->releaseOrphanedCopy(copy, false);
            continue;
        }
        RecoveredScore recovered = Autosaver::readRecovery(copy);
        const QString named = recovered.originalPath.isEmpty() ? recovered.sourcePath : recovered.originalPath;
        const QString name = named.isEmpty() ? u"an untitled score"_s : QFileInfo(named).fileName();
        if (!recovered.ok()) {
            QMessageBox::warning(this, u"Recover Unsaved Work"_s,
                                 u"Tutti found unsaved work but could not read it.\n\n"_s + recovered.error);
        } else if (QMessageBox::question(this, u"Recover Unsaved Work"_s,
                                         u"Tutti did not close normally. Restore the unsaved changes to %1, "
                                         "autosaved %2?"_s.arg(name, QLocale().toString(recovered.savedAt,
                                                                                        QLocale::ShortFormat)),
                                         QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
                   == QMessageBox::Yes) {
            m_document->restoreRecovered(std::move(recovered.score), recovered.originalPath, recovered.sourcePath);
            m_autosaver->saveNow(); // this instance's own copy, until the user saves
            statusBar()->showMessage(u"Restored unsaved changes; save to keep them"_s, 8000);
            restored = true;
        }
        m_autosaver->releaseOrphanedCopy(copy, true);
    }
    m_autosaver->start();
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + u"[*] — Tutti"_s);
    setWindowModified(m_document->isModified());
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(u"files/recent"_s).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(u"files/recent"_s, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(u"files/recent"_s).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_shuttingDown && !maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    if (m_shuttingDown && m_document->isModified()) {
        m_autosaver->saveNow(); // the latest edits, for the next start to offer
        m_autosaver->keepCopy();
    } else {
        m_autosaver->discard();
    }
    event->accept();
}

void MainWindow::closeForShutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    close();
    QCoreApplication::quit(); // also ends the loop of a dialog that may be open
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && scoreFormatForPath(urls.first().toLocalFile()) != ScoreFormat::Unknown)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().value(0).toLocalFile();
    if (maybeSave())
        openFile(path);
}

} // namespace tutti
// end of mainwindow.cpp
