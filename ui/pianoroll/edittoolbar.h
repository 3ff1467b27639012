// SPDX-License-Identifier: GPL-3.0-or-later
// edittoolbar.h — the piano roll's editing toolbar: the snap grid (whole note to 1/32,
// with triplets). Holding Alt while dragging ignores the grid.
#pragma once

#include <QToolBar>

class QComboBox;

namespace tutti {

class NoteEditor;

class EditToolBar final : public QToolBar
{
    Q_OBJECT

public:
    explicit EditToolBar(NoteEditor *editor, QWidget *parent = nullptr);

    QComboBox *gridBox() const { return m_grid; }

private:
    QComboBox *m_grid;
};

} // namespace tutti
// end of edittoolbar.h
