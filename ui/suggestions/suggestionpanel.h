// SPDX-License-Identifier: GPL-3.0-or-later
// suggestionpanel.h — the Suggestions dock: what to ask the model for, and the candidate tray.
//
// Usage:
//   auto *panel = new SuggestionPanel(suggestions, audition, this);
//   connect(ruler, &Ruler::barRangeSelected, panel, &SuggestionPanel::setBarRange);
//   connect(tracks, &TrackListPanel::activeTrackChanged, panel, &SuggestionPanel::setActiveTrack);
//
// Top: mode, bars, length, instruments (Instruments) or tracks (Continue: per-track
// controls; Regenerate: which tracks, too), key, the musical controls (density, polyphony,
// grid, leap, ranges; keep the rhythm; no copying), sampling, seed and candidate count,
// then Generate / Cancel and a progress bar. A candidate's tooltip says per part what the
// controls asked for and what it got. Below: one row per
// candidate as it arrives; selecting one shows it as ghost notes, Play loops it in context
// (another selection while playing switches to it), Accept keeps it as one undo step.
// The panel holds no state of its own beyond its form: SuggestionController has the rest.
// The form (mode, length, instruments, key, controls, sampling, candidates; not the seed nor
// the per-track controls, which belong to one score's tracks) is kept in
// QSettings under "suggestions/" as it changes, and restored when the panel is made.
#pragma once

#include "generation/suggestion.h"

#include <QWidget>

#include <map>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTableView;

namespace tutti {

class InstrumentPicker;
class ModelLoader;
class NoteControlsForm;
class SuggestionAudition;
class SuggestionController;
class TrackChecklist;

class SuggestionPanel final : public QWidget
{
    Q_OBJECT

public:
    SuggestionPanel(SuggestionController *suggestions, SuggestionAudition *audition, QWidget *parent = nullptr);

    void setBarRange(Tick begin, Tick end); // the ruler's bar selection; begin == end: none
    void setActiveTrack(int track);

    // What Generate asks for now, and why it cannot (empty when it can).
    SuggestionRequest request() const;
    QString requestProblem() const;

    void generate();  // as the Generate button: a random seed unless "Fixed" is ticked
    void cancel();

private:
    QWidget *createForm(ModelLoader *loader);
    // Rows of the form: a label and its field, or one widget across both columns. A grid, not
    // a QFormLayout: the form's word-wrapped lines need their height for the width they get,
    // and QFormLayout asked for less than it then took, squeezing rows in a short dock.
    void addFormRow(const QString &label, QWidget *field, Qt::Alignment labelAlignment = Qt::AlignVCenter);
    void addFormRow(const QString &label, QLayout *field);
    void addFormRow(QWidget *across);
    void addFormRow(QLayout *across);
    void setFormRowVisible(QWidget *field, bool visible); // the field and its label
    QWidget *createTray();
    void restoreForm();
    void saveForm() const;
    void showMessage(const QString &text);
    void modeChanged();
    void updateRange();   // the bars line, after the range, mode, length or score change
    void updateButtons();
    void fitTrayColumns(); // all but the copy flag, which stretches
    void updateMinimumWidth(); // the form's, and room for the scroll bar beside it
    void syncTraySelection(int row);
    int trayRow() const;  // the tray's selected row, -1 when none
    SuggestionMode mode() const;

    SuggestionController *m_suggestions;
    SuggestionAudition *m_audition;
    Tick m_rangeBegin = 0;
    Tick m_rangeEnd = 0;

    QScrollArea *m_scroll = nullptr;
    QGridLayout *m_form = nullptr;
    std::map<QWidget *, QLabel *> m_formLabels; // each labelled widget row's label, for setFormRowVisible
    QLabel *m_model = nullptr;
    QComboBox *m_mode = nullptr;
    QLabel *m_range = nullptr;
    QSpinBox *m_length = nullptr;
    InstrumentPicker *m_instruments = nullptr;
    TrackChecklist *m_tracks = nullptr;
    QComboBox *m_scale = nullptr;
    QComboBox *m_tonic = nullptr;
    QComboBox *m_scaleMode = nullptr;
    QWidget *m_fixedScale = nullptr;
    NoteControlsForm *m_controls = nullptr;
    QCheckBox *m_keepRhythm = nullptr;
    QCheckBox *m_avoidCopies = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QDoubleSpinBox *m_topP = nullptr;
    QCheckBox *m_fixedSeed = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_candidates = nullptr;
    QPushButton *m_generate = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_tray = nullptr;
    QPushButton *m_play = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_discardAll = nullptr;
};

} // namespace tutti
// end of suggestionpanel.h
