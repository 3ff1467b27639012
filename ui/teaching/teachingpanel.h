// SPDX-License-Identifier: GPL-3.0-or-later
// teachingpanel.h — the Teaching dock: let the model write a few notes, then step through
// them one by one and see what it was choosing between.
//
// Usage (MainWindow):
//   auto *panel = new TeachingPanel(document, pianoRoll, modelLoader, this);
//   connect(pianoRoll, &PianoRollEditor::barRangeSelected, panel, &TeachingPanel::setRange);
//   panel->setRequestSource([form] { return form->request(); });   // the Suggestions form
//   panel->setActive(dock->isVisible());   // the strip and the written notes show only then
//
// Generate records, on a worker thread, one candidate of what Generate in the Suggestions
// dock writes (core/generation/teachingrun.h): the same request, from the form that
// setRequestSource() names, with the same masks and sampling; without a source it continues
// the chosen bars (bars 1-4 when none are). Each step shows the note written and, per field,
// the top candidates with their probabilities and the entropy. The written notes appear over
// the piano roll up to the current step, and an entropy strip under it shows where the
// model was sure.
#pragma once

#include "generation/suggestion.h"
#include "score/score.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;

namespace tutti {

class EntropyStrip;
class FieldDistributionView;
class ModelLoader;
class PianoRollEditor;
class ScoreDocument;
class TeachingOverlay;
class TeachingRunner;
struct TeachingRun;

class TeachingPanel final : public QWidget
{
    Q_OBJECT

public:
    TeachingPanel(ScoreDocument *document, PianoRollEditor *pianoRoll, ModelLoader *loader, QWidget *parent = nullptr);

    using RequestSource = std::function<SuggestionRequest()>;
    void setRequestSource(RequestSource source);
    void setRange(Tick begin, Tick end);
    void setActive(bool active);
    void generate();
    void showNote(int index); // into the run's notes

    const TeachingRun *run() const { return m_run.get(); }
    int currentNote() const { return m_current; }
    EntropyStrip *entropyStrip() const { return m_strip; }
    FieldDistributionView *distributionView() const { return m_distribution; }
    QString choiceText() const;

Q_SIGNALS:
    void runShown(); // a new recording is ready to step through

private:
    void showRun(std::shared_ptr<const TeachingRun> run);
    QString codeLabel(int field, int code) const;
    void updateButtons();

    ScoreDocument *m_document;
    PianoRollEditor *m_pianoRoll;
    TeachingRunner *m_runner;
    TeachingOverlay *m_overlay;
    EntropyStrip *m_strip;
    FieldDistributionView *m_distribution;
    QSpinBox *m_notes;
    QPushButton *m_generate;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QToolButton *m_first;
    QToolButton *m_previous;
    QToolButton *m_play;
    QToolButton *m_next;
    QToolButton *m_last;
    QSlider *m_slider;
    QLabel *m_status;
    QLabel *m_choice;
    QTimer *m_playTimer;
    RequestSource m_requestSource;
    std::shared_ptr<const TeachingRun> m_run;
    Tick m_rangeBegin = 0;
    Tick m_rangeEnd = 0;
    int m_current = -1;
    bool m_active = false;
};

} // namespace tutti
// end of teachingpanel.h
