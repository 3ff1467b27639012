// SPDX-License-Identifier: GPL-3.0-or-later
// testuisuggestions.cpp — the Suggestions dock end to end on the offscreen platform:
// candidates arrive off the GUI thread, show as ghost notes, play in context, accept as one
// undo step, cancel promptly, and a bad model file is reported while the window keeps working.
//
// Models with random weights, made here in a temporary folder: a tiny one for the plumbing,
// and where notes must come out, "writing" ones whose heads favour another note on the same
// beat (tinymodel.h): random weights alone end a continuation after a note or two. The
// shipped model is only looked for and loaded, never asked for music.
#include "analysis/originalityindexbuilder.h"
#include "analysis/suggestionoriginality.h"
#include "audio/audiocontroller.h"
#include "audio/soundfonts.h"
#include "edit/scoredocument.h"
#include "model/modellocation.h"
#include "io/tuttifile.h"
#include "mainwindow/errornotice.h"
#include "mainwindow/mainwindow.h"
#include "model/transformermodel.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "score/timemap.h"
#include "suggestions/candidatelistmodel.h"
#include "suggestions/ghostnotelayer.h"
#include "suggestions/instrumentpicker.h"
#include "model/modelloader.h"
#include "suggestions/notecontrolsform.h"
#include "suggestions/suggestionaudition.h"
#include "suggestions/suggestioncontroller.h"
#include "suggestions/suggestionpanel.h"
#include "suggestions/suggestionworker.h"
#include "suggestions/trackchecklist.h"
#include "tinymodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// A violin and a cello playing two bars of 4/4.
QString writeDuet(const QTemporaryDir &dir)
{
    Score score;
    score.tempos = {{0, 500000}};
    score.timeSignatures = {{0, 4, 4}};
    Track &violin = score.addTrack(u"Violin"_s, 40);
    violin.channel = 0;
    violin.notes = {{0, 480, 67, 90}, {480, 480, 69, 90}, {960, 960, 71, 90}, {1920, 1920, 72, 90}};
    Track &cello = score.addTrack(u"Cello"_s, 42);
    cello.channel = 1;
    cello.notes = {{0, 1920, 43, 80}, {1920, 1920, 48, 80}};
    score.normalize();
    const QString path = dir.filePath(u"duet.tutti"_s);
    writeTuttiFile(score, path);
    return path;
}

// The window with the duet open and bars 1-2 chosen in the ruler, its dock and controller.
struct Fixture
{
    QTemporaryDir dir;
    MainWindow window;
    SuggestionPanel *panel = nullptr;
    SuggestionController *suggestions = nullptr;

    Fixture()
    {
        window.resize(1500, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(writeDuet(dir)));
        panel = window.findChild<SuggestionPanel *>();
        suggestions = window.findChild<SuggestionController *>();
        QVERIFY(panel && suggestions);
        Q_EMIT window.pianoRoll()->barRangeSelected(0, TimeMap(window.document()->score()).barStart(3));
    }

    template<typename Widget>
    Widget *find(const QString &name) const
    {
        return panel->findChild<Widget *>(name);
    }

    // Continue bars 1-2 for `lengthBars`, with `candidates` candidates from seed 100, 101, ...
    void askToContinue(int candidates, int lengthBars)
    {
        find<QComboBox>(u"suggestionMode"_s)->setCurrentIndex(2);
        find<QSpinBox>(u"suggestionLength"_s)->setValue(lengthBars);
        find<QSpinBox>(u"suggestionCandidates"_s)->setValue(candidates);
        find<QCheckBox>(u"suggestionFixedSeed"_s)->setChecked(true);
        find<QSpinBox>(u"suggestionSeed"_s)->setValue(100);
        const SuggestionRequest request = panel->request();
        QCOMPARE(request.mode, SuggestionMode::Continue);
        QCOMPARE(request.firstBar, 0);
        QCOMPARE(request.endBar, 2);
        QCOMPARE(request.lengthBars, lengthBars);
        QCOMPARE(request.sampling.seed, std::uint64_t{100});
        QTest::mouseClick(find<QPushButton>(u"suggestionGenerate"_s), Qt::LeftButton);
        QVERIFY(suggestions->isBusy());
    }
};

} // namespace

