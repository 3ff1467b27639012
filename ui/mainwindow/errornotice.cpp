// SPDX-License-Identifier: GPL-3.0-or-later
// errornotice.cpp — a red label and a dismiss button, shown only while there is an error.
#include "errornotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace tutti {

ErrorNotice::ErrorNotice(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(u"errorNotice"_s);
    m_label->setObjectName(u"errorNoticeText"_s);
    m_label->setStyleSheet(u"QLabel { color: #b00020; font-weight: bold; }"_s);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setObjectName(u"errorNoticeDismiss"_s);
    close->setText(u"✕"_s);
    close->setAutoRaise(true);
    close->setToolTip(u"Dismiss this message"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &ErrorNotice::dismiss);
    hide();
}

void ErrorNotice::showError(const QString &error)
{
    // One line in the bar (a long path would widen the window); the whole text on hover.
    m_label->setText(error.section(u'\n', 0, 0));
    m_label->setToolTip(error);
    show();
}

void ErrorNotice::dismiss()
{
    m_label->clear();
    m_label->setToolTip({});
    hide();
}

QString ErrorNotice::text() const
{
    return m_label->toolTip();
}

} // namespace tutti
// end of errornotice.cpp
