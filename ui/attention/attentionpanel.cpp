// SPDX-License-Identifier: GPL-3.0-or-later
// attentionpanel.cpp — choosers, computation on demand, and the link to the piano roll.
#include "attentionpanel.h"

#include "attentioncomputer.h"
#include "attentionheatmap.h"
#include "attentionoverlay.h"
#include "analysis/attentionsnapshot.h"
#include "edit/noteeditor.h"
#include "edit/scoredocument.h"
#include "pianoroll/notecanvas.h"
#include "pianoroll/pianorolleditor.h"
#include "pianoroll/pianorollviewport.h"
#include "relativeattentionchart.h"
#include "relativeattentionview.h"
#include "score/timemap.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

AttentionPanel::AttentionPanel(ScoreDocument *document, PianoRollEditor *pianoRoll, ModelLoader *loader, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pianoRoll(pianoRoll)
    , m_computer(new AttentionComputer(loader, this))
    , m_heatmap(new AttentionHeatmap(this))
    , m_relative(new RelativeAttentionView(this))
    , m_overlay(new AttentionOverlay(pianoRoll->canvas(), pianoRoll->viewport()))
    , m_views(new QSplitter(Qt::Horizontal, this))
    , m_layer(new QComboBox(this))
    , m_head(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    auto *fit = new QPushButton(u"Fit"_s, this);
    fit->setToolTip(u"Show the whole map"_s);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(u"Export"_s);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(u"Heat Map Picture (PNG)..."_s, this, [this] { chooseExportPath(View::Heatmap, true); });
    exportMenu->addAction(u"Heat Map Numbers in View (CSV)..."_s, this, [this] { chooseExportPath(View::Heatmap, false); });
    exportMenu->addAction(u"Relative Attention Chart (PNG)..."_s, this,
                          [this] { chooseExportPath(View::RelativeAttention, true); });
    exportMenu->addAction(u"Relative Attention of Every Head (CSV)..."_s, this,
                          [this] { chooseExportPath(View::RelativeAttention, false); });
    exportButton->setMenu(exportMenu);
    m_layer->setToolTip(u"Layer of the transformer (1 is nearest the input)"_s);
    m_head->setToolTip(u"Attention head of that layer"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_head->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(u"Layer"_s, this));
    controls->addWidget(m_layer);
    controls->addWidget(new QLabel(u"Head"_s, this));
    controls->addWidget(m_head);
    controls->addWidget(fit);
    controls->addWidget(exportButton);
    controls->addWidget(m_status, 1);
    // Side by side: the dock is wide and short under the piano roll.
    m_views->addWidget(m_heatmap);
    m_views->addWidget(m_relative);
    m_views->setStretchFactor(0, 3);
    m_views->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_views, 1);
    m_heatmap->clear(u"What the model attends to in the score's first 1,024 events, or in the bars chosen in "
                       "the ruler, appears here."_s);
    m_overlay->hide();

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(700);
    connect(m_debounce, &QTimer::timeout, this, &AttentionPanel::compute);
    connect(document, &ScoreDocument::scoreChanged, this, [this] {
        m_dirty = true;
        scheduleCompute();
    });
    connect(document, &ScoreDocument::documentReset, this, [this] {
        m_snapshot.reset();
        m_overlay->clear();
        setRange(0, 0);
    });
    connect(m_computer, &AttentionComputer::started, this, [this] {
        m_status->setText(u"Computing attention..."_s);
        if (!m_snapshot)
            m_heatmap->clear(u"Computing attention..."_s);
    });
    connect(m_computer, &AttentionComputer::ready, this, &AttentionPanel::showSnapshot);
    connect(m_computer, &AttentionComputer::failed, this, [this](const QString &error) {
        m_heatmap->clear(error);
        m_status->setText(error);
    });
    connect(m_layer, &QComboBox::currentIndexChanged, this, &AttentionPanel::refreshMatrix);
    connect(m_head, &QComboBox::currentIndexChanged, this, &AttentionPanel::refreshMatrix);
    connect(fit, &QPushButton::clicked, m_heatmap, &AttentionHeatmap::resetView);
    connect(m_heatmap, &AttentionHeatmap::cellClicked, this, &AttentionPanel::selectCell);
    connect(pianoRoll->noteEditor()->selection(), &NoteSelection::changed, this, &AttentionPanel::followSelection);
}