class TestUiSuggestions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
        QVERIFY(m_dir.isValid());
        m_tinyModel = test::saveTinyModel(m_dir.filePath(u"tiny.safetensors"_s), {.layers = 1}, 11);
        QVERIFY(!m_tinyModel.isEmpty());
        m_writingModel = test::saveWritingModel(m_dir.filePath(u"writing.safetensors"_s), {.layers = 1}, 11, 1.0);
        QVERIFY(!m_writingModel.isEmpty());
        // Long requests need a model as slow as a real one: four layers of width 256.
        m_slowModel = test::saveWritingModel(m_dir.filePath(u"slow.safetensors"_s),
                                             {.layers = 4, .heads = 8, .width = 256}, 11, 3.0);
        QVERIFY(!m_slowModel.isEmpty());
        // The shipped model, where the application looks for it when TUTTI_MODEL is unset.
        qunsetenv("TUTTI_MODEL");
        m_shippedModel = defaultModelPath();
    }

    void init()
    {
        QSettings().remove(u"suggestions"_s); // each test starts from the default form
    }

    void theModelNamedByTheEnvironmentWritesEveryCandidate()
    {
        qputenv("TUTTI_MODEL", m_tinyModel.toUtf8());
        Fixture f;
        ScoreDocument *document = f.window.document();
        const Score before = document->score();
        QSignalSpy finished(f.suggestions, &SuggestionController::finished);
        // WHEN two 2-bar continuations of bars 1-2 are asked for
        f.askToContinue(2, 2);
        // THEN the tiny model is loaded and both arrive, for bars 3-4, from seeds 100 and 101
        QTRY_VERIFY_WITH_TIMEOUT(!f.suggestions->isBusy(), 20000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(f.suggestions->modelLoader()->path(), QFileInfo(m_tinyModel).canonicalFilePath());
        QCOMPARE(f.suggestions->candidates()->count(), 2);
        const TimeMap map(before);
        for (int row = 0; row < 2; ++row) {
            const Suggestion &candidate = f.suggestions->candidates()->at(row);
            QCOMPARE(candidate.seed, std::uint64_t(100 + row));
            QCOMPARE(candidate.firstTick, map.barStart(3));
            QCOMPARE(candidate.endTick, map.barStart(5));
            QVERIFY(!candidate.cancelled);
        }
        // AND the first is shown at once, and accepting it is one undo step
        QCOMPARE(f.suggestions->selectedRow(), 0);
        const Suggestion first = f.suggestions->candidates()->at(0);
        QTest::mouseClick(f.find<QPushButton>(u"suggestionAccept"_s), Qt::LeftButton);
        QCOMPARE(document->undoStack()->count(), 1);
        QCOMPARE(document->score(), applySuggestion(before, first));
        document->undoStack()->undo();
        QCOMPARE(document->score(), before);
    }

    void withoutTheEnvironmentTheShippedModelLoads()
    {
        if (m_shippedModel.isEmpty())
            QSKIP("the shipped model is absent");
        qunsetenv("TUTTI_MODEL");
        ModelLoader loader;
        QSignalSpy loaded(&loader, &ModelLoader::loaded);
        loader.load();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loader.path(), m_shippedModel);
        QVERIFY(loader.model());
    }

    void candidatesShowAsGhostNotesAndAcceptIsOneUndoStep()
    {
        qputenv("TUTTI_MODEL", m_writingModel.toUtf8());
        Fixture f;
        ScoreDocument *document = f.window.document();
        const Score before = document->score();
        // WHEN two continuations of bars 1-2 are asked for
        f.askToContinue(2, 2);
        // THEN both arrive while the GUI keeps running
        QTRY_COMPARE_WITH_TIMEOUT(f.suggestions->candidates()->count(), 2, 20000);
        QTRY_VERIFY(!f.suggestions->isBusy());
        QCOMPARE(f.suggestions->modelLoader()->path(), QFileInfo(m_writingModel).canonicalFilePath());

        // WHEN the second is selected, the whole pitch range in view and bars 1-2 across
        auto *ghosts = f.window.findChild<GhostNoteLayer *>();
        QVERIFY(ghosts);
        f.window.pianoRoll()->viewport()->setTopPitch(127);
        f.window.pianoRoll()->viewport()->setKeyHeight(2);
        f.suggestions->select(1);
        const Suggestion chosen = f.suggestions->candidates()->at(1);
        QVERIFY(chosen.noteCount() > 0);
        // THEN the piano roll scrolls to its bars (3-4, past the view) and draws its notes as
        // ghosts over the score, which is unchanged
        QVERIFY(ghosts->isVisible());
        QCOMPARE(ghosts->ghostNoteCount(), static_cast<int>(chosen.noteCount()));
        ghosts->grab();
        QCOMPARE(ghosts->lastPaintedNoteCount(), static_cast<int>(chosen.noteCount()));
        QCOMPARE(document->score(), before);

        // WHEN it is accepted
        QTest::mouseClick(f.find<QPushButton>(u"suggestionAccept"_s), Qt::LeftButton);
        // THEN it is exactly one undo step giving applySuggestion()'s score; the tray empties
        QCOMPARE(document->undoStack()->count(), 1);
        QCOMPARE(document->score(), applySuggestion(before, chosen));
        QCOMPARE(document->score().noteCount(), before.noteCount() + chosen.noteCount());
        QCOMPARE(f.suggestions->candidates()->count(), 0);
        QVERIFY(!ghosts->isVisible());
        // WHEN undone THEN the score is the original exactly
        document->undoStack()->undo();
        QCOMPARE(document->score(), before);
    }

    void playingLoopsTheCandidateAndSwitchesWithoutStopping()
    {
        qputenv("TUTTI_MODEL", m_tinyModel.toUtf8());
        Fixture f;
        f.askToContinue(2, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!f.suggestions->isBusy(), 20000);
        QCOMPARE(f.suggestions->candidates()->count(), 2);
        auto *audition = f.window.findChild<SuggestionAudition *>();
        audio::PlaybackEngine &engine = f.window.audio()->engine();
        QSignalSpy playing(&f.window.audio()->notifier(), &audio::PlaybackNotifier::playingChanged);
        // WHEN the first candidate is played
        f.suggestions->select(0);
        audition->play();
        // THEN the engine plays, looping from the candidate's first bar
        QTRY_COMPARE(playing.size(), 1);
        QVERIFY(audition->isActive());
        QVERIFY(engine.isPlaying());
        QVERIFY(engine.isLooping());
        QVERIFY(engine.positionTick() >= f.suggestions->candidates()->at(0).firstTick);
        // WHEN the second is selected while playing THEN playback goes on, now with the second
        f.suggestions->select(1);
        QVERIFY(audition->isActive());
        QVERIFY(engine.isPlaying());
        // WHEN the transport is paused THEN the audition ends and the window's loop (off) is back
        engine.pause();
        QTRY_VERIFY(!audition->isActive());
        QVERIFY(!engine.isLooping());
        QVERIFY(!f.window.document()->isModified());
        // WHEN the second is played again and accepted THEN the audition ends, the score plays on
        audition->play();
        QVERIFY(audition->isActive());
        QCOMPARE(f.suggestions->accept(1), QString());
        QVERIFY(!audition->isActive());
        QVERIFY(engine.isPlaying());
        QVERIFY(f.window.document()->isModified());
        engine.stop();
    }

    void cancelStopsALongRequestPromptly()
    {
        qputenv("TUTTI_MODEL", m_slowModel.toUtf8());
        Fixture f;
        QSignalSpy progress(f.suggestions, &SuggestionController::progressChanged);
        QSignalSpy finished(f.suggestions, &SuggestionController::finished);
        // GIVEN a long request (16 candidates of 32 bars: several seconds) under way
        f.askToContinue(16, 32);
        QTRY_VERIFY_WITH_TIMEOUT(f.suggestions->worker()->isRunning() && progress.size() > 1, 20000);
        // WHEN Cancel is pressed
        QTest::mouseClick(f.find<QPushButton>(u"suggestionCancel"_s), Qt::LeftButton);
        // THEN the run ends within 100 ms, reporting that it was cancelled, and the GUI is free
        QTRY_VERIFY_WITH_TIMEOUT(!f.suggestions->isBusy(), 2000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!f.suggestions->worker()->isRunning());
        const qint64 latency = f.suggestions->worker()->lastCancelLatencyMs();
        qInfo("cancel answered in %lld ms", static_cast<long long>(latency));
        QVERIFY(latency >= 0 && latency < 100);
        // AND the candidates, which ran side by side, are kept as far as they came, each
        // marked as cut short
        for (int row = 0; row < f.suggestions->candidates()->count(); ++row)
            QVERIFY(f.suggestions->candidates()->at(row).cancelled);
        QVERIFY(f.find<QLabel>(u"suggestionStatus"_s)->text().startsWith(u"Cancelled"_s));
        QVERIFY(f.find<QPushButton>(u"suggestionGenerate"_s)->isEnabled());
    }

    void closingTheWindowWhileGeneratingIsSafe()
    {
        qputenv("TUTTI_MODEL", m_slowModel.toUtf8());
        // GIVEN a long request under way
        auto *f = new Fixture;
        QSignalSpy progress(f->suggestions, &SuggestionController::progressChanged);
        f->askToContinue(16, 32);
        QTRY_VERIFY_WITH_TIMEOUT(f->suggestions->worker()->isRunning() && progress.size() > 1, 20000);
        // WHEN the window closes and goes away THEN the worker stops at once and nothing crashes
        QElapsedTimer timer;
        timer.start();
        f->window.close();
        delete f;
        QVERIFY(timer.elapsed() < 1000);
        QTest::qWait(50); // anything the worker had posted died with it
    }

    void aCorruptModelIsReportedAndEditingGoesOn_data()
    {
        // Every SoundFont of the search order installed here (FluidR3, the slowest to load,
        // comes first: its status arriving after the error once hid the error).
        QTest::addColumn<QString>("soundFont");
        qunsetenv("TUTTI_SOUNDFONT");
        QStringList seen;
        for (const QString &path : audio::soundFontSearchOrder()) {
            const QString file = QFileInfo(path).canonicalFilePath();
            if (file.isEmpty() || seen.contains(file))
                continue;
            seen << file;
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
        }
        if (seen.isEmpty())
            QTest::newRow("no SoundFont installed") << QString();
    }

    void aCorruptModelIsReportedAndEditingGoesOn()
    {
        QFETCH(QString, soundFont);
        qputenv("TUTTI_SOUNDFONT", soundFont.toUtf8());
        // GIVEN a model file that is not a model
        QTemporaryDir dir;
        QFile broken(dir.filePath(u"broken.safetensors"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("this is not a safetensors file");
        broken.close();
        qputenv("TUTTI_MODEL", broken.fileName().toUtf8());
        Fixture f;
        QSignalSpy finished(f.suggestions, &SuggestionController::finished);
        // WHEN generating
        f.askToContinue(2, 2);
        // THEN the panel and the status bar say the model could not be loaded, and nothing runs
        QTRY_VERIFY(!f.suggestions->isBusy());
        QCOMPARE(finished.size(), 1);
        const QString status = f.find<QLabel>(u"suggestionStatus"_s)->text();
        QVERIFY2(status.startsWith(u"Could not load the music model: "_s) && status.contains(u"broken.safetensors"_s),
                 qPrintable(status));
        const auto *error = f.window.findChild<ErrorNotice *>();
        QCOMPARE(error->text(), status);
        QVERIFY(error->isVisible());
        // AND both still say so once the SoundFont has loaded and the audio status has changed
        const auto *audioStatus = f.window.findChild<QLabel *>(u"audioStatus"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!audioStatus->text().contains(u"loading"_s), 30000);
        QVERIFY2(soundFont.isEmpty() || audioStatus->text().contains(QFileInfo(soundFont).fileName()),
                 qPrintable(audioStatus->text()));
        QCoreApplication::processEvents();
        QCOMPARE(f.find<QLabel>(u"suggestionStatus"_s)->text(), status);
        QCOMPARE(error->text(), status);
        // AND the status bar's notice stays until dismissed
        QTest::mouseClick(f.window.findChild<QToolButton *>(u"errorNoticeDismiss"_s), Qt::LeftButton);
        QVERIFY(error->text().isEmpty());
        QVERIFY(!error->isVisible());
        QCOMPARE(f.suggestions->candidates()->count(), 0);
        QVERIFY(f.find<QPushButton>(u"suggestionGenerate"_s)->isEnabled()); // to try again
        // AND the score can still be edited
        f.window.document()->undoStack()->push(new QUndoCommand(u"nothing"_s));
        QVERIFY(f.window.document()->isModified());
        qunsetenv("TUTTI_SOUNDFONT");
    }

    void continuingNeedsBarsAndSaysHowToChooseThem()
    {
        Fixture f;
        // WHEN no bars are chosen
        Q_EMIT f.window.pianoRoll()->barRangeSelected(0, 0);
        f.find<QComboBox>(u"suggestionMode"_s)->setCurrentIndex(2);
        // THEN Generate is off and the panel says to drag across the ruler's bar numbers
        QVERIFY(!f.find<QPushButton>(u"suggestionGenerate"_s)->isEnabled());
        QVERIFY(f.find<QLabel>(u"suggestionRange"_s)->text().contains(u"drag across the bar numbers"_s));
        // WHEN bars 1-2 are chosen THEN it shows them and what will be written
        Q_EMIT f.window.pianoRoll()->barRangeSelected(0, 3840);
        QVERIFY(f.find<QPushButton>(u"suggestionGenerate"_s)->isEnabled());
        QCOMPARE(f.find<QLabel>(u"suggestionRange"_s)->text(), u"Continues bars 1–2: writes bars 3–10."_s);
    }

    void theFormBecomesTheRequest()
    {
        Fixture f;
        auto *mode = f.find<QComboBox>(u"suggestionMode"_s);
        // WHEN writing for the current tracks' instruments THEN the request names their programs
        mode->setCurrentIndex(1);
        auto *instruments = f.panel->findChild<InstrumentPicker *>();
        QVERIFY(instruments->usesCurrentTracks());
        QCOMPARE(f.panel->request().mode, SuggestionMode::Instruments);
        QCOMPARE(f.panel->request().programs, (std::vector<int>{40, 42}));
        // WHEN flute and clarinet are ticked instead THEN those, in program order
        instruments->setUseCurrentTracks(false);
        instruments->setCheckedPrograms({73, 71});
        QCOMPARE(f.panel->request().programs, (std::vector<int>{71, 73}));
        // WHEN nothing is ticked THEN Generate is off and says why
        instruments->setCheckedPrograms({});
        QVERIFY(!f.find<QPushButton>(u"suggestionGenerate"_s)->isEnabled());
        QCOMPARE(f.panel->requestProblem(), u"Tick at least one instrument."_s);
        // WHEN regenerating THEN the active track is the one rewritten, until others are ticked
        mode->setCurrentIndex(3);
        QCOMPARE(f.panel->request().mode, SuggestionMode::Infill);
        QCOMPARE(f.panel->request().tracks, std::vector<int>{0});
        f.panel->setActiveTrack(1);
        QCOMPARE(f.panel->request().tracks, std::vector<int>{1});
        // WHEN a key is chosen THEN its tonic and mode go with the request
        QCOMPARE(f.panel->request().scaleChoice, ScaleChoice::Any);
        f.find<QComboBox>(u"suggestionKey"_s)->setCurrentIndex(2);
        f.find<QComboBox>(u"suggestionTonic"_s)->setCurrentText(u"D"_s);
        f.find<QComboBox>(u"suggestionScaleMode"_s)->setCurrentText(u"dorian"_s);
        QCOMPARE(f.panel->request().scaleChoice, ScaleChoice::Fixed);
        QCOMPARE(f.panel->request().scale, (Scale{2, ScaleMode::Dorian}));
    }

    void theFormIsRememberedForTheNextStart()
    {
        {
            Fixture f;
            // GIVEN a form changed from its defaults
            QCOMPARE(f.panel->request().mode, SuggestionMode::Continue);
            f.find<QComboBox>(u"suggestionMode"_s)->setCurrentIndex(1);
            f.find<QSpinBox>(u"suggestionLength"_s)->setValue(12);
            f.find<QSpinBox>(u"suggestionCandidates"_s)->setValue(6);
            auto spins = f.panel->findChildren<QDoubleSpinBox *>();
            spins.removeIf([](const QDoubleSpinBox *spin) { return !spin->objectName().isEmpty(); }); // the controls' own
            QCOMPARE(spins.size(), 2);
            spins[0]->setValue(0.8); // temperature
            spins[1]->setValue(0.75); // top-p
            f.find<QComboBox>(u"suggestionKey"_s)->setCurrentIndex(2);
            f.find<QComboBox>(u"suggestionTonic"_s)->setCurrentText(u"D"_s);
            f.find<QComboBox>(u"suggestionScaleMode"_s)->setCurrentText(u"dorian"_s);
            auto *instruments = f.panel->findChild<InstrumentPicker *>();
            instruments->setUseCurrentTracks(false);
            instruments->setCheckedPrograms({73, 71});
        }
        // WHEN the application starts again THEN the form is as it was left
        Fixture f;
        const SuggestionRequest request = f.panel->request();
        QCOMPARE(request.mode, SuggestionMode::Instruments);
        QCOMPARE(request.lengthBars, 12);
        QCOMPARE(request.candidates, 6);
        QCOMPARE(request.sampling.temperature.front(), 0.8f);
        QCOMPARE(request.sampling.topP.front(), 0.75f);
        QCOMPARE(request.scaleChoice, ScaleChoice::Fixed);
        QCOMPARE(request.scale, (Scale{2, ScaleMode::Dorian}));
        QCOMPARE(request.programs, (std::vector<int>{71, 73}));
        QVERIFY(f.find<QSpinBox>(u"suggestionLength"_s)->isVisibleTo(f.panel));
        QVERIFY(f.panel->findChild<InstrumentPicker *>()->isVisibleTo(f.panel));
        QVERIFY(f.find<QComboBox>(u"suggestionTonic"_s)->isVisibleTo(f.panel));
    }

    void theControlsAreRememberedAndGoWithTheRequest()
    {
        NoteControls asked;
        asked.density = DensityChoice::Notes;
        asked.notesPerBar = 6;
        asked.polyphony = 1;
        asked.grid = RhythmGrid::Eighth;
        asked.maxLeap = 5;
        asked.stepPreference = 0.7;
        asked.lowestPitch = 60;
        asked.highestPitch = 79;
        asked.lowestVelocity = 40;
        asked.highestVelocity = 90;
        NoteControls cello;
        cello.polyphony = 2;
        {
            Fixture f;
            // GIVEN the dock's controls filled in, copies allowed, and the cello with controls of its own
            auto *form = f.panel->findChild<NoteControlsForm *>();
            QVERIFY(form);
            QCOMPARE(f.panel->request().controls, NoteControls());
            QVERIFY(f.panel->request().avoidCopies);
            f.find<QComboBox>(u"controlsDensity"_s)->setCurrentIndex(4);
            f.find<QDoubleSpinBox>(u"controlsNotesPerBar"_s)->setValue(6);
            f.find<QSpinBox>(u"controlsPolyphony"_s)->setValue(1);
            f.find<QComboBox>(u"controlsGrid"_s)->setCurrentIndex(2);
            f.find<QSpinBox>(u"controlsMaxLeap"_s)->setValue(5);
            f.find<QComboBox>(u"controlsMotion"_s)->setCurrentIndex(1);
            f.find<QLineEdit>(u"controlsRange"_s)->setText(u"C4-G5"_s);
            f.find<QLineEdit>(u"controlsVelocity"_s)->setText(u"40-90"_s);
            f.find<QCheckBox>(u"suggestionAvoidCopies"_s)->setChecked(false);
            f.panel->findChild<TrackChecklist *>()->setTrackControls(1, cello);
            // THEN the request carries them
            const SuggestionRequest request = f.panel->request();
            QCOMPARE(request.controls, asked);
            QVERIFY(!request.avoidCopies);
            QCOMPARE(request.trackControls.size(), std::size_t(1));
            QCOMPARE(request.trackControls.at(1), cello);
            QVERIFY2(f.panel->requestProblem().isEmpty(), qPrintable(f.panel->requestProblem()));
            // AND a range no instrument of the score can play is refused before anything runs
            f.find<QLineEdit>(u"controlsRange"_s)->setText(u"C8-G8"_s);
            QVERIFY2(f.panel->requestProblem().contains(u"outside the violin's range"_s), qPrintable(f.panel->requestProblem()));
            QVERIFY(!f.find<QPushButton>(u"suggestionGenerate"_s)->isEnabled());
            f.find<QLineEdit>(u"controlsRange"_s)->setText(u"G5-C4"_s);
            QVERIFY(f.panel->requestProblem().contains(u"Pitch range"_s));
            f.find<QLineEdit>(u"controlsRange"_s)->setText(u"C4-G5"_s);
            // AND keeping the rhythm belongs to regenerating
            f.find<QCheckBox>(u"suggestionKeepRhythm"_s)->setChecked(true);
            QVERIFY(!f.panel->request().keepRhythm);
            f.find<QComboBox>(u"suggestionMode"_s)->setCurrentIndex(3);
            QVERIFY(f.panel->request().keepRhythm);
            f.find<QComboBox>(u"suggestionMode"_s)->setCurrentIndex(2);
        }
        // WHEN the application starts again THEN the dock's controls are as they were left
        Fixture f;
        const SuggestionRequest request = f.panel->request();
        QCOMPARE(request.controls, asked);
        QVERIFY(!request.avoidCopies);
        QVERIFY(request.trackControls.empty()); // per-track controls belong to one score's tracks

        // AND a candidate's tooltip says per part what was asked for and what came
        Suggestion suggestion;
        suggestion.seed = 5;
        suggestion.firstTick = 3840;
        suggestion.endTick = 7680;
        PartControlReport part = measureNotes({{3840, 240, 64, 60}, {4080, 240, 69, 60}}, 480, 2.0, asked);
        part.part = u"Violin"_s;
        part.densityAsked = true;
        suggestion.controls.parts.push_back(part);
        f.suggestions->addCandidate(suggestion);
        const QString tip = f.suggestions->candidates()->index(0, CandidateListModel::Notes).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Violin: density 1/bar (asked 6)"_s) && tip.contains(u"largest leap 5 (asked 5)"_s), qPrintable(tip));
    }

    void wrappedLinesAreNotSqueezedInAShortWindow()
    {
        Fixture f;
        // GIVEN the longest texts: no bars chosen, and the model not loaded yet
        Q_EMIT f.window.pianoRoll()->barRangeSelected(0, 0);
        auto *range = f.find<QLabel>(u"suggestionRange"_s);
        QVERIFY(range->text().contains(u"drag across the bar numbers"_s));
        // WHEN the window is made as short as it goes
        f.window.resize(f.window.width(), 1);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QTest::qWait(20);
        // THEN every wrapped line of the form has the height its text needs, clear of the row below
        const auto frame = [&f](const QWidget *widget) { return QRect(widget->mapTo(f.panel, QPoint()), widget->size()); };
        int wrapped = 0;
        for (const QLabel *label : f.panel->findChildren<QLabel *>()) {
            if (!label->wordWrap() || label->text().isEmpty() || !label->isVisibleTo(f.panel))
                continue;
            ++wrapped;
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(u"%1: %2 < %3"_s.arg(label->text()).arg(label->height()).arg(label->heightForWidth(label->width()))));
        }
        QVERIFY(wrapped >= 2);
        QVERIFY(frame(range).bottom() < frame(f.find<QSpinBox>(u"suggestionLength"_s)).top());
    }

    void theFirstRunAlreadyAvoidsCopies()
    {
        qputenv("TUTTI_MODEL", m_tinyModel.toUtf8());
        const auto restore = qScopeGuard([] { qunsetenv("TUTTI_CORPUS_INDEX"); });
        // (a tiny random model writes a note now and then; the density control makes it write
        // eight a bar, a line long enough to copy)
        const auto askForEightNotesABar = [](Fixture &f) {
            f.find<QComboBox>(u"controlsDensity"_s)->setCurrentIndex(4);
            f.find<QDoubleSpinBox>(u"controlsNotesPerBar"_s)->setValue(8);
            f.find<QSpinBox>(u"controlsPolyphony"_s)->setValue(1);
            f.askToContinue(1, 4);
            QTRY_VERIFY_WITH_TIMEOUT(!f.suggestions->isBusy(), 20000);
        };
        // GIVEN the candidate that a run with copies allowed writes from seed 100
        Suggestion copied;
        Score score;
        {
            Fixture f;
            f.find<QCheckBox>(u"suggestionAvoidCopies"_s)->setChecked(false);
            askForEightNotesABar(f);
            QCOMPARE(f.suggestions->candidates()->count(), 1);
            copied = f.suggestions->candidates()->at(0);
            score = f.window.document()->score();
        }
        // AND an originality index whose one training piece is that candidate
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"openscore-quartets/Tiny/Model/sq1"_s, applySuggestion(score, copied)));
        const OriginalityIndex index = std::move(builder).build();
        QVERIFY2(checkSuggestion(index, score, copied).copies(), "the candidate copies the piece made of it");
        const QString indexPath = m_dir.filePath(u"candidate.index"_s);
        QVERIFY2(index.save(indexPath).isEmpty(), "the index is saved");
        qputenv("TUTTI_CORPUS_INDEX", indexPath.toUtf8());
        // WHEN a new window, whose model has not loaded yet, asks for the same with copies avoided
        Fixture f;
        QCOMPARE(f.suggestions->modelLoader()->state(), ModelLoader::State::Idle);
        f.find<QCheckBox>(u"suggestionAvoidCopies"_s)->setChecked(true);
        askForEightNotesABar(f);
        // THEN the index that loaded with the model guarded that first run: no copy is written
        QCOMPARE(f.suggestions->candidates()->count(), 1);
        QVERIFY(!f.suggestions->originalityIndex().isEmpty());
        QVERIFY(!f.suggestions->candidates()->copies(0));
        QVERIFY(applySuggestion(score, f.suggestions->candidates()->at(0)) != applySuggestion(score, copied));
    }

    void theTrayFlagsACandidateThatCopiesATrainingPiece()
    {
        Fixture f;
        // GIVEN an index of one training piece: a 12-note tune of quavers and crotchets
        const std::vector<int> tune = {60, 62, 64, 65, 67, 65, 64, 62, 60, 67, 72, 71};
        Score training;
        training.title = u"String Quartet in E-flat major, Op. 277: Allegro moderato ma con fuoco, quasi una fantasia"_s;
        training.timeSignatures = {{0, 4, 4}};
        Track &line = training.addTrack(u"Violin I"_s, 40);
        Tick at = 0;
        for (std::size_t i = 0; i < tune.size(); ++i) {
            const Tick length = i % 3 == 2 ? 480 : 240;
            line.notes.push_back({at, length, tune[i], 80});
            at += length;
        }
        training.normalize();
        OriginalityIndexBuilder builder;
        QVERIFY(builder.addPiece(u"openscore-quartets/Composer/Work/sq1"_s, training));
        f.suggestions->setOriginalityIndex(std::move(builder).build());
        // AND two candidates for bars 3-5 of a new flute part: the tune a tone higher, and a
        // walk of the same rhythm that no training piece has
        const TimeMap map(f.window.document()->score());
        const auto candidate = [&](std::uint64_t seed, int transpose, bool copy) {
            Suggestion suggestion;
            suggestion.seed = seed;
            suggestion.firstTick = map.barStart(3);
            suggestion.endTick = map.barStart(6);
            SuggestedPart part;
            part.newTrack.name = u"Flute"_s;
            part.newTrack.program = 73;
            for (const Note &note : training.tracks[0].notes) {
                const int pitch = copy ? note.pitch + transpose : 60 + static_cast<int>((note.start * 7 / 240) % 13);
                part.notes.push_back({suggestion.firstTick + note.start, note.length, pitch, 80});
            }
            suggestion.parts.push_back(part);
            return suggestion;
        };
        QSignalSpy messages(f.suggestions, &SuggestionController::message);
        // WHEN they arrive in the tray
        f.suggestions->addCandidate(candidate(1, 2, true));
        f.suggestions->addCandidate(candidate(2, 0, false));
        // THEN the copy is flagged with the piece and its length, and says where it came from
        CandidateListModel *tray = f.suggestions->candidates();
        QVERIFY(tray->copies(0));
        QCOMPARE(tray->originality(0).longest()->notes, 12);
        QCOMPARE(tray->originality(0).longest()->transposition, 2);
        const QModelIndex flag = tray->index(0, CandidateListModel::Originality);
        QCOMPARE(flag.data().toString(), u"⚠ copies %1 (12 notes)"_s.arg(training.title));
        const QString why = flag.data(Qt::ToolTipRole).toString();
        QVERIFY2(why.contains(u"openscore-quartets/Composer/Work/sq1"_s) && why.contains(u"Violin I"_s), qPrintable(why));
        QVERIFY(messages.size() >= 1);
        QVERIFY(messages.first().at(0).toString().startsWith(u"#1 copies the training corpus"_s));
        // AND the other is not
        QVERIFY(!tray->copies(1));
        QVERIFY(tray->index(1, CandidateListModel::Originality).data().toString().isEmpty());
        // AND the tray shows the column
        auto *view = f.panel->findChild<QTableView *>();
        QVERIFY(view && !view->isColumnHidden(CandidateListModel::Originality));
        // AND the flag fits the tray's width (eliding), so no scrolling is needed to see it
        QTRY_VERIFY(view->columnViewportPosition(CandidateListModel::Originality)
                        + view->columnWidth(CandidateListModel::Originality)
                    <= view->viewport()->width());
    }

private:
    QTemporaryDir m_dir;
    QString m_tinyModel;
    QString m_writingModel;
    QString m_slowModel;
    QString m_shippedModel;
};

QTEST_MAIN(TestUiSuggestions)
#include "testuisuggestions.moc"
