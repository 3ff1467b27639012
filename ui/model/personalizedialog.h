// SPDX-License-Identifier: GPL-3.0-or-later
// personalizedialog.h — Model > Personalize…: fine-tune the model on the composer's folders.
//
// Usage:
//   auto *dialog = new PersonalizeDialog(tutti::defaultModelPath(), this);
//   connect(dialog, &PersonalizeDialog::modelWritten, chooser, &Chooser::refresh);
//   dialog->show();
//
// The composer adds folders of MIDI or MusicXML, names the model and chooses the steps;
// Start runs personalize() (core/model/personalization.h) off the GUI thread with a progress
// bar and Cancel, then shows its before/after report. The model and its originality index
// go to the user's data folder (personalmodels.h).
#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace tutti {

class ModelJob;
struct PersonalizationReport;

class PersonalizeDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PersonalizeDialog(const QString &modelPath, QWidget *parent = nullptr);

    // For tests: folders as if added with Add Folder…
    void addFolder(const QString &folder);
    void setSteps(int steps);
    void setModelName(const QString &name);
    void start();
    QString report() const;

Q_SIGNALS:
    void modelWritten(const QString &path);
    void runFinished(const QString &error); // empty on success or cancel

private:
    void chooseFolder();
    void updateButtons();
    void finish(const QString &error, const PersonalizationReport &report, const QString &output);

    QString m_modelPath;
    QListWidget *m_folders;
    QLineEdit *m_name;
    QSpinBox *m_steps;
    QProgressBar *m_progress;
    QPlainTextEdit *m_report;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_remove;
    ModelJob *m_job;
};

} // namespace tutti
// end of personalizedialog.h
