// SPDX-License-Identifier: GPL-3.0-or-later
// testmodelpersonalization.cpp — fine-tuning on a composer's folders (personalization.h) and
// taking works out of a model (optout.h, trainingworks.h), on small corpora and tiny models.
#include "analysis/originalityindex.h"
#include "analysis/originalityindexbuilder.h"
#include "io/midifile.h"
#include "io/musicxmlheader.h"
#include "io/musicxmlwriter.h"
#include "model/optout.h"
#include "model/personalization.h"
#include "model/trainer.h"
#include "model/transformermodel.h"
#include "representation/corpus.h"
#include "representation/trainingworks.h"
#include "runtutti.h"
#include "score/score.h"
#include "tinymodel.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

namespace {

// A random four-part string piece of `bars` bars of quarter notes.
tutti::Score randomQuartet(std::mt19937 &rng, int bars)
{
    tutti::Score score;
    for (int part = 0; part < 4; ++part) {
        tutti::Track &track = score.addTrack(u"part %1"_s.arg(part), part < 2 ? 40 : 41 + part - 2);
        track.channel = part;
        for (int note = 0; note < 4 * bars; ++note)
            track.notes.push_back({note * 480, 480, 48 + 7 * (3 - part) + static_cast<int>(rng() % 12), 80});
    }
    return score;
}

// A flute tune: one distinctive 8-note phrase (varied steps and rhythm) played `times` times.
tutti::Score fluteTune(int times, int shift)
{
    static const int pitches[] = {72, 76, 79, 77, 74, 81, 71, 84};
    static const int lengths[] = {240, 240, 480, 720, 240, 480, 960, 960};
    tutti::Score score;
    tutti::Track &track = score.addTrack(u"Flute"_s, 73);
    int tick = 0;
    for (int time = 0; time < times; ++time) {
        for (int i = 0; i < 8; ++i) {
            track.notes.push_back({tick, lengths[i], pitches[i] + shift, 90});
            tick += lengths[i];
        }
    }
    return score;
}

void write(const tutti::Score &score, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(tutti::writeMidiFile(score, path).isEmpty());
}

} // namespace

