// SPDX-License-Identifier: GPL-3.0-or-later
// testcliattention.cpp — `tutti attention` end to end: the shipped model over two small
// scores, then the files it writes read back.
#include "runtutti.h"
#include "tinymodel.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// The exit code, and stdout and stderr together in `output`.
int runTutti(const QStringList &arguments, QString *output = nullptr)
{
    const tutti::test::Run run = tutti::test::runTutti(arguments);
    if (output)
        *output = run.out + run.err;
    return run.exitCode;
}

} // namespace

class TestCliAttention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesCsvChartsAndSummary()
    {
        // GIVEN two small MusicXML scores and a tiny model of two layers of two heads
        QTemporaryDir dir;
        const QString model = tutti::test::saveTinyModel(dir.filePath(u"tiny.safetensors"_s), {.layers = 2}, 3);
        QVERIFY(!model.isEmpty());
        const QString out = dir.filePath(u"attention"_s);
        // WHEN their relative attention is computed
        QString output;
        const int code = runTutti({u"attention"_s, u"--input"_s, QStringLiteral(TUTTI_TEST_DATA "/musicxml/chords.musicxml"),
                                   QStringLiteral(TUTTI_TEST_DATA "/musicxml/instruments.musicxml"), u"--out"_s, out,
                                   u"--model"_s, model},
                                  &output);
        // THEN it succeeds and writes the CSV, the summary and one chart per head
        QVERIFY2(code == 0, qPrintable(output));
        QFile csv(QDir(out).filePath(u"relative-attention.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), u"layer,head,field,difference,gamma,uniform,gain"_s);
        // AND for every head and field, gamma and the uniform ratio each sum to one over the
        // differences (every pair has exactly one), and gain is their difference
        QMap<QString, double> gammaSums, uniformSums;
        int layers = 0, heads = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines[i].split(u',');
            QCOMPARE(cells.size(), 7);
            const QString key = cells[0] + u'/' + cells[1] + u'/' + cells[2];
            gammaSums[key] += cells[4].toDouble();
            uniformSums[key] += cells[5].toDouble();
            QVERIFY(std::abs(cells[6].toDouble() - (cells[4].toDouble() - cells[5].toDouble())) < 1e-6);
            layers = std::max(layers, cells[0].toInt());
            heads = std::max(heads, cells[1].toInt());
        }
        QCOMPARE(gammaSums.size(), layers * heads * 3);
        for (const QString &key : gammaSums.keys()) {
            QVERIFY2(std::abs(gammaSums[key] - 1.0) < 1e-5, qPrintable(key));
            QVERIFY2(std::abs(uniformSums[key] - 1.0) < 1e-5, qPrintable(key));
        }
        for (int layer = 1; layer <= layers; ++layer) {
            for (int head = 1; head <= heads; ++head) {
                const QImage chart(QDir(out).filePath(u"layer%1-head%2.png"_s.arg(layer).arg(head)));
                QCOMPARE(chart.size(), QSize(960, 640));
            }
        }
        QFile summary(QDir(out).filePath(u"summary.md"_s));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(summary.readAll()).count(u"\n| "_s), layers * heads + 1); // header and one row per head
    }

    void refusesToRunWithoutAnOutputFolder()
    {
        // WHEN the output folder is missing
        // THEN it is a usage error
        QCOMPARE(runTutti({u"attention"_s, u"--input"_s, QStringLiteral(TUTTI_TEST_DATA "/musicxml/chords.musicxml")}), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliAttention)
#include "testcliattention.moc"
