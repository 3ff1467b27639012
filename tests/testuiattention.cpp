// SPDX-License-Identifier: GPL-3.0-or-later
// testuiattention.cpp — the attention heat map and the teaching view on the offscreen
// platform: hover, clicks, zoom, exports, the link to the piano roll, and stepping through a
// recorded generation.
#include "attention/attentionheatmap.h"
#include "attention/attentionoverlay.h"
#include "attention/attentionpanel.h"
#include "analysis/attentionsnapshot.h"
#include "attention/relativeattentionview.h"
#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "model/transformermodel.h"
#include "pianoroll/pianorolleditor.h"
#include "score/pitchname.h"
#include "model/modelloader.h"
#include "teaching/entropystrip.h"
#include "teaching/fielddistributionview.h"
#include "teaching/teachingpanel.h"
#include "generation/teachingrun.h"
#include "tinymodel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

// N notes' labels and a causal matrix whose cell (q, k) is (q * N + k + 1) / N^2, so every
// shown number is distinct and known.
std::vector<AttentionLabel> labels(int n)
{
    std::vector<AttentionLabel> result;
    for (int i = 0; i < n; ++i)
        result.push_back({u"%1:1"_s.arg(i + 1), pitchName(60 + i), i % 2 ? u"Cello"_s : u"Violin, solo"_s});
    return result;
}

std::vector<float> matrix(int n)
{
    std::vector<float> weights(static_cast<std::size_t>(n * n), 0.0f);
    for (int q = 0; q < n; ++q)
        for (int k = 0; k <= q; ++k)
            weights[static_cast<std::size_t>(q * n + k)] = static_cast<float>(q * n + k + 1) / (n * n);
    return weights;
}

// A simple CSV reader for the exports: quoted fields may hold commas.
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == u'"' && quoted && i + 1 < line.size() && line[i + 1] == u'"') {
            field += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

// Two tracks, eight notes each, alternating pitches.
Score duet()
{
    Score score;
    score.addTrack(u"Violin"_s, 40);
    score.addTrack(u"Cello"_s, 42);
    for (int i = 0; i < 8; ++i) {
        score.tracks[0].notes.push_back({i * 480, 480, 72 + (i % 3), 80});
        score.tracks[1].notes.push_back({i * 480, 960, 48 + (i % 2) * 7, 80});
    }
    score.normalize();
    return score;
}

} // namespace

