// SPDX-License-Identifier: GPL-3.0-or-later
// audiocontroller.h — the GUI's side of sound: owns the playback engine, loads SoundFonts
// on a worker thread, and keeps the engine's copy of the score current.
//
// Usage:
//   AudioController audio(&document);
//   audio.start();                          // opens the output, loads the default SoundFont
//   connect(&audio, &AudioController::statusChanged, statusBar, ...);
//   audio.engine().play();
#pragma once

#include "audio/playbackengine.h"
#include "audio/playbacknotifier.h"

#include <QObject>
#include <QString>

namespace tutti {

class ScoreDocument;

class AudioController final : public QObject
{
    Q_OBJECT

public:
    explicit AudioController(ScoreDocument *document, QObject *parent = nullptr);
    ~AudioController() override;

    // Opens the output and loads `soundFont`, or the default SoundFont when it is empty or
    // no longer exists.
    void start(const QString &soundFont = {});
    // Loads an .sf2/.sf3 off the GUI thread; soundFontLoaded or soundFontFailed follows.
    void loadSoundFont(const QString &path);
    QString soundFontPath() const { return m_soundFontPath; }
    bool isLoading() const { return m_loading; }
    QString status() const;

    audio::PlaybackEngine &engine() { return m_engine; }
    audio::PlaybackNotifier &notifier() { return m_notifier; }

Q_SIGNALS:
    void statusChanged(const QString &status);
    void soundFontLoaded(const QString &path);
    void soundFontFailed(const QString &error);

private:
    void finishLoading(audio::SynthesizerPtr synth, const QString &path, const QString &error);

    ScoreDocument *m_document;
    audio::PlaybackEngine m_engine;
    audio::PlaybackNotifier m_notifier;
    QString m_soundFontPath;
    QString m_problem;
    bool m_loading = false;
};

} // namespace tutti
// end of audiocontroller.h
