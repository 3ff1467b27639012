// SPDX-License-Identifier: GPL-3.0-or-later
// testmodeltraining.cpp — `tutti train`: bf16, data-parallel workers over Gloo, exclusions.
#include "io/midifile.h"
#include "model/internal/modelfile.h"
#include "model/trainer.h"
#include "model/transformermodel.h"
#include "runtutti.h"
#include "score/score.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cmath>
#include <numeric>
#include <cstring>
#include <netinet/in.h>
#include <random>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A corpus of `pieces` random four-part string pieces, written as MIDI files.
void writeCorpus(const QString &directory, int pieces)
{
    std::mt19937 rng(7);
    for (int piece = 0; piece < pieces; ++piece) {
        tutti::Score score;
        for (int part = 0; part < 4; ++part) {
            tutti::Track &track = score.addTrack(u"part %1"_s.arg(part), part < 2 ? 40 : 41 + part - 2);
            track.channel = part;
            for (int note = 0; note < 48; ++note)
                track.notes.push_back({note * 240, 240, 48 + 7 * (3 - part) + static_cast<int>(rng() % 12), 80});
        }
        QVERIFY(tutti::writeMidiFile(score, QDir(directory).filePath(u"piece%1.mid"_s.arg(piece))).isEmpty());
    }
}

// Arguments that train a tiny fp32 model deterministically for a few steps.
QStringList tinyTraining(const QString &data, const QString &cache, const QString &out)
{
    return {u"train"_s, u"--data"_s, data, u"--out"_s, out, u"--cache"_s, cache, u"--steps"_s, u"3"_s,
            u"--batch"_s, u"4"_s, u"--layers"_s, u"1"_s, u"--width"_s, u"32"_s, u"--heads"_s, u"2"_s,
            u"--dropout"_s, u"0"_s, u"--warmup"_s, u"1"_s, u"--precision"_s, u"fp32"_s,
            u"--checkpoint-minutes"_s, u"100"_s};
}

std::vector<float> weightsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    tutti::ModelFile model;
    if (!tutti::readModelFile(file.readAll(), path, model).isEmpty())
        return {};
    std::vector<float> weights;
    for (const tutti::ParameterShape &parameter : tutti::parameterShapes(model.config)) {
        const tutti::safetensors::TensorEntry *entry = model.file.find(parameter.name);
        const std::size_t count = static_cast<std::size_t>(entry->end - entry->begin) / sizeof(float);
        const std::size_t at = weights.size();
        weights.resize(at + count);
        std::memcpy(weights.data() + at, model.file.data(*entry), count * sizeof(float));
    }
    return weights;
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

} // namespace

