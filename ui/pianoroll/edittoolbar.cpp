// SPDX-License-Identifier: GPL-3.0-or-later
// edittoolbar.cpp — the snap grid chooser, kept in step with the NoteEditor.
#include "edittoolbar.h"

#include "edit/noteeditor.h"
#include "edit/noteedits.h"

#include <QComboBox>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace tutti {

EditToolBar::EditToolBar(NoteEditor *editor, QWidget *parent)
    : QToolBar(u"Edit"_s, parent)
    , m_grid(new QComboBox(this))
{
    setObjectName(u"editToolBar"_s);
    for (const SnapGrid &grid : snapGrids())
        m_grid->addItem(grid.name);
    m_grid->setCurrentIndex(editor->gridIndex());
    m_grid->setToolTip(u"Snap grid for drawing, moving and resizing notes (hold Alt while dragging to ignore it)"_s);
    addWidget(new QLabel(u" Grid "_s, this));
    addWidget(m_grid);
    connect(m_grid, &QComboBox::currentIndexChanged, editor, &NoteEditor::setGridIndex);
    connect(editor, &NoteEditor::gridIndexChanged, m_grid, &QComboBox::setCurrentIndex);
}

} // namespace tutti
// end of edittoolbar.cpp
