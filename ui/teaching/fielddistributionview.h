// SPDX-License-Identifier: GPL-3.0-or-later
// fielddistributionview.h — one generation step in the teaching view: for each field the
// model drew, its most likely codes with their probabilities, the entropy, and the choice.
//
// Usage:
//   auto *view = new FieldDistributionView(parent);
//   view->setLabeler([&](tutti::Field f, int code) { return readable(f, code); });
//   view->setStep(&run->steps[i]);   // nullptr clears; the step must outlive the view's use
//
// Fields are laid out in a grid of boxes in draw order (type, beat, position, pitch,
// duration, instrument), three across and two down. Each box holds the field's name, a
// line with its entropy, and one line per candidate: label, bar, percentage. Bars are as
// long as the probability; the drawn code's bar is orange, and when it was not among the
// top candidates it is added below them. Every line has a height of its own, from the
// font, and minimumSizeHint() is the size at which labels such as "bar 888 beat 8" and
// every percentage still fit whole; a longer label is elided ("…"), never cut.
#pragma once

#include "analysis/generationtrace.h"

#include <QWidget>

#include <functional>
#include <vector>

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
    QSize minimumSizeHint() const override;

    // Where each field's box, and in it each text, is drawn at the current size (for tests).
    struct BoxLayout
    {
        QRect box;
        QRect title;                 // the field's name
        QString titleText;
        QRect entropy;
        QString entropyText;         // "entropy 0.01 bits · 3 allowed"
        std::vector<QRect> labels;   // one per candidate shown
        std::vector<QString> texts;  // what each label says, after any eliding
        std::vector<QRect> percents; // where each percentage is written
    };
    std::vector<BoxLayout> boxLayouts() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    BoxLayout layoutField(const QRect &box, const FieldDraw &draw) const;
    QString label(const FieldDraw &draw, int code) const;
    int lineHeight() const;
    int boxMinimumWidth() const;
    int boxHeight() const;

    Labeler m_labeler;
    const GenerationStep *m_step = nullptr;
};

} // namespace tutti
// end of fielddistributionview.h
