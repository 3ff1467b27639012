// SPDX-License-Identifier: GPL-3.0-or-later
// testuistartup.cpp — the main window shows without the model library (LibTorch); the
// model's background load brings it in.
#include "loadedlibraries.h"
#include "generation/logitsource.h"
#include "mainwindow/mainwindow.h"
#include "model/internal/safetensors.h"
#include "model/modelconfig.h"
#include "model/modelloader.h"
#include "model/transformermodel.h"
#include "representation/event.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

namespace {

// A model file of small random weights, written without the model library (which making a
// TransformerModel would load).
QString writeModelFile(const QString &path)
{
    tutti::ModelConfig config;
    config.layers = 1;
    config.width = 32;
    config.heads = 2;
    std::mt19937 rng(4);
    std::normal_distribution<float> weight(0.0f, 0.02f);
    std::vector<std::vector<float>> storage;
    std::vector<tutti::safetensors::TensorView> views;
    for (const tutti::ParameterShape &parameter : tutti::parameterShapes(config)) {
        std::int64_t count = 1;
        for (const std::int64_t size : parameter.shape)
            count *= size;
        std::vector<float> &values = storage.emplace_back(static_cast<std::size_t>(count));
        for (float &value : values)
            value = weight(rng);
        views.push_back({parameter.name, parameter.shape, values});
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(tutti::safetensors::write(views, config.toMetadata())) < 0)
        return {};
    return path;
}

} // namespace

class TestUiStartup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void windowShowsBeforeTheModelLibraryLoads()
    {
        // GIVEN a fresh process: nothing has asked for a model
        QVERIFY(!tutti::test::mappedFiles().filter(u"libtutti_core"_s).isEmpty());
        QVERIFY(!tutti::test::modelLibraryMapped());
        // WHEN the main window is made, shown and left to settle
        tutti::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300);
        // THEN LibTorch is still not loaded
        QVERIFY(!tutti::test::modelLibraryMapped());

        // WHEN a model loads in the background, as the first Generate does
        QTemporaryDir dir;
        const QString path = writeModelFile(dir.filePath(u"tiny.safetensors"_s));
        QVERIFY(!path.isEmpty());
        QVERIFY(!tutti::test::modelLibraryMapped());
        tutti::ModelLoader loader(path, nullptr);
        QSignalSpy loaded(&loader, &tutti::ModelLoader::loaded);
        loader.load();
        // THEN the model library comes in with it, and the model works
        QVERIFY(loaded.wait(60000));
        QVERIFY(tutti::test::modelLibraryMapped());
        QVERIFY(tutti::test::mappedFiles().filter(u"libtutti_model.so"_s).size() == 1);
        QCOMPARE(loader.model()->config().layers, 1);
        const std::unique_ptr<tutti::LogitSource> session = tutti::ModelLoader::newSession(*loader.model());
        const tutti::Event start = tutti::Event::ofType(tutti::EventType::StartOfSong);
        session->append(std::span(&start, 1));
        QCOMPARE(session->length(), 1);
    }
};

QTEST_MAIN(TestUiStartup)
#include "testuistartup.moc"