void AttentionPanel::setRange(Tick begin, Tick end)
{
    const int quarter = std::max(1, m_document->score().ticksPerQuarter);
    EncodeOptions options;
    if (end > begin) {
        options.firstBeat = static_cast<int>(begin / quarter);
        options.beatCount = std::clamp(static_cast<int>((end - begin + quarter - 1) / quarter), 1, maxBeatsPerWindow);
    }
    if (options.firstBeat == m_options.firstBeat && options.beatCount == m_options.beatCount && !m_dirty)
        return;
    m_options = options;
    m_dirty = true;
    scheduleCompute();
}

void AttentionPanel::setActive(bool active)
{
    m_active = active;
    m_overlay->setVisible(active);
    if (active)
        scheduleCompute();
}

void AttentionPanel::scheduleCompute()
{
    if (m_active && m_dirty)
        m_debounce->start();
}

void AttentionPanel::compute()
{
    if (!m_active || !m_dirty)
        return;
    m_dirty = false;
    if (m_document->score().noteCount() == 0) {
        m_snapshot.reset();
        m_heatmap->clear(u"The score has no notes yet."_s);
        m_relative->clearStatistics();
        m_overlay->clear();
        m_status->clear();
        return;
    }
    m_computer->request(m_document->score(), m_options);
}

void AttentionPanel::showSnapshot(std::shared_ptr<const AttentionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    if (m_layer->count() != m_snapshot->maps.layers + 1 || m_head->count() != m_snapshot->maps.heads + 1)
        fillChoosers(m_snapshot->maps.layers, m_snapshot->maps.heads);
    m_relative->setStatistics(m_snapshot->relative);
    m_queryRow = m_keyRow = -1;
    refreshMatrix();
    followSelection();
    Q_EMIT computed();
}

void AttentionPanel::fillChoosers(int layers, int heads)
{
    const QSignalBlocker blockLayer(m_layer);
    const QSignalBlocker blockHead(m_head);
    m_layer->clear();
    m_head->clear();
    for (int l = 1; l <= layers; ++l)
        m_layer->addItem(QString::number(l));
    m_layer->addItem(u"Mean of layers"_s);
    for (int h = 1; h <= heads; ++h)
        m_head->addItem(QString::number(h));
    m_head->addItem(u"Mean of heads"_s);
    // MMT found its musical heads in the last layer; the mean shows them together.
    m_layer->setCurrentIndex(layers - 1);
    m_head->setCurrentIndex(heads);
}

int AttentionPanel::layerChoice() const
{
    return m_layer->currentIndex() == m_layer->count() - 1 ? -1 : m_layer->currentIndex();
}

int AttentionPanel::headChoice() const
{
    return m_head->currentIndex() == m_head->count() - 1 ? -1 : m_head->currentIndex();
}

void AttentionPanel::setHead(int layer, int head)
{
    m_layer->setCurrentIndex(layer < 0 ? m_layer->count() - 1 : layer);
    m_head->setCurrentIndex(head < 0 ? m_head->count() - 1 : head);
}

QString AttentionPanel::status() const
{
    return m_status->text();
}

void AttentionPanel::refreshMatrix()
{
    if (!m_snapshot)
        return;
    const int layer = layerChoice();
    const int head = headChoice();
    m_relative->setHead(layer, head);
    if (m_snapshot->rows() == 0) {
        m_heatmap->clear(u"There are no notes in the chosen bars."_s);
        return;
    }
    m_matrix = m_snapshot->matrix(layer, head);
    const QString title = (layer < 0 ? u"Mean of layers"_s : u"Layer %1"_s.arg(layer + 1))
        + (head < 0 ? u", mean of heads"_s : u", head %1"_s.arg(head + 1));
    const int selected = m_heatmap->selectedQuery();
    m_heatmap->setMatrix(m_matrix, m_snapshot->labels, title);
    m_heatmap->setSelectedQuery(selected);

    const TimeMap map(m_snapshot->score);
    m_status->setText(u"Bars %1–%2: %3 notes, %4 events"_s.arg(map.barAt(m_snapshot->firstTick))
                          .arg(map.barAt(std::max(m_snapshot->firstTick, m_snapshot->endTick - 1)))
                          .arg(m_snapshot->rows())
                          .arg(m_snapshot->maps.events));
    showQuery(m_heatmap->selectedQuery());
}

