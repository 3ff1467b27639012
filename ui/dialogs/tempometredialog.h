// SPDX-License-Identifier: GPL-3.0-or-later
// tempometredialog.h — add, change or remove the tempo and the time signature at one place.
//
// Usage:
//   TempoMetreDialog dialog(document.score(), playhead, this);
//   if (dialog.exec() == QDialog::Accepted)
//       dialog.apply(&document);        // one undoable "Edit Tempo and Metre", or nothing
//
// The tempo belongs to the beat holding the tick, the time signature to the bar holding it.
// A ticked box keeps (or adds) a change there; an unticked one removes it. The start of the
// score always has both, so those boxes stay ticked.
#pragma once

#include "score/score.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace tutti {

class ScoreDocument;

class TempoMetreDialog final : public QDialog
{
    Q_OBJECT

public:
    TempoMetreDialog(const Score &score, Tick at, QWidget *parent = nullptr);

    Tick tempoTick() const { return m_tempoTick; }
    Tick metreTick() const { return m_metreTick; }
    // Pushes the edit onto the document's undo stack; false when nothing changes.
    bool apply(ScoreDocument *document) const;

private:
    std::vector<TempoChange> editedTempos(const Score &score) const;
    std::vector<TimeSignatureChange> editedTimeSignatures(const Score &score) const;

    Tick m_tempoTick;
    Tick m_metreTick;
    int m_inheritedMicroseconds;          // the tempo in force there before any edit
    TimeSignatureChange m_inheritedMetre;
    QCheckBox *m_tempoHere;
    QDoubleSpinBox *m_bpm;
    QCheckBox *m_metreHere;
    QSpinBox *m_numerator;
    QComboBox *m_denominator;
};

} // namespace tutti
// end of tempometredialog.h
