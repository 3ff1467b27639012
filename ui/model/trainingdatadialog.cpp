// SPDX-License-Identifier: GPL-3.0-or-later
// trainingdatadialog.cpp — the training works' table with Opt Out, progress and the report.
#include "model/trainingdatadialog.h"

#include "model/modeljob.h"
#include "model/optout.h"
#include "model/personalmodels.h"
#include "model/trainingworkmodel.h"

#include <QDateTime>
#include <QFileInfo>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tutti {

TrainingDataDialog::TrainingDataDialog(const QString &modelPath, const QStringList &dataDirectories, QWidget *parent)
    : QDialog(parent)
    , m_modelPath(modelPath)
    , m_dataDirectories(dataDirectories)
    , m_works(new TrainingWorkModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_report(new QPlainTextEdit(this))
    , m_optOut(new QPushButton(u"&Opt Out…"_s, this))
    , m_cancel(new QPushButton(u"&Cancel"_s, this))
    , m_job(new ModelJob(nullptr, this))
{
    setWindowTitle(u"Training Data"_s);
    m_works->setWorks(trainingWorks(dataDirectories));
    m_sorted->setSourceModel(m_works);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TrainingWorkModel::Key, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_summary->setText(dataDirectories.isEmpty()
                           ? u"The training corpora were not found (set TUTTI_TRAINING_DATA to their folders)."_s
                           : u"%1 works the model %2 was trained on. Select works and choose Opt Out to take them out "
                             "of a copy of the model."_s.arg(workCount()).arg(QFileInfo(modelPath).fileName()));
    m_summary->setWordWrap(true);
    m_report->setReadOnly(true);
    m_report->setMaximumBlockCount(2000);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_optOut, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_progress);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);
    resize(1000, 640);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrainingDataDialog::updateButtons);
    connect(m_optOut, &QPushButton::clicked, this, [this] {
        const QStringList keys = selectedKeys();
        if (QMessageBox::question(this, u"Opt Out"_s,
                                  u"Take %1 work(s) out of a copy of the model? This runs on the CPU for some minutes."_s
                                      .arg(keys.size()))
            == QMessageBox::Yes)
            optOut(keys);
    });
    connect(m_cancel, &QPushButton::clicked, m_job, &ModelJob::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_job, &ModelJob::logged, m_report, &QPlainTextEdit::appendPlainText);
    connect(m_job, &ModelJob::progressed, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    updateButtons();
}

int TrainingDataDialog::workCount() const
{
    return m_works->rowCount();
}

QStringList TrainingDataDialog::selectedKeys() const
{
    QStringList keys;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        keys << m_works->work(m_sorted->mapToSource(index).row()).key;
    return keys;
}

QString TrainingDataDialog::report() const
{
    return m_report->toPlainText();
}

void TrainingDataDialog::updateButtons()
{
    const bool running = m_job->isRunning();
    m_optOut->setEnabled(!running && !m_modelPath.isEmpty() && m_table->selectionModel()->hasSelection());
    m_cancel->setEnabled(running);
}

void TrainingDataDialog::optOut(const QStringList &keys, int maxSteps)
{
    if (m_job->isRunning())
        return;
    OptOutOptions options;
    options.dataDirectories = m_dataDirectories;
    options.modelPath = m_modelPath;
    options.keys = keys;
    options.maxSteps = maxSteps;
    options.output = personalModelPath(u"opt-out "_s + QDateTime::currentDateTime().toString(u"yyyy-MM-dd hh-mm-ss"_s));
    m_report->clear();
    m_progress->setRange(0, options.maxSteps);
    m_progress->setValue(0);
    m_job->run([this, options](const ModelJob::Context &context) -> ModelJob::Done {
        OptOutReport report;
        const QString error = tutti::optOut(options, {context.log, context.progress, [&context] { return context.stopRequested(); }}, report);
        return [this, error, report, output = options.output] { finish(error, report, output); };
    });
    updateButtons();
}

void TrainingDataDialog::finish(const QString &error, const OptOutReport &report, const QString &output)
{
    updateButtons();
    if (!error.isEmpty()) {
        m_report->appendPlainText(u"\nCould not opt out: "_s + error);
    } else {
        m_report->appendPlainText(u"\n"_s + report.describe() + u"\nmodel: "_s + output);
        Q_EMIT modelWritten(output);
    }
    Q_EMIT runFinished(error);
}

} // namespace tutti
// end of trainingdatadialog.cpp
