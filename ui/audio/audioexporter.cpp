// SPDX-License-Identifier: GPL-3.0-or-later
// audioexporter.cpp — offline render in a QThread, reporting back through queued signals.
#include "audioexporter.h"

#include "audio/offlinerenderer.h"

#include <QThread>

namespace tutti {

AudioExporter::AudioExporter(const Score &score, const QString &soundFont, const QString &wavPath, QObject *parent)
    : QObject(parent)
    , m_score(score)
    , m_soundFont(soundFont)
    , m_wavPath(wavPath)
{
}

void AudioExporter::start()
{
    QThread *worker = QThread::create([this] {
        audio::RenderOptions options;
        options.soundFont = m_soundFont;
        int lastPercent = -1;
        const audio::RenderResult result = audio::renderToWav(m_score, m_wavPath, options, [&](double done) {
            const int percent = static_cast<int>(done * 100);
            if (percent != lastPercent) {
                lastPercent = percent;
                Q_EMIT progress(percent); // queued to the GUI thread: this object lives there
            }
            return !m_cancelled.load();
        });
        Q_EMIT finished(result.error, result.cancelled);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, &QObject::deleteLater);
    worker->start();
}

} // namespace tutti
// end of audioexporter.cpp
