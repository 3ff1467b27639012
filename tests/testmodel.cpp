// SPDX-License-Identifier: GPL-3.0-or-later
// testmodel.cpp — the transformer: shapes, causality, KV cache, loss, files (attention maps: testmodelattention.cpp).
#include "model/generationsession.h"
#include "model/trainer.h"
#include "model/transformermodel.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

ModelConfig tinyConfig()
{
    ModelConfig config;
    config.layers = 2;
    config.width = 32;
    config.heads = 4;
    config.context = 64;
    config.dropout = 0.0;
    return config;
}

std::unique_ptr<TransformerModel> tinyModel(std::uint64_t seed = 3)
{
    QString error;
    std::unique_ptr<TransformerModel> model = TransformerModel::create(tinyConfig(), seed, error);
    if (!model)
        qFatal("%s", qPrintable(error));
    return model;
}

std::vector<Event> song(int notes)
{
    std::vector<Event> events = {Event::ofType(EventType::StartOfSong), Event::instrumentEvent(25),
                                 Event::instrumentEvent(27), Event::ofType(EventType::StartOfNotes)};
    for (int i = 0; i < notes; ++i)
        events.push_back(Event::note(i / 3, (i * 5) % 12, 48 + (i * 7) % 30, 1 + i % 32, i % 2 ? 25 : 27));
    events.push_back(Event::ofType(EventType::EndOfSong));
    return events;
}

bool rowsClose(std::span<const float> a, std::span<const float> b, float tolerance)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::abs(a[i] - b[i]) > tolerance)
            return false;
    }
    return true;
}

} // namespace

class TestModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardGivesLogitsForEveryFieldAndPosition()
    {
        // GIVEN a tiny model and a 25-event song
        const auto model = tinyModel();
        const std::vector<Event> events = song(20);
        // WHEN it runs over the whole sequence
        const SequenceLogits logits = model->logits(events);
        // THEN each field has T rows of its vocabulary, all finite
        QCOMPARE(logits.events, 25);
        for (int field = 0; field < fieldCount; ++field) {
            QCOMPARE(logits.fields[field].size(), std::size_t(25 * fieldVocabularySizes[field]));
            QVERIFY(std::all_of(logits.fields[field].begin(), logits.fields[field].end(), [](float v) { return std::isfinite(v); }));
        }
        // AND the parameter count follows the tensor layout
        QCOMPARE(model->parameterCount(), parameterCount(tinyConfig()));
        ModelConfig standard;
        QVERIFY(parameterCount(standard) > 3'500'000 && parameterCount(standard) < 4'000'000);
    }

    void laterEventsDoNotChangeEarlierLogits()
    {
        // GIVEN two songs that differ only from event 12 on
        const auto model = tinyModel();
        std::vector<Event> a = song(20);
        std::vector<Event> b = a;
        b[12].pitch = 100;
        b[15].instrument = 25;
        // WHEN both run
        const SequenceLogits la = model->logits(a);
        const SequenceLogits lb = model->logits(b);
        // THEN rows 0..11 agree and row 12 differs
        for (int field = 0; field < fieldCount; ++field) {
            for (int t = 0; t < 12; ++t)
                QVERIFY(rowsClose(la.row(static_cast<Field>(field), t), lb.row(static_cast<Field>(field), t), 1e-5f));
        }
        QVERIFY(!rowsClose(la.row(Field::Pitch, 12), lb.row(Field::Pitch, 12), 1e-5f));
    }

    void cachedDecodingMatchesFullRecompute()
    {
        // GIVEN a model, a prompt of 6 events and 30 more events fed one at a time
        const auto model = tinyModel();
        const std::vector<Event> events = song(32);
        const SequenceLogits full = model->logits(events);
        // (float32 weights in the step: its bfloat16 copy is held to the float32 step in
        // testmodelbf16weights)
        setDecodingWeights(DecodingWeights::Float32);
        const auto automatic = qScopeGuard([] { setDecodingWeights(DecodingWeights::Automatic); });
        GenerationSession cached(*model);
        GenerationSession recomputed(*model, KvCacheMode::Recompute);
        // WHEN both sessions see the same events
        const auto check = [&](const EventLogits &logits, int row) {
            for (int field = 0; field < fieldCount; ++field)
                QVERIFY(rowsClose(logits.fields[field], full.row(static_cast<Field>(field), row), 1e-4f));
        };
        check(cached.append(std::span(events).first(6)), 5);
        check(recomputed.append(std::span(events).first(6)), 5);
        for (int t = 6; t < 36; ++t) {
            // THEN every step's logits equal the full pass's row for that position
            check(cached.append(std::span(events).subspan(t, 1)), t);
            check(recomputed.append(std::span(events).subspan(t, 1)), t);
        }
        QCOMPARE(cached.length(), 36);
        // AND a reset session starts again from nothing, reusing its cache
        cached.reset();
        check(cached.append(std::span(events).first(3)), 2);
        // AND one event at a time from the very first event, over the stale cache, agrees too
        cached.reset();
        for (int t = 0; t < 36; ++t)
            check(cached.append(std::span(events).subspan(t, 1)), t);
    }

    void lossIgnoresPadding()
    {
        // GIVEN a short and a long song
        const auto model = tinyModel();
        const std::vector<Event> shortSong = song(5);
        const std::vector<Event> longSong = song(40);
        // WHEN the short one is scored alone and padded to 50 events
        const std::array<double, fieldCount> alone = sequenceLoss(*model, {shortSong});
        const std::array<double, fieldCount> padded = sequenceLoss(*model, {shortSong}, 50);
        // THEN padding changes nothing
        for (int field = 0; field < fieldCount; ++field)
            QVERIFY(std::abs(alone[field] - padded[field]) < 1e-5);
        // AND in a batch, the mean weighs the real targets of both songs (not the padding)
        const std::array<double, fieldCount> longAlone = sequenceLoss(*model, {longSong});
        const std::array<double, fieldCount> both = sequenceLoss(*model, {shortSong, longSong});
        const double shortTargets = double(shortSong.size() - 1);
        const double longTargets = double(longSong.size() - 1);
        for (int field = 0; field < fieldCount; ++field) {
            const double expected = (alone[field] * shortTargets + longAlone[field] * longTargets) / (shortTargets + longTargets);
            QVERIFY(std::abs(both[field] - expected) < 1e-4);
        }
    }

    void saveAndLoadRoundTrip()
    {
        // GIVEN a model saved with extra metadata
        const auto model = tinyModel(11);
        QTemporaryDir directory;
        const QString path = directory.filePath(u"tiny.safetensors"_s);
        QCOMPARE(model->save(path, {{u"training_step"_s, u"42"_s}}), QString());
        // WHEN it is loaded again
        QString error;
        const auto loaded = TransformerModel::load(path, error);
        QVERIFY2(loaded, qPrintable(error));
        // THEN config, metadata and outputs are identical
        QCOMPARE(loaded->config(), model->config());
        QCOMPARE(loaded->metadata().at(u"training_step"_s), u"42"_s);
        const std::vector<Event> events = song(8);
        QCOMPARE(loaded->logits(events).fields, model->logits(events).fields);
        // AND the file is exactly header + parameters
        QVERIFY(QFileInfo(path).size() > parameterCount(tinyConfig()) * 4);
        QVERIFY(QFileInfo(path).size() < parameterCount(tinyConfig()) * 4 + 8192);
    }

    void damagedFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<int>("cut");
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<QByteArray>("with");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated data") << 100 << QByteArray() << QByteArray() << u"outside the data"_s;
        QTest::newRow("too short") << -1 << QByteArray() << QByteArray() << u"shorter than"_s;
        QTest::newRow("wrong dtype") << 0 << "\"F32\""_ba << "\"F16\""_ba << u"F32"_s;
        QTest::newRow("renamed tensor") << 0 << "\"position\""_ba << "\"pozition\""_ba << u"'position' is missing"_s;
        QTest::newRow("other representation") << 0 << "\"representation_version\":\"1\""_ba
                                              << "\"representation_version\":\"7\""_ba << u"representation version"_s;
        QTest::newRow("other format") << 0 << "\"tutti-mmt\""_ba << "\"tutti-xyz\""_ba << u"not a Tutti music transformer"_s;
        QTest::newRow("layer count") << 0 << "\"layers\":\"2\""_ba << "\"layers\":\"3\""_ba << u"missing"_s;
        QTest::newRow("broken json") << 0 << "{"_ba << "["_ba << u"not a JSON object"_s;
    }

    void damagedFilesAreRefusedWithAReason()
    {
        QFETCH(int, cut);
        QFETCH(QByteArray, replace);
        QFETCH(QByteArray, with);
        QFETCH(QString, reason);
        // GIVEN a valid model file, damaged in one way
        const auto model = tinyModel();
        QTemporaryDir directory;
        const QString path = directory.filePath(u"m.safetensors"_s);
        QCOMPARE(model->save(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        if (cut > 0)
            bytes.chop(cut);
        else if (cut < 0)
            bytes = bytes.left(5);
        if (!replace.isEmpty()) {
            const qsizetype at = bytes.indexOf(replace);
            QVERIFY(at >= 0);
            QCOMPARE(replace.size(), with.size()); // keep the header length right
            bytes.replace(at, replace.size(), with);
        }
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        // WHEN it is loaded
        QString error;
        const auto loaded = TransformerModel::load(path, error);
        // THEN loading fails with a message naming the file and the problem
        QVERIFY(!loaded);
        QVERIFY2(error.startsWith(path) && error.contains(reason), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestModel)
#include "testmodel.moc"
