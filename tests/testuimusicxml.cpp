// SPDX-License-Identifier: GPL-3.0-or-later
// testuimusicxml.cpp — MusicXML in the GUI: the import preference and its per-file override,
// and File > Export MusicXML.
#include "dialogs/musicxmlimportdialog.h"
#include "edit/scoredocument.h"
#include "io/scorefile.h"
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

const QString voltas = QStringLiteral(TUTTI_TEST_DATA) + u"/musicxml/voltas.musicxml"_s;

QAction *menuAction(QMainWindow &window, const QString &text)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

// Answers the next file dialog with `path` (a modal dialog would block the test).
void answerNextFileDialog(const QString &path)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, [poll, path] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QFileDialog *>(widget);
            if (dialog && dialog->isVisible()) {
                // The dialog fills in its own suggested name as its folder loads; until the
                // name we give has stuck, try again on the next tick.
                dialog->selectFile(path);
                if (dialog->selectedFiles() != QStringList{path})
                    return;
                poll->deleteLater();
                QMetaObject::invokeMethod(dialog, "accept");
                return;
            }
        }
    });
    poll->start(10);
}

} // namespace

class TestUiMusicXml final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
    }

    void init() { QSettings().remove(u"musicxml"_s); }

    void openingFollowsThePreference()
    {
        MainWindow window;
        // GIVEN no preference saved: repeats are played out where unambiguous
        QVERIFY(window.openFile(voltas));
        QCOMPARE(window.document()->score().noteCount(), std::size_t{13});
        QVERIFY(window.document()->lastPlayback().startsWith(u"repeats played out"_s));
        // WHEN the preference says to keep repeats as written
        MusicXmlOptions written;
        MusicXmlImportDialog::save(written, true);
        QVERIFY(window.openFile(voltas));
        // THEN the next file opens that way
        QCOMPARE(window.document()->score().noteCount(), std::size_t{8});
        QVERIFY(window.document()->lastPlayback().startsWith(u"repeats as written"_s));
        // AND a per-file choice overrides it for that file only
        QVERIFY(window.openFile(voltas, MusicXmlOptions::forListening()));
        QCOMPARE(window.document()->score().noteCount(), std::size_t{13});
        QCOMPARE(MusicXmlImportDialog::savedOptions().expandRepeats, false);
    }

    void dialogOverridesOnceOrRemembers()
    {
        // GIVEN the dialog for one file, set to keep repeats and play tremolos
        {
            MusicXmlImportDialog dialog(voltas);
            QCOMPARE(dialog.options().expandRepeats, true); // starts from the default preference
            dialog.findChild<QComboBox *>(u"repeats"_s)->setCurrentIndex(2);
            dialog.findChild<QCheckBox *>(u"tremolos"_s)->setChecked(true);
            dialog.accept();
            // THEN its options say so, and the preference is untouched
            QCOMPARE(dialog.options().expandRepeats, false);
            QCOMPARE(dialog.options().expandTremolos, true);
            QCOMPARE(MusicXmlImportDialog::savedOptions().expandRepeats, true);
        }
        // WHEN "use for every file" is ticked, or the preference itself is edited
        {
            MusicXmlImportDialog dialog(voltas);
            dialog.findChild<QComboBox *>(u"repeats"_s)->setCurrentIndex(1);
            dialog.findChild<QCheckBox *>(u"remember"_s)->setChecked(true);
            dialog.findChild<QCheckBox *>(u"ask"_s)->setChecked(false);
            dialog.accept();
        }
        // THEN it is remembered: always play out, and do not ask on open
        QCOMPARE(MusicXmlImportDialog::savedOptions().expandRepeats, true);
        QCOMPARE(MusicXmlImportDialog::savedOptions().onlyUnambiguousRepeats, false);
        QCOMPARE(MusicXmlImportDialog::askOnOpen(), false);
        {
            MusicXmlImportDialog preferences{QString()};
            QVERIFY(!preferences.findChild<QCheckBox *>(u"remember"_s)->isVisibleTo(&preferences));
            preferences.findChild<QComboBox *>(u"repeats"_s)->setCurrentIndex(0);
            preferences.accept();
        }
        QCOMPARE(MusicXmlImportDialog::savedOptions().onlyUnambiguousRepeats, true);
    }

    void exportMusicXmlWritesTheScore()
    {
        // GIVEN a window with the voltas score played out
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openFile(voltas));
        QAction *exportAction = menuAction(window, u"Export Music&XML..."_s);
        QVERIFY(exportAction);
        // WHEN File > Export MusicXML is chosen and a .mxl name given
        const QString path = dir.filePath(u"voltas-out.mxl"_s);
        answerNextFileDialog(path);
        exportAction->trigger();
        // THEN the file holds the same notes as the open score
        QTRY_VERIFY(QFileInfo::exists(path));
        ScoreReadResult back = readScoreFile(path);
        QVERIFY2(back.ok(), qPrintable(back.error));
        Score expected = window.document()->score();
        back.score.setTicksPerQuarter(expected.ticksPerQuarter);
        QCOMPARE(back.score.tracks.size(), expected.tracks.size());
        for (std::size_t i = 0; i < expected.tracks.size(); ++i)
            QCOMPARE(back.score.tracks[i].notes, expected.tracks[i].notes);
        QVERIFY(menuAction(window, u"MusicXML &Import Options..."_s));
    }
};

QTEST_MAIN(TestUiMusicXml)
#include "testuimusicxml.moc"