class TestModelPersonalization final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_corpus;   // "corpus": random quartets plus one flute work, with >= 3 held-out pieces
    QString m_trained;  // a tiny model trained on it
    QString m_flute = u"corpus/flute"_s;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_corpus = m_dir.filePath(u"corpus"_s);
        std::mt19937 rng(5);
        int heldOut = 0;
        for (int i = 0; i < 16 || heldOut < 3; ++i) {
            write(randomQuartet(rng, 8), QDir(m_corpus).filePath(u"piece%1.mid"_s.arg(i)));
            heldOut += tutti::isValidationKey(u"corpus/piece%1"_s.arg(i)) ? 1 : 0;
        }
        QVERIFY(!tutti::isValidationKey(m_flute));
        write(fluteTune(96, 0), QDir(m_corpus).filePath(u"flute.mid"_s));

        // A tiny model that has seen the flute work often.
        tutti::TrainingOptions options;
        options.dataDirectories = {m_corpus};
        options.output = m_dir.filePath(u"trained.safetensors"_s);
        options.cacheDirectory = m_dir.filePath(u"cache"_s);
        options.model.layers = 1;
        options.model.width = 32;
        options.model.heads = 2;
        options.model.context = 256;
        options.model.dropout = 0.0;
        options.steps = 120;
        options.batchSize = 4;
        options.warmupSteps = 5;
        options.learningRate = 3e-3;
        options.finalLearningRate = 1e-3;
        options.checkpointMinutes = 100;
        options.precision = tutti::TrainingPrecision::Float32;
        QCOMPARE(tutti::train(options, {}), 0);
        m_trained = options.output;
    }

    void finetuneLowersTheComposersHeldOutNll()
    {
        // GIVEN a composer's folder of eight flute pieces in one style, and a general corpus
        const QString mine = m_dir.filePath(u"mine"_s);
        for (int i = 0; i < 8; ++i)
            write(fluteTune(6, i - 4), QDir(mine).filePath(u"tune%1.mid"_s.arg(i)));
        tutti::PersonalizationOptions options;
        options.dataDirectories = {mine};
        options.modelPath = tutti::test::saveTinyModel(m_dir.filePath(u"random.safetensors"_s), {.layers = 1, .context = 256}, 3);
        options.output = m_dir.filePath(u"personal/mine.safetensors"_s);
        options.generalDirectories = {m_corpus};
        options.cacheDirectory = m_dir.filePath(u"cache"_s);
        options.steps = 30;
        options.learningRate = 3e-3;
        options.precision = tutti::TrainingPrecision::Float32;
        QDir().mkpath(m_dir.filePath(u"personal"_s));
        // the training corpus's index (the flute work in it), which the personal index extends
        tutti::OriginalityIndexBuilder shipped;
        QVERIFY(shipped.addCorpus(tutti::findCorpusPieces({m_corpus})).isEmpty());
        const int shippedPieces = shipped.pieceCount();
        options.baseIndexPath = m_dir.filePath(u"shipped.index"_s);
        QCOMPARE(std::move(shipped).build().save(options.baseIndexPath), QString());
        int progressCalls = 0;
        tutti::PersonalizationCallbacks callbacks;
        callbacks.progress = [&progressCalls](int, int) { ++progressCalls; };

        // WHEN it is fine-tuned
        tutti::PersonalizationReport report;
        QCOMPARE(tutti::personalize(options, callbacks, report), QString());

        // THEN the held-out pieces (the second of every four: tune1, tune5) got likelier, the
        // general pieces were scored, and the model and an index of all eight pieces exist
        QCOMPARE(report.heldOutKeys, (QStringList{u"mine/tune1"_s, u"mine/tune5"_s}));
        QCOMPARE(report.trainingPieces, 6);
        QCOMPARE(progressCalls, 30);
        QVERIFY2(report.heldOutAfter.perNote() < 0.9 * report.heldOutBefore.perNote(), qPrintable(report.describe()));
        QVERIFY(report.generalPieces >= 3);
        QVERIFY2(report.generalAfter.perNote() <= 1.05 * report.generalBefore.perNote(), qPrintable(report.describe()));
        QString error;
        QVERIFY(tutti::TransformerModel::load(options.output, error));
        // AND the personal index covers the training corpus and the eight added pieces: the
        // flute work of the corpus is still found
        const tutti::OriginalityIndex index = tutti::OriginalityIndex::load(tutti::companionIndexPath(options.output), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(index.pieceCount(), shippedPieces + 8);
        QCOMPARE(report.baseIndexPieces, shippedPieces);
        QCOMPARE(report.indexedPieces, shippedPieces + 8);
        const auto found = [&index](const tutti::Score &score, const QString &key) {
            const tutti::OriginalityReport check = index.check(score);
            return std::any_of(check.matches.begin(), check.matches.end(),
                               [&key](const tutti::OriginalityMatch &match) { return match.pieceKey == key && match.notes >= 8; });
        };
        QVERIFY(found(fluteTune(24, 0), m_flute));
        QVERIFY(report.describe().contains(u"your held-out pieces"_s));
        QVERIFY2(report.describe().contains(u"(%1 pieces: %2 of the training corpus, 8 of yours)"_s.arg(shippedPieces + 8).arg(shippedPieces)),
                 qPrintable(report.describe()));

        // AND without a base index given, the model's own (its companion) is the one extended
        QCOMPARE(tutti::modelIndexPath(options.output), tutti::companionIndexPath(options.output));
    }

    void finetuneStopsWhenCancelledAndWritesNothing()
    {
        tutti::PersonalizationOptions options;
        options.dataDirectories = {m_corpus};
        options.modelPath = m_trained;
        options.output = m_dir.filePath(u"cancelled.safetensors"_s);
        options.cacheDirectory = m_dir.filePath(u"cache"_s);
        options.steps = 50;
        tutti::PersonalizationCallbacks callbacks;
        int steps = 0;
        callbacks.progress = [&steps](int step, int) { steps = step; };
        callbacks.stopRequested = [&steps] { return steps >= 2; };
        tutti::PersonalizationReport report;
        QCOMPARE(tutti::personalize(options, callbacks, report), QString());
        QVERIFY(report.cancelled);
        QCOMPARE(report.steps, 2);
        QVERIFY(!QFile::exists(options.output));
    }

    void optOutTakesTheWorkOutAndPassesTheChecks()
    {
        // GIVEN the trained model and the flute work it learned
        tutti::OptOutOptions options;
        options.dataDirectories = {m_corpus};
        options.modelPath = m_trained;
        options.keys = {m_flute};
        options.output = m_dir.filePath(u"optout.safetensors"_s);
        options.cacheDirectory = m_dir.filePath(u"cache"_s);
        options.learningRate = 2e-4;
        options.checkEvery = 1;
        options.maxSteps = 200;

        // WHEN it is opted out
        tutti::OptOutReport report;
        QCOMPARE(tutti::optOut(options, {}, report), QString());

        // THEN the three checks hold and are reported
        QVERIFY2(report.passed(), qPrintable(report.describe()));
        QCOMPARE(report.works.size(), std::size_t(1));
        const tutti::OptOutWork &work = report.works.front();
        QVERIFY(work.after.perNote() >= 1.15 * work.before.perNote());
        QVERIFY(work.after.perNote() >= report.heldOutLow);
        QCOMPARE(work.continuations, 2);
        QCOMPARE(work.copiesAfter, 0);
        QVERIFY(report.retainedAfter.perNote() <= 1.03 * report.retainedBefore.perNote());
        QVERIFY(report.exactCommand.contains(u"--exclude corpus/flute"_s));

        // AND the work left the index and the card's table; the card logs the opt-out
        QString error;
        const tutti::OriginalityIndex index = tutti::OriginalityIndex::load(report.indexPath, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const tutti::OriginalityReport check = index.check(fluteTune(24, 0));
        QVERIFY(std::none_of(check.matches.begin(), check.matches.end(),
                             [this](const tutti::OriginalityMatch &match) { return match.pieceKey == m_flute; }));
        QFile card(report.cardPath);
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(card.readAll());
        const QString table = text.section(u"## Opt-out log"_s, 0, 0);
        const QString log = text.section(u"## Opt-out log"_s, 1);
        QVERIFY(table.contains(u"| corpus | %1 |"_s.arg(index.pieceCount())));
        QVERIFY(!table.contains(m_flute));
        QVERIFY(log.contains(m_flute));
        QVERIFY(log.contains(u"checks: all passed"_s));

        // AND the new model remembers the opt-out: the same work cannot be taken out twice
        tutti::OptOutOptions again = options;
        again.modelPath = options.output;
        again.output = m_dir.filePath(u"again.safetensors"_s);
        tutti::OptOutReport second;
        QVERIFY(tutti::optOut(again, {}, second).contains(u"already opted out"_s));
    }

    void unknownWorkIsAClearError()
    {
        tutti::OptOutOptions options;
        options.dataDirectories = {m_corpus};
        options.modelPath = m_trained;
        options.keys = {u"corpus/no-such-piece"_s};
        options.output = m_dir.filePath(u"unknown.safetensors"_s);
        options.cacheDirectory = m_dir.filePath(u"cache"_s);
        tutti::OptOutReport report;
        QCOMPARE(tutti::optOut(options, {}, report),
                 u"no work of the training data has the key corpus/no-such-piece (`tutti optout --list` lists them)"_s);
        QVERIFY(!QFile::exists(options.output));

        const tutti::test::Run run = tutti::test::runTutti(
            {u"optout"_s, u"--data"_s, m_corpus, u"--model"_s, m_trained, u"--work"_s, u"corpus/no-such-piece"_s,
             u"--out"_s, options.output, u"--cache"_s, options.cacheDirectory});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"no work of the training data has the key corpus/no-such-piece"_s));
    }

    void trainingWorksReadTheCorporaOwnFacts()
    {
        // GIVEN a Mutopia-like corpus with a manifest and a README beside it, and an
        // OpenScore-like one laid out by composer and work
        const QString root = m_dir.filePath(u"data"_s);
        std::mt19937 rng(1);
        write(randomQuartet(rng, 2), root + u"/mutopia/midi/BachJS_chorale.mid"_s);
        write(randomQuartet(rng, 2), root + u"/mutopia/midi/Anon_song.mid"_s);
        QFile manifest(root + u"/mutopia/manifest.tsv"_s);
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("file\tpiece\tlicence\tinstrument\ttitle\tcomposer\tmaintainer\n"
                       "midi/BachJS_chorale.mid\tftp/BachJS/chorale\tCC-BY\tVoice (SATB)\tChorale\tJ. S. Bach\tA. Typesetter\n"
                       "midi/Anon_song.mid\tftp/Anon/song\tPD\tVoice (SATB)\tSong\t\tB. Typesetter\n");
        manifest.close();
        write(randomQuartet(rng, 2), root + u"/openscore-quartets/midi/Smyth,_Ethel/String_Quartet_in_E_minor/sq1.mid"_s);
        QFile readme(root + u"/README.md"_s);
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("# Training data\n\n## openscore-quartets/ — quartets (CC0 1.0)\n"
                     "- Source: the collection (public repository OpenScore/StringQuartets,\n"
                     "  commit 2c723a5b), scores.\n\n## mutopia/ — pieces (public domain or CC BY)\n"
                     "- Source: the Mutopia Project (public repository MutopiaProject/MutopiaProject, commit 2144afd6), x.\n");
        readme.close();

        // AND OpenScore MusicXML whose header names the work: a quartet (.mxl, work title only)
        // and a song of a set (movement and work titles, composer and lyricist)
        tutti::Score quartet = randomQuartet(rng, 2);
        quartet.title = u"String Quartet No.3 in A minor"_s;
        const QString quartetPath = root + u"/openscore-quartets/mxl/Gounod,_Charles/String_Quartet_No.3/sq7434431.mxl"_s;
        QDir().mkpath(QFileInfo(quartetPath).path());
        QCOMPARE(tutti::writeMusicXmlFile(quartet, quartetPath), QString());
        const QString songPath = root + u"/openscore-lieder/Gounod,_Charles/6_Melodies/5_Le_lever/lc5163799.musicxml"_s;
        QDir().mkpath(QFileInfo(songPath).path());
        QFile song(songPath);
        QVERIFY(song.open(QIODevice::WriteOnly));
        song.write(R"(<?xml version="1.0" encoding="UTF-8"?>
<score-partwise version="3.1">
  <work><work-title>6 Mélodies</work-title></work>
  <movement-title>Le lever</movement-title>
  <identification>
    <creator type="lyricist">Alfred de Musset</creator>
    <creator type="composer">Charles Gounod</creator>
    <encoding><software>MuseScore 3.6.2</software></encoding>
  </identification>
  <part-list><score-part id="P1"><part-name>Voice</part-name></score-part></part-list>
  <part id="P1"><measure number="1"><attributes><divisions>1</divisions></attributes>
    <note><pitch><step>C</step><octave>5</octave></pitch><duration>4</duration></note>
  </measure></part>
</score-partwise>
)");
        song.close();

        // WHEN the works are listed
        const std::vector<tutti::TrainingWork> works = tutti::trainingWorks(
            {root + u"/mutopia"_s, root + u"/openscore-quartets"_s, root + u"/openscore-lieder"_s});

        // THEN each carries its key, composer, title, corpus, licence, attribution and source
        QCOMPARE(works.size(), std::size_t(5));
        QCOMPARE(works[0].key, u"mutopia/Anon_song"_s);
        QCOMPARE(works[0].licence, u"public domain"_s);
        QVERIFY(works[0].attribution.isEmpty());
        QCOMPARE(works[1].key, u"mutopia/BachJS_chorale"_s);
        QCOMPARE(works[1].composer, u"J. S. Bach"_s);
        QCOMPARE(works[1].licence, u"CC BY"_s);
        QCOMPARE(works[1].attribution, u"Chorale, J. S. Bach, maintained by A. Typesetter, Mutopia Project, CC BY"_s);
        QCOMPARE(works[1].source, u"MutopiaProject/MutopiaProject, commit 2144afd6, ftp/BachJS/chorale"_s);
        QCOMPARE(works[4].key, u"openscore-quartets/Smyth,_Ethel/String_Quartet_in_E_minor/sq1"_s);
        QCOMPARE(works[4].composer, u"Smyth, Ethel"_s);
        QCOMPARE(works[4].title, u"String Quartet in E minor"_s);
        QCOMPARE(works[4].corpus, u"openscore-quartets"_s);
        QCOMPARE(works[4].licence, u"CC0 1.0"_s);
        QCOMPARE(works[4].source, u"OpenScore/StringQuartets, commit 2c723a5b"_s);
        QVERIFY(tutti::trainingWorkLine(works[4]).startsWith(works[4].key + u'\t'));
        // the MusicXML header's title over the path's, the path's composer where it names none
        QCOMPARE(works[3].key, u"openscore-quartets/Gounod,_Charles/String_Quartet_No.3/sq7434431"_s);
        QCOMPARE(works[3].title, u"String Quartet No.3 in A minor"_s);
        QCOMPARE(works[3].composer, u"Gounod, Charles"_s);
        QCOMPARE(works[2].corpus, u"openscore-lieder"_s);
        QCOMPARE(works[2].title, u"Le lever (6 Mélodies)"_s);
        QCOMPARE(works[2].composer, u"Charles Gounod"_s);

        // AND the header says who encoded each file
        QCOMPARE(tutti::readMusicXmlHeader(songPath).software, QStringList{u"MuseScore 3.6.2"_s});
        QCOMPARE(tutti::readMusicXmlHeader(quartetPath).software, QStringList{u"Tutti"_s});
        QVERIFY(!tutti::readMusicXmlHeader(root + u"/missing.mxl"_s).error.isEmpty());
    }

    void trainingCorporaAreThoseTheModelCardNames()
    {
        // GIVEN a checkout with the shipped model card (both models' data tables) and, beside
        // it, shared/data with the three corpora its README describes, one piece each
        const QString checkout = m_dir.filePath(u"checkout"_s);
        const QString data = m_dir.filePath(u"shared/data"_s);
        QDir().mkpath(checkout + u"/models"_s);
        QVERIFY(QFile::copy(QStringLiteral(TUTTI_TEST_DATA "/../../models/MODEL_CARD.md"), checkout + u"/models/MODEL_CARD.md"_s));
        std::mt19937 rng(2);
        write(randomQuartet(rng, 2), data + u"/openscore-quartets/midi/Smyth,_Ethel/String_Quartet/sq1.mid"_s);
        write(randomQuartet(rng, 2), data + u"/mutopia/midi/BachJS_chorale.mid"_s);
        write(randomQuartet(rng, 2), data + u"/openscore-lieder/Gounod,_Charles/6_Melodies/5_Le_lever/lc5163799.mid"_s);
        QFile readme(data + u"/README.md"_s);
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("# Training data\n\n## openscore-quartets/ \xe2\x80\x94 110 string quartets (CC0 1.0)\n"
                     "- Source: the OpenScore String Quartets collection (public repository OpenScore/StringQuartets,\n"
                     "  commit 2c723a5b7b4ea5420826116dfa912956c6a022c2), scores.\n\n"
                     "## mutopia/ \xe2\x80\x94 229 ensemble pieces (public domain or CC BY)\n"
                     "- Source: the Mutopia Project (public repository MutopiaProject/MutopiaProject, commit\n"
                     "  2144afd6f52d56c5b6995b8b589ef1268b3139f0), LilyPond.\n\n"
                     "## openscore-lieder/ \xe2\x80\x94 1,374 songs for voice and piano (CC0 1.0)\n"
                     "- Source: the OpenScore Lieder corpus (public repository OpenScore/Lieder, commit\n"
                     "  bca122458de6da362abe62dd6aec62e25d7759b1), songs.\n");
        readme.close();
        const QByteArray environment = qgetenv("TUTTI_TRAINING_DATA");
        qunsetenv("TUTTI_TRAINING_DATA");
        const QString first = checkout + u"/models/tutti-mmt.safetensors"_s;
        const QString second = checkout + u"/models/tutti-mmt2.safetensors"_s;

        // WHEN the training corpora of each model are looked up
        const QStringList ofFirst = tutti::trainingDirectories(first);
        const QStringList ofSecond = tutti::trainingDirectories(second);
        const tutti::test::Run list = tutti::test::runTutti({u"optout"_s, u"--list"_s, u"--model"_s, second});
        if (!environment.isNull())
            qputenv("TUTTI_TRAINING_DATA", environment);

        // THEN the first model's are the quartets and Mutopia, the second's add the lieder,
        // and `tutti optout --list` lists the lieder works for the second
        const QString root = QDir::cleanPath(data);
        QCOMPARE(ofFirst, (QStringList{root + u"/openscore-quartets"_s, root + u"/mutopia"_s}));
        QCOMPARE(ofSecond, (QStringList{root + u"/openscore-quartets"_s, root + u"/mutopia"_s, root + u"/openscore-lieder"_s}));
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(u"openscore-lieder/Gounod,_Charles/6_Melodies/5_Le_lever/lc5163799\t"_s), qPrintable(list.out));
        QCOMPARE(list.out.count(u'\n'), 3);

        // AND an opt-out's own card names its corpora by folder where the source names no repository
        QCOMPARE(tutti::modelCardCorpora(u"# Model card: x.safetensors\n\n## Training data\n| corpus | works | licences | source |\n"
                                          "|---|---|---|---|\n| corpus | 16 | unknown (16) |  |\n"
                                          "| openscore-lieder | 3 | CC0 1.0 (3) | OpenScore/Lieder, commit bca12245 |\n"_s,
                                          u"x.safetensors"_s),
                 (QStringList{u"corpus"_s, u"OpenScore/Lieder"_s}));
    }
};

QTEST_GUILESS_MAIN(TestModelPersonalization)
#include "testmodelpersonalization.moc"
