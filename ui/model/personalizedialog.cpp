// SPDX-License-Identifier: GPL-3.0-or-later
// personalizedialog.cpp — folders, steps, progress, cancel and the before/after report.
#include "model/personalizedialog.h"

#include "model/modeljob.h"
#include "model/optout.h"
#include "model/personalization.h"
#include "model/personalmodels.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tutti {

PersonalizeDialog::PersonalizeDialog(const QString &modelPath, QWidget *parent)
    : QDialog(parent)
    , m_modelPath(modelPath)
    , m_folders(new QListWidget(this))
    , m_name(new QLineEdit(u"personal"_s, this))
    , m_steps(new QSpinBox(this))
    , m_progress(new QProgressBar(this))
    , m_report(new QPlainTextEdit(this))
    , m_start(new QPushButton(u"&Start"_s, this))
    , m_cancel(new QPushButton(u"&Cancel"_s, this))
    , m_remove(new QPushButton(u"&Remove"_s, this))
    , m_job(new ModelJob(nullptr, this))
{
    setWindowTitle(u"Personalize the Model"_s);
    m_steps->setRange(1, 5000);
    m_steps->setValue(PersonalizationOptions().steps);
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(u"The negative log-likelihood per note before and after, on your held-out pieces and "
                                 "on the training corpora's validation pieces, appears here."_s);
    auto *add = new QPushButton(u"&Add Folder…"_s, this);
    auto *folderButtons = new QHBoxLayout;
    folderButtons->addWidget(add);
    folderButtons->addWidget(m_remove);
    folderButtons->addStretch();
    auto *form = new QFormLayout;
    form->addRow(u"Model name:"_s, m_name);
    form->addRow(u"Steps:"_s, m_steps);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(u"Folders of your own music (MIDI or MusicXML); every fourth piece is held out to "
                                 "measure the result:"_s, this));
    layout->addWidget(m_folders);
    layout->addLayout(folderButtons);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);
    resize(640, 520);

    connect(add, &QPushButton::clicked, this, &PersonalizeDialog::chooseFolder);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        delete m_folders->currentItem();
        updateButtons();
    });
    connect(m_folders, &QListWidget::currentRowChanged, this, &PersonalizeDialog::updateButtons);
    connect(m_start, &QPushButton::clicked, this, &PersonalizeDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_job, &ModelJob::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_job, &ModelJob::logged, m_report, &QPlainTextEdit::appendPlainText);
    connect(m_job, &ModelJob::progressed, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    updateButtons();
}

void PersonalizeDialog::addFolder(const QString &folder)
{
    if (m_folders->findItems(folder, Qt::MatchExactly).isEmpty())
        m_folders->addItem(folder);
    updateButtons();
}

void PersonalizeDialog::setSteps(int steps)
{
    m_steps->setValue(steps);
}

void PersonalizeDialog::setModelName(const QString &name)
{
    m_name->setText(name);
}

QString PersonalizeDialog::report() const
{
    return m_report->toPlainText();
}

void PersonalizeDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, u"Add a Folder of Your Music"_s);
    if (!folder.isEmpty())
        addFolder(folder);
}

void PersonalizeDialog::updateButtons()
{
    const bool running = m_job->isRunning();
    m_start->setEnabled(!running && m_folders->count() > 0 && !m_modelPath.isEmpty());
    m_cancel->setEnabled(running);
    m_remove->setEnabled(!running && m_folders->currentItem());
    m_steps->setEnabled(!running);
    m_name->setEnabled(!running);
}

void PersonalizeDialog::start()
{
    if (m_job->isRunning())
        return;
    PersonalizationOptions options;
    for (int i = 0; i < m_folders->count(); ++i)
        options.dataDirectories << m_folders->item(i)->text();
    options.modelPath = m_modelPath;
    options.output = personalModelPath(m_name->text());
    options.generalDirectories = trainingDirectories(m_modelPath);
    options.steps = m_steps->value();
    m_report->clear();
    m_progress->setRange(0, options.steps);
    m_progress->setValue(0);
    m_job->run([this, options](const ModelJob::Context &context) -> ModelJob::Done {
        PersonalizationReport report;
        const QString error = personalize(options, {context.log, context.progress, [&context] { return context.stopRequested(); }}, report);
        return [this, error, report, output = options.output] { finish(error, report, output); };
    });
    updateButtons();
}

void PersonalizeDialog::finish(const QString &error, const PersonalizationReport &report, const QString &output)
{
    updateButtons();
    if (!error.isEmpty())
        m_report->appendPlainText(u"\nCould not personalize: "_s + error);
    else if (report.cancelled)
        m_report->appendPlainText(u"\nCancelled: nothing was written."_s);
    else {
        m_report->appendPlainText(u"\n"_s + report.describe() + u"\nmodel: "_s + output);
        Q_EMIT modelWritten(output);
    }
    Q_EMIT runFinished(error);
}

} // namespace tutti
// end of personalizedialog.cpp
