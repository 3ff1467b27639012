// SPDX-License-Identifier: GPL-3.0-or-later
// systemnoteclipboard.cpp — the editor's clipboard to and from QClipboard.
#include "systemnoteclipboard.h"

#include "edit/noteclipboard.h"
#include "edit/noteeditor.h"
#include "edit/scoredocument.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace tutti {

SystemNoteClipboard::SystemNoteClipboard(NoteEditor *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    connect(editor, &NoteEditor::copied, this, &SystemNoteClipboard::publish);
    // Direct: the editor's clipboard must be current before paste() reads it.
    connect(editor, &NoteEditor::aboutToPaste, this, &SystemNoteClipboard::fetch, Qt::DirectConnection);
}

void SystemNoteClipboard::publish()
{
    auto *mime = new QMimeData;
    mime->setData(noteClipboardMimeType,
                  encodeClipboardNotes(m_editor->clipboard(), m_editor->document()->score().ticksPerQuarter));
    QGuiApplication::clipboard()->setMimeData(mime);
}

void SystemNoteClipboard::fetch()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (mime == nullptr || !mime->hasFormat(noteClipboardMimeType))
        return;
    std::optional<std::vector<Note>> notes = decodeClipboardNotes(mime->data(noteClipboardMimeType),
                                                                  m_editor->document()->score().ticksPerQuarter);
    if (notes)
        m_editor->setClipboard(std::move(*notes));
}

} // namespace tutti
// end of systemnoteclipboard.cpp
