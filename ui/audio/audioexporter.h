// SPDX-License-Identifier: GPL-3.0-or-later
// audioexporter.h — File > Export Audio: renders on a worker thread with progress and cancel.
//
// Usage:
//   auto *exporter = new AudioExporter(score, soundFontPath, u"out.wav"_s, this);
//   connect(exporter, &AudioExporter::finished, this, [](const QString &error, bool cancelled) {...});
//   exporter->start();                     // deletes itself after finished()
#pragma once

#include "score/score.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace tutti {

class AudioExporter final : public QObject
{
    Q_OBJECT

public:
    AudioExporter(const Score &score, const QString &soundFont, const QString &wavPath, QObject *parent = nullptr);

    void start();
    void cancel() { m_cancelled.store(true); }
    QString wavPath() const { return m_wavPath; }

Q_SIGNALS:
    void progress(int percent);
    void finished(const QString &error, bool cancelled);

private:
    Score m_score; // a copy: the user may keep editing while it renders
    QString m_soundFont;
    QString m_wavPath;
    std::atomic<bool> m_cancelled{false};
};

} // namespace tutti
// end of audioexporter.h
