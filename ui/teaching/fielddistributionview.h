// fielddistributionview.h — one generation step in the teaching view: for each field the
// model drew, its most likely codes with their probabilities, the entropy, and the choice.
//
// Usage:
//   auto *view = new FieldDistributionView(parent);
//   view->setLabeler([&](tutti::Field f, int code) { return readable(f, code); });
//   view->setStep(&run->steps[i]);   // nullptr clears; the step must outlive the view's use
//
// Fields are laid out in a grid of boxes in draw order (type, beat, position, pitch,
// duration, instrument). Bars are as long as the probability; the drawn code's bar is
// orange, and when it was not among the top candidates it is added below them.
#pragma once

#include "analysis/generationtrace.h"

#include <QWidget>

#include <functional>

namespace tutti {

class FieldDistributionView final : public QWidget
{
    Q_OBJECT

public:
    using Labeler = std::function<QString(Field field, int code)>;

    explicit FieldDistributionView(QWidget *parent = nullptr);

    void setLabeler(Labeler labeler);
    void setStep(const GenerationStep *step);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintField(QPainter &painter, const QRectF &box, const FieldDraw &draw) const;

    Labeler m_labeler;
    const GenerationStep *m_step = nullptr;
};

} // namespace tutti
// end of fielddistributionview.h
