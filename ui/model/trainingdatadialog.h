// SPDX-License-Identifier: GPL-3.0-or-later
// trainingdatadialog.h — Model > Training Data…: every training work, and Opt Out.
//
// Usage:
//   auto *dialog = new TrainingDataDialog(tutti::defaultModelPath(), tutti::shippedTrainingDirectories(), this);
//   connect(dialog, &TrainingDataDialog::modelWritten, chooser, &Chooser::refresh);
//   dialog->show();
//
// A table (TrainingWorkModel) lists each work with composer, title, corpus, licence,
// attribution and source. Opt Out takes the selected works out of the model with optOut()
// (core/model/optout.h) off the GUI thread, with progress and Cancel, and shows the checks'
// report; the new model, its index and card go to the user's data folder.
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tutti {

class ModelJob;
struct OptOutReport;
class TrainingWorkModel;

class TrainingDataDialog final : public QDialog
{
    Q_OBJECT

public:
    TrainingDataDialog(const QString &modelPath, const QStringList &dataDirectories, QWidget *parent = nullptr);

    int workCount() const;
    QTableView *table() const { return m_table; }
    QStringList selectedKeys() const;
    void optOut(const QStringList &keys, int maxSteps = 300);
    QString report() const;

Q_SIGNALS:
    void modelWritten(const QString &path);
    void runFinished(const QString &error);

private:
    void updateButtons();
    void finish(const QString &error, const OptOutReport &report, const QString &output);

    QString m_modelPath;
    QStringList m_dataDirectories;
    TrainingWorkModel *m_works;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPlainTextEdit *m_report;
    QPushButton *m_optOut;
    QPushButton *m_cancel;
    ModelJob *m_job;
};

} // namespace tutti
// end of trainingdatadialog.h
