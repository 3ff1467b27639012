// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlimportdialog.cpp — repeats and tremolos for one MusicXML file, or for all of them.
#include "musicxmlimportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QString repeatsKey = u"musicxml/repeats"_s;
const QString tremolosKey = u"musicxml/playTremolos"_s;
const QString askKey = u"musicxml/askOnOpen"_s;

// Combo box rows and the settings values they stand for.
const QStringList repeatValues = {u"unambiguous"_s, u"always"_s, u"never"_s};

int repeatRow(const MusicXmlOptions &options)
{
    if (!options.expandRepeats)
        return 2;
    return options.onlyUnambiguousRepeats ? 0 : 1;
}

} // namespace

MusicXmlImportDialog::MusicXmlImportDialog(const QString &fileName, QWidget *parent)
    : QDialog(parent)
    , m_editsPreference(fileName.isEmpty())
    , m_repeats(new QComboBox(this))
    , m_tremolos(new QCheckBox(u"Play &tremolos out as repeated notes"_s, this))
    , m_remember(new QCheckBox(u"&Use these settings for every MusicXML file"_s, this))
    , m_ask(new QCheckBox(u"&Ask each time a MusicXML file is opened"_s, this))
{
    setWindowTitle(m_editsPreference ? u"MusicXML Import Options"_s : u"Open MusicXML"_s);
    m_repeats->setObjectName(u"repeats"_s);
    m_tremolos->setObjectName(u"tremolos"_s);
    m_remember->setObjectName(u"remember"_s);
    m_ask->setObjectName(u"ask"_s);
    m_repeats->addItems({u"Play out where the score is unambiguous"_s, u"Always play out"_s,
                         u"Keep as written (each bar once)"_s});
    const MusicXmlOptions saved = savedOptions();
    m_repeats->setCurrentIndex(repeatRow(saved));
    m_tremolos->setChecked(saved.expandTremolos);
    m_ask->setChecked(askOnOpen());
    m_remember->setVisible(!m_editsPreference);

    auto *layout = new QVBoxLayout(this);
    if (!m_editsPreference)
        layout->addWidget(new QLabel(u"How should Tutti play %1?"_s.arg(QFileInfo(fileName).fileName()), this));
    auto *form = new QFormLayout;
    form->addRow(u"&Repeats, voltas, D.C./D.S.:"_s, m_repeats);
    layout->addLayout(form);
    layout->addWidget(m_tremolos);
    layout->addWidget(m_remember);
    layout->addWidget(m_ask);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &MusicXmlImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

MusicXmlOptions MusicXmlImportDialog::options() const
{
    MusicXmlOptions options;
    options.expandRepeats = m_repeats->currentIndex() != 2;
    options.onlyUnambiguousRepeats = m_repeats->currentIndex() == 0;
    options.expandTremolos = m_tremolos->isChecked();
    return options;
}

void MusicXmlImportDialog::accept()
{
    if (m_editsPreference || m_remember->isChecked())
        save(options(), m_ask->isChecked());
    else
        QSettings().setValue(askKey, m_ask->isChecked());
    QDialog::accept();
}

MusicXmlOptions MusicXmlImportDialog::savedOptions()
{
    const QSettings settings;
    MusicXmlOptions options = MusicXmlOptions::forListening();
    const int row = repeatValues.indexOf(settings.value(repeatsKey).toString());
    if (row >= 0) {
        options.expandRepeats = row != 2;
        options.onlyUnambiguousRepeats = row == 0;
    }
    options.expandTremolos = settings.value(tremolosKey, options.expandTremolos).toBool();
    return options;
}

bool MusicXmlImportDialog::askOnOpen()
{
    return QSettings().value(askKey, true).toBool();
}

void MusicXmlImportDialog::save(const MusicXmlOptions &options, bool askOnOpen)
{
    QSettings settings;
    settings.setValue(repeatsKey, repeatValues.at(repeatRow(options)));
    settings.setValue(tremolosKey, options.expandTremolos);
    settings.setValue(askKey, askOnOpen);
}

} // namespace tutti
// end of musicxmlimportdialog.cpp