class TestModelTraining final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_scratch;
    QString m_data;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        m_data = m_scratch.filePath(u"corpus"_s);
        QVERIFY(QDir().mkpath(m_data));
        writeCorpus(m_data, 6);
    }

    void twoWorkersEndWithTheWeightsOfOneProcess()
    {
        // GIVEN one process, and two workers on loopback, with the same global batch of 4
        const QString alone = m_scratch.filePath(u"alone.safetensors"_s);
        const QString pair = m_scratch.filePath(u"pair.safetensors"_s);
        const tutti::test::Run one = tutti::test::runTutti(tinyTraining(m_data, m_scratch.filePath(u"cache"_s), alone), 120000);
        QVERIFY2(one.exitCode == 0, qPrintable(one.out + one.err));
        const tutti::test::Run two = tutti::test::runTutti(
            tinyTraining(m_data, m_scratch.filePath(u"cache"_s), pair) << u"--workers"_s << u"2"_s, 120000);
        QVERIFY2(two.exitCode == 0, qPrintable(two.out + two.err));
        QVERIFY(two.out.contains(u"2 process(es)"_s));

        // THEN after 3 steps both hold the same weights (the resume checkpoints: the last step's)
        const std::vector<float> a = weightsOf(m_scratch.filePath(u"alone.resume.safetensors"_s));
        const std::vector<float> b = weightsOf(m_scratch.filePath(u"pair.resume.safetensors"_s));
        QVERIFY(!a.empty());
        QCOMPARE(a.size(), b.size());
        const std::vector<float> start = [&] {
            // the same tiny model, untrained, shows that the steps moved the weights at all
            QStringList arguments = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"zero.safetensors"_s));
            arguments[arguments.indexOf(u"--steps"_s) + 1] = u"1"_s;
            tutti::test::runTutti(arguments, 120000);
            return weightsOf(m_scratch.filePath(u"zero.resume.safetensors"_s));
        }();
        double largest = 0.0;
        double moved = 0.0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            largest = std::max(largest, static_cast<double>(std::abs(a[i] - b[i])));
            moved = std::max(moved, static_cast<double>(std::abs(a[i] - start[i])));
        }
        QVERIFY2(largest < 1e-4, qPrintable(u"weights differ by up to %1"_s.arg(largest)));
        QVERIFY2(moved > 1e-3, qPrintable(u"steps 2-3 moved the weights by only %1"_s.arg(moved)));
    }

    void aDeadRankStopsTheOthersWithAClearError()
    {
        // GIVEN two ranks of a long run on loopback
        const int port = freeLoopbackPort();
        QVERIFY(port > 0);
        std::array<QProcess, 2> ranks;
        for (int rank = 0; rank < 2; ++rank) {
            QStringList arguments = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"dead.safetensors"_s));
            arguments[arguments.indexOf(u"--steps"_s) + 1] = u"1000000"_s;
            arguments << u"--rendezvous"_s << u"127.0.0.1:%1"_s.arg(port) << u"--rank"_s << QString::number(rank)
                      << u"--world-size"_s << u"2"_s << u"--threads"_s << u"1"_s;
            ranks[rank].setProcessChannelMode(QProcess::MergedChannels);
            ranks[rank].start(QStringLiteral(TUTTI_BINARY), arguments);
        }
        // WHEN they train, and then rank 1 is killed
        QString said;
        QElapsedTimer clock;
        clock.start();
        while (!said.contains(u"step 10/"_s) && clock.elapsed() < 60000) {
            ranks[0].waitForReadyRead(200);
            said += QString::fromUtf8(ranks[0].readAll());
        }
        QVERIFY2(said.contains(u"step 10/"_s), qPrintable(said));
        ranks[1].kill();
        ranks[1].waitForFinished();
        // THEN rank 0 stops by itself, soon, saying why
        QVERIFY2(ranks[0].waitForFinished(30000), "rank 0 hung after its peer died");
        said += QString::fromUtf8(ranks[0].readAll());
        QCOMPARE(ranks[0].exitCode(), 1);
        QVERIFY2(said.contains(u"lost the training group"_s), qPrintable(said.right(600)));
    }

    void bf16TrainsWhereTheCpuHasItAndIsRefusedElsewhere()
    {
        QStringList arguments = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"bf16.safetensors"_s));
        arguments[arguments.indexOf(u"--precision"_s) + 1] = u"bf16"_s;
        const tutti::test::Run forced = tutti::test::runTutti(arguments, 120000);
        arguments[arguments.indexOf(u"--precision"_s) + 1] = u"auto"_s;
        const tutti::test::Run automatic = tutti::test::runTutti(arguments, 120000);
        QVERIFY2(automatic.exitCode == 0, qPrintable(automatic.out + automatic.err));
        if (tutti::cpuHasFastBFloat16()) {
            QVERIFY2(forced.exitCode == 0, qPrintable(forced.out + forced.err));
            QVERIFY(forced.out.contains(u"bf16 matrix products"_s));
            QVERIFY(forced.out.contains(u"validation at step 3"_s));
            QVERIFY(automatic.out.contains(u"bf16 matrix products"_s));
        } else {
            QCOMPARE(forced.exitCode, 1);
            QVERIFY(forced.out.contains(u"this CPU has neither AVX-512 BF16 nor AMX"_s));
            QVERIFY(automatic.out.contains(u"fp32 (this CPU lacks fast bf16)"_s));
        }
    }

    void bf16ForwardMatchesFp32WithinBf16Precision()
    {
        // The autocast path computes the same function: losses of a tiny random model agree
        // to bf16's precision (emulated on CPUs without it, which is fine for a check).
        tutti::ModelConfig config;
        config.layers = 1;
        config.width = 32;
        config.heads = 2;
        config.context = 64;
        QString error;
        const std::unique_ptr<tutti::TransformerModel> model = tutti::TransformerModel::create(config, 3, error);
        QVERIFY2(model, qPrintable(error));
        std::vector<tutti::Event> sequence = {tutti::Event::ofType(tutti::EventType::StartOfSong),
                                              tutti::Event::instrumentEvent(25), tutti::Event::ofType(tutti::EventType::StartOfNotes)};
        for (int i = 0; i < 40; ++i)
            sequence.push_back(tutti::Event::note(i / 4, (i % 4) * 3, 55 + (i * 7) % 24, 3, 25));
        const auto sum = [](const std::array<double, tutti::fieldCount> &losses) {
            return std::accumulate(losses.begin(), losses.end(), 0.0);
        };
        const double fp32 = sum(tutti::sequenceLoss(*model, {sequence}, 0, tutti::TrainingPrecision::Float32));
        const double bf16 = sum(tutti::sequenceLoss(*model, {sequence}, 0, tutti::TrainingPrecision::BFloat16));
        QVERIFY(std::isfinite(fp32) && fp32 > 1.0);
        QVERIFY2(std::abs(bf16 - fp32) < 0.02 * fp32, qPrintable(u"fp32 %1, bf16 %2"_s.arg(fp32).arg(bf16)));
    }

    void benchTrainPrintsBothPrecisions()
    {
        const tutti::test::Run run = tutti::test::runTutti({u"bench"_s, u"train"_s, u"--layers"_s, u"1"_s, u"--width"_s,
                                                            u"32"_s, u"--heads"_s, u"2"_s, u"--batch"_s, u"2"_s,
                                                            u"--events"_s, u"64"_s, u"--steps"_s, u"1"_s}, 120000);
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n');
        const auto lineWith = [&lines](const QString &word) {
            return std::count_if(lines.begin(), lines.end(), [&word](const QString &line) {
                return line.startsWith(word) && line.contains(u"tokens/s"_s);
            });
        };
        QCOMPARE(lineWith(u"fp32"_s), 1);
        QCOMPARE(lineWith(u"bf16"_s), 1);
    }

    void excludedPiecesLeaveTrainingAndUnknownKeysAreRefused()
    {
        QStringList arguments = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"ex.safetensors"_s));
        arguments[arguments.indexOf(u"--steps"_s) + 1] = u"1"_s;
        const tutti::test::Run unknown = tutti::test::runTutti(QStringList(arguments) << u"--exclude"_s << u"corpus/nothing"_s);
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.out.contains(u"no piece of the corpus has the key corpus/nothing"_s), qPrintable(unknown.out));
        const tutti::test::Run known = tutti::test::runTutti(QStringList(arguments) << u"--exclude"_s << u"corpus/piece0"_s);
        QVERIFY2(known.exitCode == 0, qPrintable(known.out + known.err));
        QVERIFY2(known.out.contains(u"1 excluded"_s), qPrintable(known.out));
    }

    void aGrownModelStartsAsTheModelItGrewFrom()
    {
        // GIVEN a trained one-layer model
        const QString small = m_scratch.filePath(u"small.safetensors"_s);
        const tutti::test::Run trained = tutti::test::runTutti(tinyTraining(m_data, m_scratch.filePath(u"cache"_s), small), 120000);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.out + trained.err));
        // WHEN it grows to three layers (one step at learning rate 0: nothing moves)
        QStringList arguments = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"grown.safetensors"_s));
        arguments[arguments.indexOf(u"--layers"_s) + 1] = u"3"_s;
        arguments[arguments.indexOf(u"--steps"_s) + 1] = u"1"_s;
        arguments << u"--grow-from"_s << m_scratch.filePath(u"small.resume.safetensors"_s) << u"--lr"_s << u"0"_s;
        const tutti::test::Run grown = tutti::test::runTutti(arguments, 120000);
        QVERIFY2(grown.exitCode == 0, qPrintable(grown.out + grown.err));
        QVERIFY(grown.out.contains(u"2 new identity layers"_s));
        // THEN it has three layers and scores a sequence exactly as the small one does
        QString error;
        const auto before = tutti::TransformerModel::load(m_scratch.filePath(u"small.resume.safetensors"_s), error);
        QVERIFY2(before, qPrintable(error));
        const auto after = tutti::TransformerModel::load(m_scratch.filePath(u"grown.resume.safetensors"_s), error);
        QVERIFY2(after, qPrintable(error));
        QCOMPARE(after->config().layers, 3);
        std::vector<tutti::Event> sequence = {tutti::Event::ofType(tutti::EventType::StartOfSong),
                                              tutti::Event::instrumentEvent(40), tutti::Event::ofType(tutti::EventType::StartOfNotes)};
        for (int i = 0; i < 30; ++i)
            sequence.push_back(tutti::Event::note(i / 2, (i % 2) * 6, 60 + (i * 5) % 12, 6, 40));
        const auto a = tutti::sequenceLoss(*before, {sequence});
        const auto b = tutti::sequenceLoss(*after, {sequence});
        for (int field = 0; field < tutti::fieldCount; ++field)
            QVERIFY2(std::abs(a[field] - b[field]) < 1e-5, qPrintable(u"field %1: %2 vs %3"_s.arg(field).arg(a[field]).arg(b[field])));
    }

    void aResumedRunTakesANewDropoutOnlyWhenGiven()
    {
        // GIVEN a tiny model trained with dropout 0.2
        QStringList arguments = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"drop.safetensors"_s));
        arguments[arguments.indexOf(u"--dropout"_s) + 1] = u"0.2"_s;
        const tutti::test::Run trained = tutti::test::runTutti(arguments, 120000);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.out + trained.err));
        const QString resume = m_scratch.filePath(u"drop.resume.safetensors"_s);
        const auto resumedWith = [&](const QString &steps, const QStringList &extra) {
            QStringList more = tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"drop.safetensors"_s));
            more.removeAt(more.indexOf(u"--dropout"_s) + 1);
            more.removeAt(more.indexOf(u"--dropout"_s));
            more[more.indexOf(u"--steps"_s) + 1] = steps;
            return tutti::test::runTutti(more << u"--resume"_s << resume << extra, 120000);
        };
        // WHEN it resumes without --dropout THEN it keeps its own
        const tutti::test::Run kept = resumedWith(u"4"_s, {});
        QVERIFY2(kept.exitCode == 0, qPrintable(kept.out + kept.err));
        QVERIFY2(kept.out.contains(u"dropout 0.2:"_s), qPrintable(kept.out));
        // WHEN it resumes with --dropout 0 THEN the continued training and its checkpoint have none
        const tutti::test::Run dropped = resumedWith(u"5"_s, {u"--dropout"_s, u"0"_s});
        QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.out + dropped.err));
        QVERIFY2(dropped.out.contains(u"dropout 0:"_s), qPrintable(dropped.out));
        QString error;
        const auto model = tutti::TransformerModel::load(resume, error);
        QVERIFY2(model, qPrintable(error));
        QCOMPARE(model->config().dropout, 0.0);
    }

    void badGroupOptionsAreRefused()
    {
        const tutti::test::Run run = tutti::test::runTutti(
            tinyTraining(m_data, m_scratch.filePath(u"cache"_s), m_scratch.filePath(u"x.safetensors"_s))
            << u"--rendezvous"_s << u"127.0.0.1:1"_s << u"--rank"_s << u"2"_s << u"--world-size"_s << u"2"_s);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"0 <= R < N"_s));
    }
};

QTEST_GUILESS_MAIN(TestModelTraining)
#include "testmodeltraining.moc"
// end of testmodeltraining.cpp
