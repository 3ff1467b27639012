// SPDX-License-Identifier: GPL-3.0-or-later
// testuimodel.cpp — Model > Personalize…, Model > Training Data… (Opt Out) and the
// Suggestions dock's model chooser, on a small corpus and a tiny model.
#include "analysis/originalityindexbuilder.h"
#include "io/midifile.h"
#include "model/personalization.h"
#include "representation/corpus.h"
#include "model/modelchooser.h"
#include "model/modeljob.h"
#include "model/personalizedialog.h"
#include "model/personalmodels.h"
#include "model/trainingdatadialog.h"
#include "score/score.h"
#include "model/modelloader.h"
#include "tinymodel.h"

#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

#include <random>

using namespace Qt::StringLiterals;

namespace {

void writeQuartets(const QString &directory, int pieces, int seed)
{
    std::mt19937 rng(static_cast<unsigned>(seed));
    QDir().mkpath(directory);
    for (int piece = 0; piece < pieces; ++piece) {
        tutti::Score score;
        for (int part = 0; part < 4; ++part) {
            tutti::Track &track = score.addTrack(u"part %1"_s.arg(part), part < 2 ? 40 : 41 + part - 2);
            track.channel = part;
            for (int note = 0; note < 24; ++note)
                track.notes.push_back({note * 480, 480, 48 + 7 * (3 - part) + static_cast<int>(rng() % 12), 80});
        }
        QVERIFY(tutti::writeMidiFile(score, QDir(directory).filePath(u"piece%1.mid"_s.arg(piece))).isEmpty());
    }
}

} // namespace

