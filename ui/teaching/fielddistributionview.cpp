// fielddistributionview.cpp — painting the candidate bars of each drawn field.
#include "fielddistributionview.h"

#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

const QColor chosenBar(0xe0, 0x7a, 0x2f);
const QColor otherBar(0x5b, 0x8d, 0xc9);
constexpr int columns = 3;
constexpr int candidateLines = 6; // five candidates, and the choice when it is not among them

} // namespace

FieldDistributionView::FieldDistributionView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(2 * (candidateLines + 2) * fontMetrics().height());
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

QSize FieldDistributionView::sizeHint() const
{
    return QSize(720, 2 * (candidateLines + 2) * fontMetrics().height() + 8);
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
    const int count = static_cast<int>(m_step->fields.size());
    const int rows = (count + columns - 1) / columns;
    const double boxWidth = width() / static_cast<double>(columns);
    const double boxHeight = height() / static_cast<double>(std::max(rows, 1));
    for (int i = 0; i < count; ++i) {
        const QRectF box((i % columns) * boxWidth, (i / columns) * boxHeight, boxWidth, boxHeight);
        paintField(painter, box.adjusted(4, 4, -4, -4), m_step->fields[static_cast<std::size_t>(i)]);
    }
}

void FieldDistributionView::paintField(QPainter &painter, const QRectF &box, const FieldDraw &draw) const
{
    const double line = box.height() / (candidateLines + 1.5);
    const QColor text = palette().text().color();
    const auto label = [this, &draw](int code) {
        return m_labeler ? m_labeler(draw.field, code) : QString::number(code);
    };
    painter.setPen(palette().mid().color());
    painter.drawRect(box);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(text);
    const QRectF title(box.left() + 6, box.top() + 2, box.width() - 12, line);
    painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, QString::fromLatin1(fieldName(draw.field)));
    painter.setFont(font());
    painter.drawText(title, Qt::AlignRight | Qt::AlignVCenter,
                     u"entropy %1 bits · %2 allowed"_s.arg(draw.entropy, 0, 'f', 2).arg(draw.allowedCodes));

    std::vector<std::pair<int, float>> shown = draw.top;
    if (std::none_of(shown.begin(), shown.end(), [&](const auto &c) { return c.first == draw.chosen; }))
        shown.emplace_back(draw.chosen, draw.chosenProbability);
    const double labelWidth = std::min(150.0, box.width() * 0.4);
    const double barLeft = box.left() + 8 + labelWidth;
    const double barSpace = box.right() - 64 - barLeft;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto [code, p] = shown[i];
        const double y = box.top() + 2 + line * (1.25 + static_cast<double>(i));
        const bool chosen = code == draw.chosen;
        QFont face = font();
        face.setBold(chosen);
        painter.setFont(face);
        painter.setPen(text);
        painter.drawText(QRectF(box.left() + 6, y, labelWidth - 4, line), Qt::AlignRight | Qt::AlignVCenter,
                         (chosen ? u"▶ "_s : QString()) + label(code));
        painter.fillRect(QRectF(barLeft, y + line * 0.2, std::max(1.0, barSpace * p), line * 0.6),
                         chosen ? chosenBar : otherBar);
        painter.drawText(QRectF(barLeft + barSpace * p + 4, y, 60, line), Qt::AlignLeft | Qt::AlignVCenter,
                         u"%1 %"_s.arg(100.0 * p, 0, 'f', p < 0.1f ? 1 : 0));
    }
    painter.setFont(font());
}

} // namespace tutti
// end of fielddistributionview.cpp