class TestUiAttention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hoverNamesThePairAndClickSelectsIt()
    {
        // GIVEN a heat map of 3 notes
        AttentionHeatmap heatmap;
        heatmap.resize(700, 560);
        heatmap.show();
        QVERIFY(QTest::qWaitForWindowExposed(&heatmap));
        heatmap.setMatrix(matrix(3), labels(3), u"Layer 1, head 1"_s);
        QSignalSpy hovered(&heatmap, &AttentionHeatmap::cellHovered);
        QSignalSpy clicked(&heatmap, &AttentionHeatmap::cellClicked);
        // WHEN the mouse rests on query 2, key 1
        QTest::mouseMove(&heatmap, heatmap.cellRect(2, 1).center().toPoint());
        // THEN the pair and its weight are named
        QVERIFY(!hovered.isEmpty());
        QCOMPARE(hovered.last().at(0).toInt(), 2);
        QCOMPARE(hovered.last().at(1).toInt(), 1);
        QCOMPARE(hovered.last().at(2).toFloat(), 8.0f / 9.0f);
        QVERIFY2(heatmap.hoverText().contains(u"3:1 D4 Violin, solo"_s), qPrintable(heatmap.hoverText()));
        QVERIFY(heatmap.hoverText().contains(u"2:1 C#4 Cello"_s));
        QVERIFY(heatmap.hoverText().contains(u"0.8889"_s));
        // WHEN a cell at or below the diagonal is clicked
        QTest::mouseClick(&heatmap, Qt::LeftButton, {}, heatmap.cellRect(2, 0).center().toPoint());
        // THEN it is selected and reported
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 2);
        QCOMPARE(clicked.first().at(1).toInt(), 0);
        QCOMPARE(heatmap.selectedQuery(), 2);
        QCOMPARE(heatmap.selectedKey(), 0);
        // AND a cell above it, which no query may attend to, selects nothing
        QTest::mouseClick(&heatmap, Qt::LeftButton, {}, heatmap.cellRect(0, 2).center().toPoint());
        QCOMPARE(clicked.size(), 1);
    }

    void exportsHoldTheNumbersInView()
    {
        // GIVEN a heat map of 40 notes, zoomed in four times around its middle
        AttentionHeatmap heatmap;
        heatmap.resize(700, 560);
        heatmap.show();
        QVERIFY(QTest::qWaitForWindowExposed(&heatmap));
        const int n = 40;
        heatmap.setMatrix(matrix(n), labels(n), u"Mean of layers, mean of heads"_s);
        heatmap.zoom(4.0, heatmap.cellRect(20, 20).center());
        int firstQuery, lastQuery, firstKey, lastKey;
        heatmap.visibleRange(firstQuery, lastQuery, firstKey, lastKey);
        QVERIFY(lastQuery - firstQuery < n - 1);
        QVERIFY(firstKey > 0);
        // WHEN the picture and the numbers are exported
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(u"attention.csv"_s);
        const QString pngPath = dir.filePath(u"attention.png"_s);
        QCOMPARE(heatmap.exportCsv(csvPath), QString());
        QVERIFY(heatmap.picture().save(pngPath));
        // THEN the CSV holds exactly the cells in view, labelled, with their weights
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), lastQuery - firstQuery + 2);
        const QStringList header = csvFields(lines.first());
        QCOMPARE(header.size(), lastKey - firstKey + 2);
        QCOMPARE(header.at(1), labels(n)[static_cast<std::size_t>(firstKey)].text());
        for (int q = firstQuery; q <= lastQuery; ++q) {
            const QStringList cells = csvFields(lines.at(q - firstQuery + 1));
            QCOMPARE(cells.first(), labels(n)[static_cast<std::size_t>(q)].text());
            for (int k = firstKey; k <= lastKey; ++k)
                QVERIFY(std::abs(cells.at(k - firstKey + 1).toDouble() - heatmap.weight(q, k)) < 1e-6);
        }
        // AND the PNG opens at the widget's size
        const QImage image(pngPath);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), heatmap.size() * heatmap.devicePixelRatio());
    }

    void panelLinksHeatmapAndPianoRoll()
    {
        // GIVEN a tiny random model on disk and the Attention panel over a duet
        QTemporaryDir dir;
        const QString modelPath = test::saveTinyModel(dir.filePath(u"tiny.safetensors"_s), {.layers = 2, .context = 64}, 5);
        QVERIFY(!modelPath.isEmpty());
        ScoreDocument document;
        document.replaceScore(duet());
        PianoRollEditor pianoRoll(&document);
        pianoRoll.resize(900, 500);
        ModelLoader loader(modelPath, nullptr);
        AttentionPanel panel(&document, &pianoRoll, &loader);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy computed(&panel, &AttentionPanel::computed);
        // WHEN it is shown
        panel.setActive(true);
        // THEN the attention of the 16 notes is computed off the GUI thread and shown
        QVERIFY(computed.wait(10000));
        const AttentionSnapshot *snapshot = panel.snapshot();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->rows(), 16);
        QCOMPARE(panel.heatmap()->noteCount(), 16);
        // AND the map is the mean over the last layer's heads of the model's own weights
        for (int q = 0; q < 16; ++q) {
            for (int k = 0; k < 16; ++k) {
                const int eq = snapshot->noteEvents[static_cast<std::size_t>(q)];
                const int ek = snapshot->noteEvents[static_cast<std::size_t>(k)];
                const float expected = (snapshot->maps.at(1, 0, eq, ek) + snapshot->maps.at(1, 1, eq, ek)) / 2.0f;
                QVERIFY(std::abs(panel.heatmap()->weight(q, k) - expected) < 1e-6f);
            }
        }
        QVERIFY(panel.relativeView()->statistics().has_value());

        // WHEN the fourth cello note is selected in the piano roll
        NoteEditor *editor = pianoRoll.noteEditor();
        editor->setActiveTrack(1);
        const Note cello = document.score().tracks[1].notes[3];
        editor->selection()->select({cello});
        // THEN its row is chosen and the overlay shades every earlier note it attends to
        const int row = snapshot->rowOfNote(1, cello);
        QVERIFY(row > 0);
        QCOMPARE(panel.heatmap()->selectedQuery(), row);
        QVERIFY(panel.overlay()->isShowing());
        QCOMPARE(static_cast<int>(panel.overlay()->keys().size()), row);

        // WHEN a cell whose query is a violin note and whose key is a cello note is clicked
        int violinRow = -1, celloRow = -1;
        for (int r = snapshot->rows() - 1; r >= 0 && (violinRow < 0 || celloRow < 0); --r) {
            if (snapshot->sourceOfRow(r).track == 0 && violinRow < 0)
                violinRow = r;
            else if (snapshot->sourceOfRow(r).track == 1 && violinRow >= 0 && celloRow < 0)
                celloRow = r;
        }
        QVERIFY(violinRow > celloRow && celloRow >= 0);
        QSignalSpy trackRequests(&panel, &AttentionPanel::activeTrackRequested);
        QTest::mouseClick(panel.heatmap(), Qt::LeftButton, {}, panel.heatmap()->cellRect(violinRow, celloRow).center().toPoint());
        // THEN the violin becomes the active track with its note selected, and the cello note is marked
        QCOMPARE(trackRequests.size(), 1);
        QCOMPARE(trackRequests.first().at(0).toInt(), 0);
        QCOMPARE(editor->activeTrack(), 0);
        QCOMPARE(editor->selection()->notes(), std::vector<Note>{*snapshot->noteOfRow(violinRow)});
        QCOMPARE(panel.heatmap()->selectedQuery(), violinRow);
        QCOMPARE(static_cast<int>(panel.overlay()->keys().size()), violinRow);

        // WHEN the numbers of the shown heat map are exported
        const QString csvPath = dir.filePath(u"panel.csv"_s);
        QCOMPARE(panel.exportNumbers(AttentionPanel::View::Heatmap, csvPath), QString());
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        // THEN they are the map's, all 16 x 16 at the fitted zoom
        QCOMPARE(lines.size(), 17);
        const QStringList last = csvFields(lines.last());
        QCOMPARE(last.size(), 17);
        for (int k = 0; k < 16; ++k)
            QVERIFY(std::abs(last.at(k + 1).toDouble() - panel.heatmap()->weight(15, k)) < 1e-6);
        QCOMPARE(panel.exportPicture(AttentionPanel::View::Heatmap, dir.filePath(u"panel.png"_s)), QString());
        QVERIFY(!QImage(dir.filePath(u"panel.png"_s)).isNull());
        // AND the relative-attention numbers are this score's statistics for every head
        const QString relativePath = dir.filePath(u"relative.csv"_s);
        QCOMPARE(panel.exportNumbers(AttentionPanel::View::RelativeAttention, relativePath), QString());
        QFile relative(relativePath);
        QVERIFY(relative.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(relative.readAll()), snapshot->relative.toCsv());
        QCOMPARE(panel.exportPicture(AttentionPanel::View::RelativeAttention, dir.filePath(u"relative.png"_s)), QString());
        QCOMPARE(QImage(dir.filePath(u"relative.png"_s)).size(), QSize(960, 640));
    }

    void overlayShadesNotesPlayedInUnisonOnEveryTrack()
    {
        // GIVEN the duet with a second violin doubling the first violin's first note, five
        // ticks late and softer: the model sees one event for the two
        QTemporaryDir dir;
        const QString modelPath = test::saveTinyModel(dir.filePath(u"tiny.safetensors"_s), {.layers = 1, .context = 64}, 7);
        QVERIFY(!modelPath.isEmpty());
        Score score = duet();
        score.addTrack(u"Violin 2"_s, 40).notes = {{5, 480, 72, 60}};
        score.normalize();
        ScoreDocument document;
        document.replaceScore(score);
        PianoRollEditor pianoRoll(&document);
        pianoRoll.resize(900, 500);
        ModelLoader loader(modelPath, nullptr);
        AttentionPanel panel(&document, &pianoRoll, &loader);
        QSignalSpy computed(&panel, &AttentionPanel::computed);
        panel.setActive(true);
        QVERIFY(computed.wait(10000));
        const AttentionSnapshot *snapshot = panel.snapshot();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->rows(), 16);
        const Note first = document.score().tracks[0].notes[0];
        const Note doubled = document.score().tracks[2].notes[0];
        const int unisonRow = snapshot->rowOfNote(0, first);
        QCOMPARE(snapshot->rowOfNote(2, doubled), unisonRow);
        QCOMPARE(snapshot->notesOfRow(unisonRow).size(), std::size_t{2});
        // WHEN a later violin note is the query
        NoteEditor *editor = pianoRoll.noteEditor();
        editor->setActiveTrack(0);
        const Note query = document.score().tracks[0].notes[4];
        editor->selection()->select({query});
        const int row = snapshot->rowOfNote(0, query);
        QVERIFY(row > unisonRow);
        // THEN both notes of the unison are shaded, with the same weight
        const std::vector<AttentionOverlay::Key> &keys = panel.overlay()->keys();
        QCOMPARE(static_cast<int>(keys.size()), row + 1);
        const auto weightOf = [&keys](const Note &note) {
            const auto found = std::find_if(keys.begin(), keys.end(), [&note](const auto &key) { return key.note == note; });
            return found == keys.end() ? -1.0f : found->weight;
        };
        QVERIFY(weightOf(first) > 0.0f);
        QCOMPARE(weightOf(doubled), weightOf(first));
    }

    void teachingFieldBoxesFitAtTheDocksSmallestSize()
    {
        // GIVEN the Teaching panel at its smallest, as in a dock dragged to its minimum, and a
        // step whose labels are as long as the view writes them ("bar 16 beat 3", "end of song")
        ScoreDocument document;
        document.replaceScore(duet());
        PianoRollEditor pianoRoll(&document);
        ModelLoader loader(u"/nonexistent/model.safetensors"_s, nullptr);
        TeachingPanel panel(&document, &pianoRoll, &loader);
        panel.resize(panel.minimumSizeHint());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        GenerationStep step;
        step.event = Event::note(60, 0, 67, durationCode(18), 1);
        const std::map<Field, std::vector<QString>> names = {
            {Field::Type, {u"note"_s, u"end of song"_s, u"start of notes"_s, u"instrument"_s, u"context after"_s}},
            {Field::Beat, {u"bar 16 beat 3"_s, u"bar 16 beat 4"_s, u"bar 17 beat 1"_s, u"bar 6 beat 1"_s, u"bar 888 beat 8"_s}},
            {Field::Position, {u"+0"_s, u"+1/2"_s, u"+1/4"_s, u"+3/4"_s, u"+1/3"_s}},
            {Field::Pitch, {u"G4"_s, u"F#4"_s, u"A#4"_s, u"C5"_s, u"D#5"_s}},
            {Field::Duration, {u"dotted quarter"_s, u"dotted eighth"_s, u"quarter"_s, u"half"_s, u"16th"_s}},
            {Field::Instrument, {u"piano"_s, u"violin"_s, u"cello"_s, u"viola"_s, u"contrabass"_s}}};
        for (const auto &[field, labels] : names) {
            FieldDraw draw;
            draw.field = field;
            draw.chosen = 99; // not among the top five: a sixth line
            draw.chosenProbability = 0.004f;
            draw.entropy = 12.34;
            draw.allowedCodes = 257;
            for (int i = 0; i < 5; ++i)
                draw.top.emplace_back(i, i == 0 ? 1.0f : 0.2f / static_cast<float>(i));
            step.fields.push_back(draw);
        }
        FieldDistributionView *view = panel.distributionView();
        view->setLabeler([&names](Field field, int code) {
            return code == 99 ? u"bar 16 beat 3"_s : names.at(field)[static_cast<std::size_t>(code)];
        });
        view->setStep(&step);
        QTest::qWait(20);
        // THEN the view keeps the size its boxes need: the panel is as wide as they are, and a
        // shorter dock scrolls them up and down
        QVERIFY(view->width() >= view->minimumSizeHint().width());
        QVERIFY(view->visibleRegion().boundingRect().width() >= view->minimumSizeHint().width());
        QVERIFY(view->height() >= view->minimumSizeHint().height());
        // AND in each of the six boxes nothing overlaps and every text fits whole
        const QFontMetrics plain(view->font());
        QFont boldFont = view->font();
        boldFont.setBold(true);
        const QFontMetrics bold(boldFont);
        const std::vector<FieldDistributionView::BoxLayout> boxes = view->boxLayouts();
        QCOMPARE(boxes.size(), std::size_t(6));
        for (std::size_t b = 0; b < boxes.size(); ++b) {
            const FieldDistributionView::BoxLayout &box = boxes[b];
            QVERIFY(view->rect().contains(box.box));
            for (std::size_t other = b + 1; other < boxes.size(); ++other)
                QVERIFY(!box.box.intersects(boxes[other].box));
            QVERIFY(box.box.contains(box.title) && box.box.contains(box.entropy));
            QVERIFY(!box.title.intersects(box.entropy));
            QVERIFY(bold.horizontalAdvance(box.titleText) <= box.title.width());
            QVERIFY2(plain.horizontalAdvance(box.entropyText) <= box.entropy.width(), qPrintable(box.entropyText));
            QCOMPARE(box.labels.size(), std::size_t(6));
            for (std::size_t i = 0; i < box.labels.size(); ++i) {
                const QRect &label = box.labels[i];
                const QRect &percent = box.percents[i];
                QVERIFY(box.box.contains(label) && box.box.contains(percent));
                QVERIFY(!label.intersects(box.entropy) && !label.intersects(percent));
                if (i + 1 < box.labels.size())
                    QVERIFY(!label.intersects(box.labels[i + 1]));
                QVERIFY2(!box.texts[i].contains(u'…'), qPrintable(box.texts[i]));
                QVERIFY2(bold.horizontalAdvance(box.texts[i]) <= label.width(), qPrintable(box.texts[i]));
                QVERIFY(plain.horizontalAdvance(u"100 %"_s) <= percent.width());
            }
        }
        panel.grab().save(QDir::current().filePath(u"teaching-minimum.png"_s));
    }

    void teachingViewStepsThroughTheNotesWritten()
    {
        // GIVEN a tiny model that writes on (tinymodel.h) and the Teaching panel over a duet
        QTemporaryDir directory;
        const QString modelPath = test::saveWritingModel(directory.filePath(u"writing.safetensors"_s), {.layers = 1}, 9, 1.0);
        QVERIFY(!modelPath.isEmpty());
        ScoreDocument document;
        document.replaceScore(duet());
        PianoRollEditor pianoRoll(&document);
        pianoRoll.resize(900, 500);
        ModelLoader loader(modelPath, nullptr);
        TeachingPanel panel(&document, &pianoRoll, &loader);
        panel.setActive(true);
        QSignalSpy shown(&panel, &TeachingPanel::runShown);
        // WHEN the model writes up to 32 notes after bars 1-2
        panel.setRange(0, 8 * 480);
        panel.generate();
        QVERIFY(shown.wait(30000));
        const TeachingRun *run = panel.run();
        QVERIFY(run);
        QVERIFY2(run->error.isEmpty(), qPrintable(run->error));
        QCOMPARE(run->promptNotes, 16);
        // THEN each written note is a note step with all six fields recorded, on a prompt track
        QVERIFY(!run->notes.empty());
        QVERIFY(run->notes.size() <= 32u);
        for (const TeachingNote &note : run->notes) {
            const GenerationStep &step = run->steps[static_cast<std::size_t>(note.step)];
            QVERIFY(step.event.isNote());
            QCOMPARE(step.fields.size(), std::size_t(6));
            QCOMPARE(note.note.pitch, step.event.pitchValue());
            QVERIFY(note.track == 0 || note.track == 1);
        }
        // AND the entropy strip has one bar per note, at the note's onset
        QCOMPARE(panel.entropyStrip()->marks().size(), run->notes.size());
        QCOMPARE(panel.entropyStrip()->marks().front().tick, run->notes.front().note.start);
        QVERIFY(panel.entropyStrip()->isVisibleTo(&pianoRoll));
        // AND stepping shows the chosen note and moves the strip's marker
        QCOMPARE(panel.currentNote(), 0);
        QVERIFY(panel.choiceText().startsWith(u"Note 1 of %1"_s.arg(run->notes.size())));
        if (run->notes.size() > 1) {
            panel.showNote(1);
            QCOMPARE(panel.entropyStrip()->current(), 1);
            QVERIFY(panel.choiceText().startsWith(u"Note 2 of"_s));
        }
    }
};

QTEST_MAIN(TestUiAttention)
#include "testuiattention.moc"
