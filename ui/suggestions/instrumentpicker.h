// SPDX-License-Identifier: GPL-3.0-or-later
// instrumentpicker.h — choosing the instruments a new piece is written for.
//
// Usage:
//   auto *picker = new InstrumentPicker(this);
//   connect(picker, &InstrumentPicker::changed, this, &Panel::updateButtons);
//   std::vector<int> programs = picker->programs(score);   // General MIDI, ascending
//
// Either "Use the current tracks" (every pitched track's program) or General MIDI programs
// ticked in a tree grouped by family. Programs the model has no instrument for (sound
// effects and the like) are left out.
#pragma once

#include "score/score.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QTreeWidget;

namespace tutti {

class InstrumentPicker final : public QWidget
{
    Q_OBJECT

public:
    explicit InstrumentPicker(QWidget *parent = nullptr);

    bool usesCurrentTracks() const;
    void setUseCurrentTracks(bool use);
    std::vector<int> checkedPrograms() const;
    void setCheckedPrograms(const std::vector<int> &programs);
    // What to ask for: the current tracks' programs, or the ticked ones.
    std::vector<int> programs(const Score &score) const;

Q_SIGNALS:
    void changed();

private:
    QCheckBox *m_useTracks;
    QTreeWidget *m_tree;
};

} // namespace tutti
// end of instrumentpicker.h
