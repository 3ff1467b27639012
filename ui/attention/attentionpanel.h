// SPDX-License-Identifier: GPL-3.0-or-later
// attentionpanel.h — the Attention dock: heat map and relative-attention charts of the
// current score, linked to the piano roll.
//
// Usage (MainWindow):
//   auto *panel = new AttentionPanel(document, pianoRoll, modelLoader, this);
//   connect(panel, &AttentionPanel::activeTrackRequested, trackList, &TrackListPanel::setActiveTrack);
//   panel->setRange(begin, end);        // the bars chosen in the ruler; 0, 0 for none
//   panel->setActive(dock->isVisible()) // computes only while shown
//
// What is analysed: the first 1,024 events of the score (at most 256 quarter notes), or of
// the chosen bars. It is recomputed, on a worker thread, shortly after the score or the bars
// change. Selecting a note in the piano roll picks its heat-map row and shades the notes it
// attended to on every track; clicking a cell selects the query note (and the key note when
// it is on the same track; otherwise the key gets a red frame) and shows them.
#pragma once

#include "representation/encoder.h"
#include "score/score.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QSplitter;
class QTimer;

namespace tutti {

class AttentionComputer;
class AttentionHeatmap;
class AttentionOverlay;
class ModelLoader;
class PianoRollEditor;
class RelativeAttentionView;
class ScoreDocument;
struct AttentionSnapshot;

class AttentionPanel final : public QWidget
{
    Q_OBJECT

public:
    AttentionPanel(ScoreDocument *document, PianoRollEditor *pianoRoll, ModelLoader *loader, QWidget *parent = nullptr);

    void setRange(Tick begin, Tick end);
    void setActive(bool active);
    void setHead(int layer, int head); // -1: the mean over layers or heads

    AttentionHeatmap *heatmap() const { return m_heatmap; }
    RelativeAttentionView *relativeView() const { return m_relative; }
    AttentionOverlay *overlay() const { return m_overlay; }
    const AttentionSnapshot *snapshot() const { return m_snapshot.get(); }
    QString status() const;

    enum class View
    {
        Heatmap,           // numbers: the cells in view
        RelativeAttention, // numbers: gamma and gain of every head, as `tutti attention`
    };
    // The picture and the numbers a view shows. Empty string on success.
    QString exportPicture(View view, const QString &path);
    QString exportNumbers(View view, const QString &path) const;

Q_SIGNALS:
    void activeTrackRequested(int track);
    void computed(); // a new snapshot is shown

private:
    void scheduleCompute();
    void compute();
    void showSnapshot(std::shared_ptr<const AttentionSnapshot> snapshot);
    void refreshMatrix();
    void followSelection();
    void showQuery(int row);
    void selectCell(int query, int key);
    int layerChoice() const;
    int headChoice() const;
    void fillChoosers(int layers, int heads);
    void chooseExportPath(View view, bool picture);

    ScoreDocument *m_document;
    PianoRollEditor *m_pianoRoll;
    AttentionComputer *m_computer;
    AttentionHeatmap *m_heatmap;
    RelativeAttentionView *m_relative;
    AttentionOverlay *m_overlay;
    QSplitter *m_views;
    QComboBox *m_layer;
    QComboBox *m_head;
    QLabel *m_status;
    QTimer *m_debounce;
    std::shared_ptr<const AttentionSnapshot> m_snapshot;
    std::vector<float> m_matrix;   // what the heat map shows, N x N
    EncodeOptions m_options;
    bool m_active = false;
    bool m_dirty = true;           // the score or range changed since the last request
    bool m_applyingClick = false;  // selection changes we make ourselves
    int m_queryRow = -1;
    int m_keyRow = -1;
};

} // namespace tutti
// end of attentionpanel.h