class TestUiModel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(tutti::personalModelDirectory()).removeRecursively();
        m_model = tutti::test::saveTinyModel(m_dir.filePath(u"tiny.safetensors"_s), {.layers = 1, .context = 256}, 2);
        QVERIFY(!m_model.isEmpty());
        // The "training corpora" Personalize scores and Training Data lists: a small one.
        writeQuartets(m_dir.filePath(u"corpus"_s), 40, 9);
        qputenv("TUTTI_TRAINING_DATA", m_dir.filePath(u"corpus"_s).toUtf8());
        // The model's own originality index (its companion): the corpus it was "trained" on.
        tutti::OriginalityIndexBuilder index;
        QVERIFY(index.addCorpus(tutti::findCorpusPieces({m_dir.filePath(u"corpus"_s)})).isEmpty());
        QCOMPARE(std::move(index).build().save(tutti::companionIndexPath(m_model)), QString());
    }

    void oneJobRunsModelFreeWorkInTurn()
    {
        // GIVEN the background model job without a model, running work that waits to be released
        tutti::ModelJob job(nullptr);
        QSignalSpy logged(&job, &tutti::ModelJob::logged);
        QSignalSpy progressed(&job, &tutti::ModelJob::progressed);
        QSignalSpy failed(&job, &tutti::ModelJob::failed);
        QStringList done;
        std::atomic<bool> release{false};
        job.run([&release](const tutti::ModelJob::Context &context) -> tutti::ModelJob::Done {
            context.log(u"first"_s);
            context.progress(1, 2);
            while (!release.load())
                QThread::msleep(1);
            return {};
        });
        QVERIFY(job.isRunning());

        // WHEN two more are queued while it runs, the newer replacing the older
        job.run([&done](const tutti::ModelJob::Context &) -> tutti::ModelJob::Done { return [&done] { done << u"second"_s; }; });
        job.run([&done](const tutti::ModelJob::Context &) -> tutti::ModelJob::Done { return [&done] { done << u"third"_s; }; });
        QVERIFY(job.isWaiting());
        release.store(true);

        // THEN the log and progress reached the GUI thread and only the newest waiting work ran
        QTRY_COMPARE(done, QStringList{u"third"_s});
        QTRY_VERIFY(!job.isRunning());
        QCOMPARE(logged.size(), 1);
        QCOMPARE(logged.first().first().toString(), u"first"_s);
        QCOMPARE(progressed.size(), 1);
        QCOMPARE(progressed.first().at(1).toInt(), 2);

        // AND cancel() raises the running work's stop request
        job.run([&done](const tutti::ModelJob::Context &context) -> tutti::ModelJob::Done {
            while (!context.stopRequested())
                QThread::msleep(1);
            return [&done] { done << u"stopped"_s; };
        });
        job.cancel();
        QTRY_COMPARE(done.size(), 2);
        QCOMPARE(done.last(), u"stopped"_s);

        // AND work that needs a model fails clearly when the job has none
        job.start([](const tutti::TransformerModel &, const tutti::ModelJob::Context &) -> tutti::ModelJob::Done { return {}; });
        QCOMPARE(failed.size(), 1);
        QVERIFY(!job.isRunning());
    }

    void personalizeWritesAModelAndReports()
    {
        // GIVEN the dialog with a folder of four pieces
        const QString mine = m_dir.filePath(u"mine"_s);
        writeQuartets(mine, 4, 3);
        tutti::PersonalizeDialog dialog(m_model);
        dialog.addFolder(mine);
        dialog.setSteps(3);
        dialog.setModelName(u"my quartets"_s);
        QSignalSpy written(&dialog, &tutti::PersonalizeDialog::modelWritten);
        QSignalSpy finished(&dialog, &tutti::PersonalizeDialog::runFinished);

        // WHEN it runs
        dialog.start();
        QVERIFY(finished.wait(60000));

        // THEN the model is in the user's data folder and the report gives before and after
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(written.size(), 1);
        const QString path = written.first().first().toString();
        QCOMPARE(QFileInfo(path).fileName(), u"my quartets.safetensors"_s);
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(QFileInfo::exists(QFileInfo(path).path() + u"/my quartets.index"_s));
        QVERIFY2(dialog.report().contains(u"your held-out pieces: "_s), qPrintable(dialog.report()));
        QVERIFY(dialog.report().contains(u" -> "_s));
    }

    void chooserListsPersonalModelsAndPointsTheLoaderAtThem()
    {
        tutti::ModelLoader loader;
        tutti::ModelChooser chooser(&loader);
        QVERIFY(chooser.count() >= 2);
        QCOMPARE(chooser.itemText(0), u"Shipped model"_s);
        const int row = chooser.findText(u"my quartets"_s);
        QVERIFY(row > 0);
        QSignalSpy loaded(&loader, &tutti::ModelLoader::loaded);
        chooser.setCurrentIndex(row);
        Q_EMIT chooser.activated(row);
        QCOMPARE(loader.path(), chooser.itemData(row).toString());
        loader.load();
        QVERIFY(loaded.wait(30000));
        // the personal model's index: the 40 pieces of the model's own index and the 4 added
        QVERIFY2(loader.originalityDescription().contains(u"44 training pieces"_s), qPrintable(loader.originalityDescription()));
    }

    void trainingDataListsWorksAndOptsOut()
    {
        // GIVEN the dialog over a corpus with held-out pieces
        const QString corpus = m_dir.filePath(u"corpus"_s);
        tutti::TrainingDataDialog dialog(m_model, {corpus});
        QCOMPARE(dialog.workCount(), 40);
        QCOMPARE(dialog.table()->model()->rowCount(), 40);
        QCOMPARE(dialog.table()->model()->headerData(0, Qt::Horizontal).toString(), u"Key"_s);
        dialog.table()->selectRow(0);
        QCOMPARE(dialog.selectedKeys(), QStringList{u"corpus/piece0"_s});
        QSignalSpy written(&dialog, &tutti::TrainingDataDialog::modelWritten);
        QSignalSpy finished(&dialog, &tutti::TrainingDataDialog::runFinished);

        // WHEN the selected work is opted out
        dialog.optOut(dialog.selectedKeys(), 20);
        QVERIFY(finished.wait(120000));

        // THEN a new model comes with the report of the checks
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(written.size(), 1);
        QVERIFY(QFileInfo::exists(written.first().first().toString()));
        QVERIFY2(dialog.report().contains(u"retained validation"_s), qPrintable(dialog.report()));
        QVERIFY(dialog.report().contains(u"corpus/piece0: NLL per note"_s));
    }
};

QTEST_MAIN(TestUiModel)
#include "testuimodel.moc"
