// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlimportdialog.h — how a MusicXML file is read: its repeats and tremolos, once or always.
//
// Usage:
//   MusicXmlImportDialog dialog(u"quartet.mxl"_s, this);     // starts from the saved preference
//   if (dialog.exec() == QDialog::Accepted)
//       document.open(path, dialog.options());              // saves the preference if asked to
//   MusicXmlOptions usual = MusicXmlImportDialog::savedOptions();   // without asking
//
// The preference lives in QSettings (musicxml/repeats: "unambiguous", "always" or "never";
// musicxml/playTremolos; musicxml/askOnOpen). Without a file name the dialog edits the
// preference itself; with one, its choices hold for that file unless "Use these settings
// for every MusicXML file" is ticked.
#pragma once

#include "io/musicxml.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace tutti {

class MusicXmlImportDialog final : public QDialog
{
    Q_OBJECT

public:
    // `fileName` empty: edit the preference.
    explicit MusicXmlImportDialog(const QString &fileName, QWidget *parent = nullptr);

    MusicXmlOptions options() const;

    static MusicXmlOptions savedOptions(); // the preference; forListening() until one is saved
    static bool askOnOpen();               // true until the user turns it off
    static void save(const MusicXmlOptions &options, bool askOnOpen);

    void accept() override; // saves the preference when asked to

private:

    bool m_editsPreference;
    QComboBox *m_repeats;
    QCheckBox *m_tremolos;
    QCheckBox *m_remember;
    QCheckBox *m_ask;
};

} // namespace tutti
// end of musicxmlimportdialog.h
