// SPDX-License-Identifier: GPL-3.0-or-later
// errornotice.h — an error in the status bar that stays until the user dismisses it.
//
// Usage (MainWindow):
//   auto *errors = new ErrorNotice(statusBar());
//   statusBar()->addPermanentWidget(errors);
//   errors->showError(u"Could not load the music model: ..."_s);   // visible until ✕ is clicked
//
// Routine notices ("Opened ...", the audio status) go elsewhere in the status bar and never
// replace it; a newer error does. Hidden while there is no error.
#pragma once

#include <QWidget>

class QLabel;

namespace tutti {

class ErrorNotice final : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorNotice(QWidget *parent = nullptr);

    void showError(const QString &error);
    void dismiss();
    QString text() const; // empty while none is shown

private:
    QLabel *m_label;
};

} // namespace tutti
// end of errornotice.h
