// SPDX-License-Identifier: GPL-3.0-or-later
// systemnoteclipboard.h — mirrors the piano roll's note clipboard on the system clipboard as
// application/x-tutti-notes, so notes copied in one running Tutti paste into another.
//
// Usage:
//   new SystemNoteClipboard(noteEditor, parent);   // nothing else: it follows the editor
//
// After every copy or cut the notes go to the system clipboard. Just before a paste, notes
// found there (copied here or in another Tutti) replace the editor's own clipboard; when it
// holds something else (text, an image), the editor pastes its own last copy.
#pragma once

#include <QObject>

namespace tutti {

class NoteEditor;

class SystemNoteClipboard final : public QObject
{
    Q_OBJECT

public:
    explicit SystemNoteClipboard(NoteEditor *editor, QObject *parent = nullptr);

private:
    void publish();
    void fetch();

    NoteEditor *m_editor;
};

} // namespace tutti
// end of systemnoteclipboard.h
