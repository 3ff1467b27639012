// SPDX-License-Identifier: GPL-3.0-or-later
// testmodellibrary.cpp — LibTorch only when a model is needed: the commands that need none
// never load the model library, generate does, and a missing library is a message.
#include "loadedlibraries.h"
#include "tinymodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Child
{
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;
};

// `tutti arguments` with the dynamic loader logging every file it opens to stderr.
Child runLogged(const QStringList &arguments, const QProcessEnvironment &extra = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LD_DEBUG"_s, u"files"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TUTTI_BINARY), arguments);
    Child child;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return child;
    }
    child.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    child.out = QString::fromUtf8(process.readAllStandardOutput());
    child.err = QString::fromUtf8(process.readAllStandardError());
    return child;
}

const QString midiFile = QStringLiteral(TUTTI_TEST_DATA "/midi/conductor-and-two-parts.mid");

} // namespace

class TestModelLibrary final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = tutti::test::saveTinyModel(m_dir.filePath(u"tiny.safetensors"_s), {.layers = 1}, 5);
        QVERIFY(!m_model.isEmpty());
    }

    void commandsWithoutModel_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("output"); // a file the command writes, or empty
        QTest::addColumn<bool>("plays");     // it needs the app library (sound, MIDI, widgets)
        QTest::newRow("--help") << QStringList{u"--help"_s} << QString() << false;
        QTest::newRow("info") << QStringList{u"info"_s} << QString() << false;
        QTest::newRow("info FILE") << QStringList{u"info"_s, midiFile} << QString() << false;
        QTest::newRow("convert") << QStringList{u"convert"_s, midiFile, m_dir.filePath(u"c.musicxml"_s)}
                                 << m_dir.filePath(u"c.musicxml"_s) << false;
        QTest::newRow("render") << QStringList{u"render"_s, midiFile, m_dir.filePath(u"r.wav"_s)}
                                << m_dir.filePath(u"r.wav"_s) << true;
        QTest::newRow("metrics") << QStringList{u"metrics"_s, midiFile} << QString() << false;
    }

    void commandsWithoutModel()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, output);
        QFETCH(bool, plays);
        // WHEN a command that needs no model runs
        const Child child = runLogged(arguments);
        // THEN it works, and its loader opened Tutti's core but neither LibTorch nor the model library,
        // and the synthesizer and widgets only for a command that plays
        QCOMPARE(child.exitCode, 0);
        if (!output.isEmpty())
            QVERIFY2(QFileInfo(output).size() > 0, qPrintable(output));
        const QStringList files = tutti::test::loadedFiles(child.err);
        QVERIFY2(std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return f.contains(u"libtutti_core"_s); }),
                 "the loader log names no libtutti_core: LD_DEBUG=files did not log");
        QVERIFY2(std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return f.contains(u"libQt6Core"_s); }),
                 "the loader log names no Qt");
        for (const QString &file : files)
            QVERIFY2(!tutti::test::isModelLibrary(file), qPrintable(file));
        for (const QString library : {u"libtutti_app"_s, u"libfluidsynth"_s, u"libQt6Widgets"_s}) {
            const bool loaded = std::any_of(files.cbegin(), files.cend(), [&](const QString &f) { return f.contains(library); });
            QVERIFY2(loaded == plays, qPrintable(library + (loaded ? u" loaded"_s : u" not loaded"_s)));
        }
    }

    void generateLoadsTheModelLibrary()
    {
        // GIVEN a tiny model
        QProcessEnvironment extra;
        extra.insert(u"TUTTI_MODEL"_s, m_model);
        // WHEN tutti generate runs on it
        const QString out = m_dir.filePath(u"new.mid"_s);
        const Child child = runLogged({u"generate"_s, u"--mode"_s, u"new"_s, u"--length"_s, u"1"_s, u"--seed"_s,
                                       u"2"_s, u"--allow-copies"_s, u"--out"_s, out}, extra);
        // THEN it writes the piece, through the model library and LibTorch it loaded
        QVERIFY2(child.exitCode == 0, qPrintable(child.out + child.err.right(2000)));
        QVERIFY(QFileInfo(out).size() > 0);
        const QStringList files = tutti::test::loadedFiles(child.err);
        QVERIFY(std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return f.contains(u"libtutti_model.so"_s); }));
        QVERIFY(std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return f.contains(u"libtorch_cpu"_s); }));
        // And in this process too: the model initTestCase made loaded it
        QVERIFY(tutti::test::modelLibraryMapped());
    }

    void missingLibraryIsAMessage()
    {
        // GIVEN a libtutti_core.so with no model library beside it, found before the build's
        const QStringList mapped = tutti::test::mappedFiles();
        const auto core = std::find_if(mapped.cbegin(), mapped.cend(), [](const QString &f) {
            return QFileInfo(f).fileName().startsWith(u"libtutti_core"_s);
        });
        QVERIFY(core != mapped.cend());
        QDir lonely(m_dir.filePath(u"lonely"_s));
        QVERIFY(QDir().mkpath(lonely.path()));
        QVERIFY(QFile::copy(*core, lonely.filePath(QFileInfo(*core).fileName())));
        QProcessEnvironment extra;
        extra.insert(u"LD_LIBRARY_PATH"_s, lonely.path());
        extra.insert(u"TUTTI_MODEL"_s, m_model);
        // WHEN generate needs the model
        const Child child = runLogged({u"generate"_s, u"--mode"_s, u"new"_s, u"--length"_s, u"1"_s, u"--out"_s,
                                       m_dir.filePath(u"none.mid"_s)}, extra);
        // THEN it says why, and exits without crashing; commands without a model still work
        QCOMPARE(child.exitCode, 1);
        QVERIFY2(child.err.contains(u"Tutti's model library could not be loaded: "_s + lonely.filePath(u"libtutti_model.so"_s)),
                 qPrintable(child.err.right(2000)));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"none.mid"_s)));
        QCOMPARE(runLogged({u"info"_s, midiFile}, extra).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestModelLibrary)
#include "testmodellibrary.moc"
