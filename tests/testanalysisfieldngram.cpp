// SPDX-License-Identifier: GPL-3.0-or-later
// testanalysisfieldngram.cpp — the per-field n-gram baseline: probabilities, loss, sampling;
// and `tutti eval`, which sets it beside the transformer.
#include "analysis/fieldngrammodel.h"
#include "generation/suggestion.h"
#include "representation/encoder.h"
#include "tinymodel.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace tutti;
using namespace Qt::StringLiterals;

namespace {

constexpr int quarter = Score::defaultTicksPerQuarter;

// A violin repeating a four-note figure in eighths for `bars` bars of 4/4.
Score figure(int bars, int transposition)
{
    Score score;
    Track &violin = score.addTrack(u"Violin"_s, 40);
    const int pitches[] = {67, 71, 74, 71};
    for (int i = 0; i < bars * 8; ++i)
        violin.notes.push_back({static_cast<Tick>(i) * quarter / 2, quarter / 2, pitches[i % 4] + transposition, 80});
    return score;
}

} // namespace

class TestAnalysisFieldNgram final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probabilitiesAreDistributions()
    {
        // GIVEN a trigram model trained on one piece
        FieldNgramModel model(3);
        const std::vector<std::vector<Event>> training = {encode(figure(4, 0))};
        model.train(training);
        // WHEN asked about every field after a few events and after none
        for (std::size_t seen : {std::size_t(0), std::size_t(1), std::size_t(9)}) {
            const std::span<const Event> history(training[0].data(), seen);
            for (int f = 0; f < fieldCount; ++f) {
                std::vector<float> logs;
                model.logProbabilities(static_cast<Field>(f), history, logs);
                // THEN each is a full distribution over the field's codes, none impossible
                QCOMPARE(static_cast<int>(logs.size()), fieldVocabularySizes[f]);
                const double total = std::accumulate(logs.begin(), logs.end(), 0.0,
                                                     [](double sum, float log) { return sum + std::exp(log); });
                QVERIFY(std::abs(total - 1.0) < 1e-4);
                QVERIFY(std::all_of(logs.begin(), logs.end(), [](float log) { return std::isfinite(log); }));
            }
        }
    }

    void learnedMusicCostsLessThanUnseenMusic()
    {
        // GIVEN a model trained on the figure
        FieldNgramModel model(3);
        const std::vector<std::vector<Event>> training = {encode(figure(8, 0))};
        model.train(training);
        // WHEN it scores the figure again and a chromatic line it never saw
        Score chromatic;
        Track &violin = chromatic.addTrack(u"Violin"_s, 40);
        for (int i = 0; i < 32; ++i)
            violin.notes.push_back({static_cast<Tick>(i) * quarter / 3, quarter / 3, 55 + i, 80});
        const SequenceLoss known = model.sequenceLoss(training);
        const std::vector<std::vector<Event>> unseen = {encode(chromatic)};
        const SequenceLoss strange = model.sequenceLoss(unseen);
        // THEN the known pitches are nearly certain and cost far less than the unseen ones
        const int pitch = static_cast<int>(Field::Pitch);
        QVERIFY(known.perField[pitch] < 0.5);
        QVERIFY(strange.perField[pitch] > 3 * known.perField[pitch]);
        QCOMPARE(known.targets, static_cast<std::int64_t>(training[0].size() - 1));
        QCOMPARE(known.notes, std::int64_t(64));
        QVERIFY(known.perNote() > known.perField[pitch]);
        // and a unigram model cannot predict the figure's order as the trigram does
        FieldNgramModel unigram(1);
        unigram.train(training);
        QVERIFY(unigram.sequenceLoss(training).perField[pitch] > known.perField[pitch] + 0.5);
    }

    void sessionSamplesThroughTheSuggestionSampler()
    {
        // GIVEN the baseline trained on the figure, as a LogitSource
        FieldNgramModel model(3);
        const std::vector<std::vector<Event>> training = {encode(figure(8, 0)), encode(figure(8, 5))};
        model.train(training);
        FieldNgramSession session(model);
        // WHEN the transformer's sampler asks it for two bars after two bars of the figure
        const Score context = figure(2, 0);
        SuggestionRequest request;
        request.mode = SuggestionMode::Continue;
        request.firstBar = 0;
        request.endBar = 2;
        request.lengthBars = 2;
        request.candidates = 1;
        request.sampling.seed = 3;
        const SuggestionResult result = suggest(session, context, request);
        // THEN it writes notes, in the figure's range, inside the two new bars
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.candidates.size(), std::size_t(1));
        const Suggestion &suggestion = result.candidates.front();
        QVERIFY(suggestion.noteCount() > 0);
        for (const SuggestedPart &part : suggestion.parts) {
            for (const Note &note : part.notes) {
                QVERIFY(note.start >= 8 * quarter && note.start < 16 * quarter);
                QVERIFY(note.pitch >= 67 && note.pitch <= 79);
            }
        }
    }

    // `tutti eval` end to end, on the Mutopia corpus with one sample per mode.
    void evalCommandWritesTheReport()
    {
        const QString mutopia = QDir(QStringLiteral(TUTTI_SHARED_DATA)).filePath(u"mutopia"_s);
        if (!QDir(mutopia).exists())
            QSKIP("shared data absent");
        // GIVEN a tiny model, an earlier one to compare it with, and the corpus
        QTemporaryDir directory;
        const QString model = test::saveTinyModel(directory.filePath(u"tiny.safetensors"_s), {.layers = 1}, 5);
        const QString earlier = test::saveTinyModel(directory.filePath(u"earlier.safetensors"_s), {.layers = 1}, 6);
        QVERIFY(!model.isEmpty() && !earlier.isEmpty());
        QProcess tutti;
        tutti.start(QStringLiteral(TUTTI_BINARY), {u"eval"_s, u"--model"_s, model, u"--compare"_s, earlier, u"--data"_s,
                                                   mutopia, u"--samples"_s, u"1"_s, u"--out"_s, directory.path()});
        // WHEN evaluated
        QVERIFY(tutti.waitForFinished(120000));
        QVERIFY2(tutti.exitCode() == 0, tutti.readAllStandardError().constData());
        // THEN the report holds the three sources in every mode, the CSV files one row each, and the plots are PNG
        QFile report(directory.filePath(u"report.md"_s));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(report.readAll());
        for (const QString &mode : {u"new"_s, u"instruments"_s, u"continue"_s, u"infill"_s}) {
            QVERIFY(text.contains(u"| transformer | %1 | 1 |"_s.arg(mode)));
            QVERIFY(text.contains(u"| earlier | %1 | 1 |"_s.arg(mode)));
            QVERIFY(text.contains(u"| n-gram baseline | %1 | 1 |"_s.arg(mode)));
        }
        QFile nll(directory.filePath(u"nll.csv"_s));
        QVERIFY(nll.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = nll.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 1 + fieldCount + 1 + 1); // fields, per note, per note of the one corpus
        QCOMPARE(rows.front(), "field,transformer_nats,compared_nats,ngram_nats"_ba);
        for (const QByteArray &row : rows)
            QCOMPARE(row.count(','), 3);
        // AND the per-note table sets the earlier model's figure and the change beside the transformer's
        QVERIFY2(text.contains(u"| corpus | pieces | transformer | earlier | n-gram baseline | against earlier |"_s),
                 qPrintable(text));
        QVERIFY(text.contains(u"| mutopia | "_s));
        QVERIFY2(text.contains(u"Per note over all of them: "_s)
                     && (text.contains(u" for earlier: "_s) && (text.contains(u" % lower.\n"_s) || text.contains(u" % higher.\n"_s))),
                 qPrintable(text));
        QFile metrics(directory.filePath(u"metrics.csv"_s));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        QCOMPARE(metrics.readAll().count('\n'), 1 + 1 + 3 * 4);
        for (const QString &plot : {u"nll.png"_s, u"metrics.png"_s}) {
            QFile png(directory.filePath(plot));
            QVERIFY(png.open(QIODevice::ReadOnly));
            QCOMPARE(png.read(4), "\x89PNG"_ba);
        }
        QVERIFY(text.contains(u"no copy guard (the model alone"_s));
        // AND --avoid-copies samples as the app does, with the copy guard, and says so; without
        // an index to guard with it is refused
        tutti.start(QStringLiteral(TUTTI_BINARY), {u"eval"_s, u"--model"_s, model, u"--data"_s, mutopia, u"--samples"_s,
                                                   u"1"_s, u"--avoid-copies"_s, u"--out"_s, directory.filePath(u"guarded"_s)});
        QVERIFY(tutti.waitForFinished(120000));
        QVERIFY2(tutti.exitCode() == 0, tutti.readAllStandardError().constData());
        QFile guarded(directory.filePath(u"guarded/report.md"_s));
        QVERIFY(guarded.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(guarded.readAll()).contains(u"the copy guard on, as the app samples by default"_s));
        tutti.start(QStringLiteral(TUTTI_BINARY), {u"eval"_s, u"--model"_s, model, u"--data"_s, mutopia, u"--samples"_s,
                                                   u"1"_s, u"--avoid-copies"_s, u"--index"_s, QString(), u"--out"_s,
                                                   directory.filePath(u"unguarded"_s)});
        QVERIFY(tutti.waitForFinished(120000));
        QCOMPARE(tutti.exitCode(), 1);
        QVERIFY(tutti.readAllStandardError().contains("--avoid-copies needs a corpus index"));
    }

    // `tutti eval --test`: a folder of the user's own, every piece scored, no baseline.
    void evalTestScoresEveryPieceOfAFolder()
    {
        const QString mutopia = QDir(QStringLiteral(TUTTI_SHARED_DATA)).filePath(u"mutopia/midi"_s);
        if (!QDir(mutopia).exists())
            QSKIP("shared data absent");
        // GIVEN three pieces in a folder "mine", and a tiny model
        QTemporaryDir directory;
        const QString model = test::saveTinyModel(directory.filePath(u"tiny.safetensors"_s), {.layers = 1}, 5);
        QVERIFY(!model.isEmpty());
        const QString mine = directory.filePath(u"mine"_s);
        QVERIFY(QDir().mkpath(mine));
        const QStringList files = QDir(mutopia).entryList({u"*.mid"_s}, QDir::Files, QDir::Name).mid(0, 3);
        QCOMPARE(files.size(), 3);
        for (const QString &file : files)
            QVERIFY(QFile::copy(QDir(mutopia).filePath(file), QDir(mine).filePath(file)));
        // WHEN evaluated with --test
        QProcess tutti;
        tutti.start(QStringLiteral(TUTTI_BINARY), {u"eval"_s, u"--model"_s, model, u"--test"_s, u"--data"_s, mine,
                                                   u"--samples"_s, u"1"_s, u"--out"_s, directory.filePath(u"report"_s)});
        QVERIFY(tutti.waitForFinished(120000));
        QVERIFY2(tutti.exitCode() == 0, tutti.readAllStandardError().constData());
        // THEN all three are scored as one corpus, and no baseline is claimed
        QFile report(directory.filePath(u"report/report.md"_s));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(report.readAll());
        QVERIFY2(text.contains(u"| mine | 3 | "_s), qPrintable(text));
        QVERIFY(text.contains(u"Baseline: none"_s));
        QVERIFY(!text.contains(u"| n-gram baseline | new |"_s));
    }
};

QTEST_APPLESS_MAIN(TestAnalysisFieldNgram)
#include "testanalysisfieldngram.moc"
// end of testanalysisfieldngram.cpp
