// SPDX-License-Identifier: GPL-3.0-or-later
// instrumentpicker.cpp — the General MIDI tree and the "current tracks" switch.
#include "instrumentpicker.h"

#include "representation/instruments.h"
#include "score/generalmidi.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int programCount = 128;
constexpr int programsPerFamily = 8;
constexpr int programRole = Qt::UserRole;

} // namespace

InstrumentPicker::InstrumentPicker(QWidget *parent)
    : QWidget(parent)
    , m_useTracks(new QCheckBox(u"Use the current tracks' instruments"_s, this))
    , m_tree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_useTracks);
    layout->addWidget(m_tree);
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(140);
    // Only programs the model has an instrument for: a tick must mean something it can write.
    for (int family = 0; family < programCount / programsPerFamily; ++family) {
        QTreeWidgetItem *familyItem = nullptr;
        for (int program = family * programsPerFamily; program < (family + 1) * programsPerFamily; ++program) {
            if (instrumentForProgram(program) == 0)
                continue;
            if (!familyItem) {
                familyItem = new QTreeWidgetItem(m_tree, {generalMidiFamilyName(program)});
                familyItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
                familyItem->setCheckState(0, Qt::Unchecked);
            }
            auto *item = new QTreeWidgetItem(familyItem, {generalMidiProgramName(program)});
            item->setData(0, programRole, program);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Unchecked);
        }
    }
    m_useTracks->setChecked(true);
    m_tree->setEnabled(false);
    connect(m_useTracks, &QCheckBox::toggled, this, [this](bool use) {
        m_tree->setEnabled(!use);
        Q_EMIT changed();
    });
    connect(m_tree, &QTreeWidget::itemChanged, this, &InstrumentPicker::changed);
}

bool InstrumentPicker::usesCurrentTracks() const
{
    return m_useTracks->isChecked();
}

void InstrumentPicker::setUseCurrentTracks(bool use)
{
    m_useTracks->setChecked(use);
}

std::vector<int> InstrumentPicker::checkedPrograms() const
{
    std::vector<int> programs;
    for (int family = 0; family < m_tree->topLevelItemCount(); ++family) {
        const QTreeWidgetItem *familyItem = m_tree->topLevelItem(family);
        for (int i = 0; i < familyItem->childCount(); ++i) {
            const QTreeWidgetItem *item = familyItem->child(i);
            if (item->checkState(0) == Qt::Checked)
                programs.push_back(item->data(0, programRole).toInt());
        }
    }
    return programs;
}

void InstrumentPicker::setCheckedPrograms(const std::vector<int> &programs)
{
    for (int family = 0; family < m_tree->topLevelItemCount(); ++family) {
        QTreeWidgetItem *familyItem = m_tree->topLevelItem(family);
        for (int i = 0; i < familyItem->childCount(); ++i) {
            QTreeWidgetItem *item = familyItem->child(i);
            const bool wanted = std::find(programs.begin(), programs.end(), item->data(0, programRole).toInt())
                != programs.end();
            item->setCheckState(0, wanted ? Qt::Checked : Qt::Unchecked);
        }
    }
}

std::vector<int> InstrumentPicker::programs(const Score &score) const
{
    if (!usesCurrentTracks())
        return checkedPrograms();
    std::set<int> programs;
    for (const Track &track : score.tracks) {
        if (!track.isDrum && instrumentForProgram(track.program) != 0)
            programs.insert(track.program);
    }
    return {programs.begin(), programs.end()};
}

} // namespace tutti
// end of instrumentpicker.cpp
