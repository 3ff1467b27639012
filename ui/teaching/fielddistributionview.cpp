// SPDX-License-Identifier: GPL-3.0-or-later
// fielddistributionview.cpp — laying out and painting the candidate bars of each drawn field.
#include "fielddistributionview.h"

#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QColor chosenBar(0xe0, 0x7a, 0x2f);
const QColor otherBar(0x5b, 0x8d, 0xc9);
constexpr int columns = 3;
constexpr int rows = 2;
constexpr int candidateLines = 6; // five candidates, and the choice when it is not among them
constexpr int gap = 4;            // between boxes, and from a box's edge to its text
constexpr int minimumBar = 40;    // pixels of bar for a probability of 1
constexpr int labelSlack = 2;     // eliding cuts a text exactly as wide as its rectangle

QString percentText(float p)
{
    return u"%1 %"_s.arg(100.0 * p, 0, 'f', p < 0.1f ? 1 : 0);
}

QString entropyText(const FieldDraw &draw)
{
    return u"entropy %1 bits · %2 allowed"_s.arg(draw.entropy, 0, 'f', 2).arg(draw.allowedCodes);
}

QFont boldOf(QFont font)
{
    font.setBold(true);
    return font;
}

// The candidates a box lists: the top ones, and the choice when it is not among them.
std::vector<std::pair<int, float>> shownCandidates(const FieldDraw &draw)
{
    std::vector<std::pair<int, float>> shown = draw.top;
    if (std::none_of(shown.begin(), shown.end(), [&](const auto &c) { return c.first == draw.chosen; }))
        shown.emplace_back(draw.chosen, draw.chosenProbability);
    return shown;
}

} // namespace

FieldDistributionView::FieldDistributionView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FieldDistributionView::setLabeler(Labeler labeler)
{
    m_labeler = std::move(labeler);
    update();
}

void FieldDistributionView::setStep(const GenerationStep *step)
{
    m_step = step;
    update();
}

int FieldDistributionView::lineHeight() const
{
    return QFontMetrics(boldOf(font())).height() + 2;
}

int FieldDistributionView::boxHeight() const
{
    return (2 + candidateLines) * lineHeight() + 2 * gap;
}

int FieldDistributionView::boxMinimumWidth() const
{
    const QFontMetrics bold(boldOf(font()));
    const QFontMetrics plain(font());
    const int labelWidth = bold.horizontalAdvance(u"▶ bar 888 beat 8"_s) + labelSlack;
    const int percentWidth = plain.horizontalAdvance(u"100 %"_s);
    const int candidates = labelWidth + gap + minimumBar + gap + percentWidth;
    const int entropy = plain.horizontalAdvance(u"entropy 88.88 bits · 888 allowed"_s);
    return std::max(candidates, entropy) + 2 * gap;
}

QSize FieldDistributionView::minimumSizeHint() const
{
    return QSize(columns * (boxMinimumWidth() + gap) + gap, rows * (boxHeight() + gap) + gap);
}

QSize FieldDistributionView::sizeHint() const
{
    const QSize minimum = minimumSizeHint();
    return QSize(std::max(720, minimum.width()), minimum.height());
}

QString FieldDistributionView::label(const FieldDraw &draw, int code) const
{
    return m_labeler ? m_labeler(draw.field, code) : QString::number(code);
}

FieldDistributionView::BoxLayout FieldDistributionView::layoutField(const QRect &box, const FieldDraw &draw) const
{
    const QFontMetrics bold(boldOf(font()));
    const QFontMetrics plain(font());
    const int line = lineHeight();
    const QRect inner = box.adjusted(gap, gap, -gap, -gap);
    BoxLayout layout;
    layout.box = box;
    layout.title = QRect(inner.left(), inner.top(), inner.width(), line);
    layout.titleText = QString::fromLatin1(fieldName(draw.field));
    layout.entropy = QRect(inner.left(), inner.top() + line, inner.width(), line);
    layout.entropyText = entropyText(draw);

    const std::vector<std::pair<int, float>> shown = shownCandidates(draw);
    const int percentWidth = plain.horizontalAdvance(u"100 %"_s);
    // The label column is as wide as its longest label, up to what leaves the bar its minimum.
    int labelWidth = 0;
    std::vector<QString> texts;
    for (const auto &[code, p] : shown) {
        texts.push_back((code == draw.chosen ? u"▶ "_s : QString()) + label(draw, code));
        labelWidth = std::max(labelWidth, bold.horizontalAdvance(texts.back()) + labelSlack);
    }
    labelWidth = std::min(labelWidth, inner.width() - gap - minimumBar - gap - percentWidth);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const int y = inner.top() + line * (2 + static_cast<int>(i));
        layout.labels.emplace_back(inner.left(), y, labelWidth, line);
        layout.texts.push_back(bold.elidedText(texts[i], Qt::ElideRight, labelWidth));
        const int barLeft = inner.left() + labelWidth + gap;
        const int barSpace = inner.right() + 1 - percentWidth - gap - barLeft;
        const int barEnd = barLeft + static_cast<int>(barSpace * shown[i].second);
        layout.percents.emplace_back(barEnd + gap, y, percentWidth, line);
    }
    return layout;
}

std::vector<FieldDistributionView::BoxLayout> FieldDistributionView::boxLayouts() const
{
    std::vector<BoxLayout> layouts;
    if (!m_step)
        return layouts;
    const int count = static_cast<int>(m_step->fields.size());
    const int boxWidth = (width() - gap) / columns - gap;
    const int height = std::max(boxHeight(), (this->height() - gap) / rows - gap);
    for (int i = 0; i < count; ++i) {
        const QRect box(gap + (i % columns) * (boxWidth + gap), gap + (i / columns) * (height + gap), boxWidth, height);
        layouts.push_back(layoutField(box, m_step->fields[static_cast<std::size_t>(i)]));
    }
    return layouts;
}

void FieldDistributionView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_step) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         u"Generate to see, for each new note, what the model considered."_s);
        return;
    }
    const QColor text = palette().text().color();
    const std::vector<BoxLayout> layouts = boxLayouts();
    for (std::size_t f = 0; f < layouts.size(); ++f) {
        const BoxLayout &layout = layouts[f];
        const FieldDraw &draw = m_step->fields[f];
        painter.setPen(palette().mid().color());
        painter.drawRect(layout.box.adjusted(0, 0, -1, -1));
        painter.setFont(boldOf(font()));
        painter.setPen(text);
        painter.drawText(layout.title, Qt::AlignLeft | Qt::AlignVCenter, layout.titleText);
        painter.setFont(font());
        painter.drawText(layout.entropy, Qt::AlignLeft | Qt::AlignVCenter, layout.entropyText);
        const std::vector<std::pair<int, float>> shown = shownCandidates(draw);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const auto [code, p] = shown[i];
            const bool chosen = code == draw.chosen;
            const QRect &labelRect = layout.labels[i];
            const QRect &percentRect = layout.percents[i];
            painter.setFont(chosen ? boldOf(font()) : font());
            painter.setPen(text);
            painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, layout.texts[i]);
            const int barLeft = labelRect.right() + 1 + gap;
            const int line = labelRect.height();
            painter.fillRect(QRectF(barLeft, labelRect.top() + line * 0.2, std::max(1, percentRect.left() - gap - barLeft),
                                    line * 0.6),
                             chosen ? chosenBar : otherBar);
            painter.drawText(percentRect, Qt::AlignLeft | Qt::AlignVCenter, percentText(p));
        }
        painter.setFont(font());
    }
}

} // namespace tutti
// end of fielddistributionview.cpp
