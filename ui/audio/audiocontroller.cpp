// SPDX-License-Identifier: GPL-3.0-or-later
// audiocontroller.cpp — SoundFont loading off the GUI thread, score updates, status text.
#include "audiocontroller.h"

#include "audio/soundfonts.h"
#include "edit/scoredocument.h"

#include <QFileInfo>
#include <QCoreApplication>
#include <QPointer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace tutti {

AudioController::AudioController(ScoreDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_notifier(&m_engine)
{
    connect(document, &ScoreDocument::scoreChanged, this, [this] { m_engine.setScore(m_document->score()); });
    m_engine.setScore(document->score());
}

AudioController::~AudioController() = default;

void AudioController::start(const QString &soundFont)
{
    m_engine.openOutput();
    const QString path = QFileInfo(soundFont).isFile() ? soundFont : audio::defaultSoundFont();
    if (path.isEmpty()) {
        m_problem = audio::noSoundFontMessage();
        Q_EMIT statusChanged(status());
        return;
    }
    loadSoundFont(path);
}

void AudioController::loadSoundFont(const QString &path)
{
    m_loading = true;
    Q_EMIT statusChanged(status());
    const int sampleRate = m_engine.sampleRate();
    QPointer<AudioController> self(this);
    QThread *worker = QThread::create([self, path, sampleRate] {
        QString error;
        audio::SynthesizerPtr synth = audio::PlaybackEngine::loadSynthesizer(path, sampleRate, &error);
        // Back on the GUI thread; the Synthesizer travels inside a shared holder because
        // queued functors must be copyable.
        auto holder = std::make_shared<audio::SynthesizerPtr>(std::move(synth));
        QMetaObject::invokeMethod(qApp, [self, holder, path, error] {
            if (self)
                self->finishLoading(std::move(*holder), path, error);
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void AudioController::finishLoading(audio::SynthesizerPtr synth, const QString &path, const QString &error)
{
    m_loading = false;
    if (!error.isEmpty()) {
        // Keep whatever SoundFont was working before; say what went wrong.
        m_problem = error;
        Q_EMIT soundFontFailed(error);
    } else {
        m_problem.clear();
        m_soundFontPath = path;
        m_engine.setSynthesizer(std::move(synth));
        Q_EMIT soundFontLoaded(path);
    }
    Q_EMIT statusChanged(status());
}

QString AudioController::status() const
{
    QString text = m_engine.outputDescription();
    if (m_loading)
        text += u" · loading SoundFont..."_s;
    else if (!m_soundFontPath.isEmpty())
        text += u" · "_s + QFileInfo(m_soundFontPath).fileName();
    if (!m_problem.isEmpty())
        text += u" · "_s + m_problem;
    return text;
}

} // namespace tutti
// end of audiocontroller.cpp