void AttentionPanel::followSelection()
{
    if (m_applyingClick || !m_snapshot)
        return;
    NoteSelection *selection = m_pianoRoll->noteEditor()->selection();
    const Note *clicked = m_snapshot->noteOfRow(m_queryRow);
    if (clicked && selection->contains(*clicked)) {
        showQuery(m_queryRow);
        return;
    }
    m_queryRow = m_keyRow = -1;
    m_overlay->setMarkedKey(std::nullopt);
    int row = -1;
    const std::vector<Note> &notes = selection->notes();
    for (auto it = notes.rbegin(); it != notes.rend() && row < 0; ++it) // the latest note first
        row = m_snapshot->rowOfNote(selection->track(), *it);
    m_heatmap->setSelectedQuery(row);
    showQuery(row);
}

void AttentionPanel::showQuery(int row)
{
    const Note *query = m_snapshot ? m_snapshot->noteOfRow(row) : nullptr;
    if (!query) {
        m_overlay->clear();
        return;
    }
    const int n = m_snapshot->rows();
    std::vector<AttentionOverlay::Key> keys;
    double maximum = 0.0;
    for (int k = 0; k < row; ++k) {
        const float w = m_matrix[static_cast<std::size_t>(row) * n + k];
        if (w <= 0.0f)
            continue;
        for (const Note *note : m_snapshot->notesOfRow(k)) // with the notes other tracks play in unison
            keys.push_back({*note, w});
        maximum = std::max(maximum, static_cast<double>(w));
    }
    m_overlay->showAttention(*query, std::move(keys), maximum);
}

void AttentionPanel::selectCell(int query, int key)
{
    const NoteSource q = m_snapshot ? m_snapshot->sourceOfRow(query) : NoteSource{};
    const NoteSource k = m_snapshot ? m_snapshot->sourceOfRow(key) : NoteSource{};
    if (!q.isNote() || !k.isNote())
        return;
    const Note queryNote = *m_snapshot->noteOfRow(query);
    const Note keyNote = *m_snapshot->noteOfRow(key);
    m_applyingClick = true;
    NoteEditor *editor = m_pianoRoll->noteEditor();
    if (editor->activeTrack() != q.track)
        Q_EMIT activeTrackRequested(q.track);
    if (editor->activeTrack() != q.track) // nobody listens: switch the piano roll alone
        m_pianoRoll->setActiveTrack(q.track);
    if (k.track == q.track)
        editor->selection()->select({keyNote, queryNote});
    else
        editor->selection()->select({queryNote});
    m_applyingClick = false;
    m_queryRow = query;
    m_keyRow = key;
    m_overlay->setMarkedKey(keyNote);
    showQuery(query);

    // Bring the key note into view (the query follows it closely in time).
    PianoRollViewport *viewport = m_pianoRoll->viewport();
    const double width = m_pianoRoll->canvas()->width();
    if (viewport->xForTick(keyNote.start) < 0 || viewport->xForTick(queryNote.start) > width)
        viewport->setFirstTick(std::max<Tick>(0, keyNote.start - static_cast<Tick>(width * 0.1 / viewport->pixelsPerTick())));
}

QString AttentionPanel::exportPicture(View view, const QString &path)
{
    QImage image;
    if (view == View::Heatmap) {
        if (m_heatmap->noteCount() == 0)
            return u"There is no heat map to export yet."_s;
        image = m_heatmap->picture();
    } else {
        if (!m_relative->statistics())
            return u"There are no charts to export yet."_s;
        image = relativeAttentionImage(*m_relative->statistics(), m_relative->layer(), m_relative->head());
    }
    return image.save(path, "PNG") ? QString() : u"Cannot write %1."_s.arg(path);
}

QString AttentionPanel::exportNumbers(View view, const QString &path) const
{
    if (view == View::Heatmap)
        return m_heatmap->exportCsv(path);
    if (!m_relative->statistics())
        return u"There are no numbers to export yet."_s;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"Cannot write %1: %2"_s.arg(path, file.errorString());
    file.write(m_relative->statistics()->toCsv().toUtf8());
    return file.commit() ? QString() : u"Cannot write %1: %2"_s.arg(path, file.errorString());
}

void AttentionPanel::chooseExportPath(View view, bool picture)
{
    const QString suffix = picture ? u".png"_s : u".csv"_s;
    const QString base = view == View::Heatmap ? u"attention"_s : u"relative-attention"_s;
    QString path = QFileDialog::getSaveFileName(this, picture ? u"Export Picture"_s : u"Export Numbers"_s, base + suffix,
                                                picture ? u"PNG images (*.png)"_s : u"CSV files (*.csv)"_s);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    const QString error = picture ? exportPicture(view, path) : exportNumbers(view, path);
    if (!error.isEmpty())
        QMessageBox::warning(this, u"Export"_s, error);
}

} // namespace tutti
// end of attentionpanel.cpp
