// SPDX-License-Identifier: GPL-3.0-or-later
// attentionoverlay.h — over the piano roll: the notes one note attended to, shaded by weight.
//
// Usage:
//   auto *overlay = new AttentionOverlay(pianoRoll->canvas(), pianoRoll->viewport());
//   overlay->show(query, {{key, 0.31f}, ...}, maximum);     // notes of any track
//   overlay->setMarkedKey(note);                            // a clicked heat-map cell's key
//   overlay->clear();
//
// A transparent child of the note canvas that lets the mouse through. Each key note gets a
// fill from the upper 70 % of viridis whose colour and opacity grow with its weight
// (relative to `maximum`), the query a white frame, a marked key a red one. Follows the
// canvas's size and scrolling.
#pragma once

#include "pianoroll/canvasoverlay.h"
#include "score/score.h"

#include <optional>
#include <vector>

namespace tutti {

class PianoRollViewport;

class AttentionOverlay final : public CanvasOverlay
{
    Q_OBJECT

public:
    struct Key
    {
        Note note;
        float weight = 0.0f;
    };

    AttentionOverlay(QWidget *canvas, PianoRollViewport *viewport);

    void showAttention(const Note &query, std::vector<Key> keys, double maximum);
    void setMarkedKey(std::optional<Note> key);
    void clear();
    bool isShowing() const { return m_query.has_value(); }
    const std::vector<Key> &keys() const { return m_keys; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF noteRect(const Note &note) const;

    std::optional<Note> m_query;
    std::optional<Note> m_markedKey;
    std::vector<Key> m_keys;
    double m_maximum = 1.0;
};

} // namespace tutti
// end of attentionoverlay.h
