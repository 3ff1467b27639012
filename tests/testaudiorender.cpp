// SPDX-License-Identifier: GPL-3.0-or-later
// testaudiorender.cpp — sound checked by numbers: onset times, mute, solo, gain, errors,
// and the playback engine's transport driven by hand.
#include "audio/audioanalysis.h"
#include "audio/offlinerenderer.h"
#include "audio/playbackengine.h"
#include "audio/soundfonts.h"
#include "io/scorefile.h"
#include "score/timemap.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cmath>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tutti;

namespace {

constexpr int rate = 44100;

// TimGM6mb loads in a blink; the larger default SoundFonts take seconds per test.
QString testSoundFont()
{
    const QString small = u"/usr/share/sounds/sf2/TimGM6mb.sf2"_s;
    return QFileInfo::exists(small) ? small : audio::defaultSoundFont();
}

audio::RenderOptions options()
{
    audio::RenderOptions o;
    o.soundFont = testSoundFont();
    o.sampleRate = rate;
    return o;
}

// A piano phrase in the first half second, a cello phrase from 3 s: far enough apart that
// the first one's tail has died away.
Score twoSeparatedTracks()
{
    Score score;
    score.addTrack(u"Piano"_s, 0).notes = {{0, 240, 60, 100}, {240, 240, 64, 100}};
    score.addTrack(u"Cello"_s, 42).notes = {{2880, 480, 48, 100}, {3360, 480, 55, 100}};
    score.normalize();
    return score;
}

double rmsBetween(const std::vector<float> &stereo, double from, double to)
{
    return audio::rmsDbfs(stereo, static_cast<long>(from * rate), static_cast<long>(to * rate));
}

void checkOnsets(const Score &probe, const std::vector<float> &stereo)
{
    const std::vector<double> onsets = audio::detectOnsets(stereo, rate);
    const auto &notes = probe.tracks[0].notes;
    QCOMPARE(onsets.size(), notes.size());
    const TimeMap map(probe);
    const double attack = onsets[0]; // stroke 0 sits on a block boundary: its onset is the sample's attack
    QVERIFY(attack < 0.005);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const double error = std::abs(onsets[i] - attack - map.seconds(notes[i].start));
        QVERIFY2(error <= 0.001, qPrintable(u"stroke %1 off by %2 ms"_s.arg(i).arg(error * 1000)));
    }
}

} // namespace

class TestAudioRender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (testSoundFont().isEmpty())
            QSKIP("no SoundFont installed (packaging/install-deps.sh installs one)");
    }

    void offlineOnsetsLandWithinOneMillisecond()
    {
        // GIVEN strokes at uneven times across a tempo change
        const Score probe = audio::timingProbeScore();
        // WHEN rendered offline
        std::vector<float> stereo;
        const audio::RenderResult result = audio::renderToBuffer(probe, options(), stereo);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        // THEN every stroke is heard, each within 1 ms of where the tempo map puts it
        checkOnsets(probe, stereo);
    }

    void playbackOnsetsLandWithinOneMillisecond()
    {
        // GIVEN the same strokes played through the real-time engine, driven by hand in
        // uneven callback sizes as sound cards do
        const Score probe = audio::timingProbeScore();
        audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, rate);
        QString error;
        engine.setSynthesizer(audio::PlaybackEngine::loadSynthesizer(testSoundFont(), rate, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        engine.setScore(probe);
        engine.play();
        const int frames = static_cast<int>((TimeMap(probe).seconds(probe.endTick()) + 0.5) * rate);
        std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size()), stereo;
        const int callbackSizes[] = {256, 100, 512, 37, 1024};
        for (int done = 0, i = 0; done < frames; ++i) {
            const int count = std::min(frames - done, callbackSizes[i % 5]);
            engine.renderManually(left.data() + done, right.data() + done, count);
            done += count;
        }
        for (std::size_t i = 0; i < left.size(); ++i)
            stereo.insert(stereo.end(), {left[i], right[i]});
        // THEN timing is as exact as offline
        checkOnsets(probe, stereo);
    }

    void mutedTrackIsSilentAndSoloLeavesOnlyItsTrack()
    {
        Score score = twoSeparatedTracks();
        std::vector<float> stereo;
        // GIVEN both tracks audible, THEN both phrases sound
        audio::renderToBuffer(score, options(), stereo);
        QVERIFY(rmsBetween(stereo, 0.0, 0.5) > -40);
        QVERIFY(rmsBetween(stereo, 3.0, 3.8) > -40);
        // WHEN the cello is muted THEN its phrase is silence
        score.tracks[1].muted = true;
        audio::renderToBuffer(score, options(), stereo);
        QVERIFY(rmsBetween(stereo, 0.0, 0.5) > -40);
        QVERIFY2(rmsBetween(stereo, 3.0, 3.8) < -80, qPrintable(QString::number(rmsBetween(stereo, 3.0, 3.8))));
        // WHEN instead the cello is soloed THEN only the cello sounds
        score.tracks[1].muted = false;
        score.tracks[1].soloed = true;
        audio::renderToBuffer(score, options(), stereo);
        QVERIFY(rmsBetween(stereo, 0.0, 0.5) < -80);
        QVERIFY(rmsBetween(stereo, 3.0, 3.8) > -40);
    }

    void renderIncludesTheReleaseTail()
    {
        const Score score = twoSeparatedTracks();
        std::vector<float> stereo;
        const audio::RenderResult result = audio::renderToBuffer(score, options(), stereo);
        const double lastNoteEnd = TimeMap(score).seconds(score.endTick());
        const double length = static_cast<double>(result.frames) / rate;
        QVERIFY(length > lastNoteEnd + 0.25);
        QVERIFY(length < lastNoteEnd + options().maxTailSeconds + 0.2);
        QVERIFY(rmsBetween(stereo, length - 0.2, length) < -70); // it stopped because it was quiet
    }

    void realQuartetPeaksBetweenMinusSixAndMinusOneDbfs_data()
    {
        QTest::addColumn<QString>("soundFont");
        // The small test SoundFont, and the one users hear by default (it differs by 5 dB).
        QTest::newRow("test") << testSoundFont();
        QTest::newRow("default") << audio::defaultSoundFont();
    }

    void realQuartetPeaksBetweenMinusSixAndMinusOneDbfs()
    {
        QFETCH(QString, soundFont);
        // GIVEN the opening minute of a real string quartet
        const QString path = QStringLiteral(TUTTI_SHARED_DATA)
            + u"/openscore-quartets/midi/Beethoven,_Ludwig_van/String_Quartet_No.2,_Op.18_No.2/sq8853405.mid"_s;
        if (!QFileInfo::exists(path))
            QSKIP("the quartet corpus is not present");
        ScoreReadResult read = readScoreFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const Tick oneMinute = TimeMap(read.score).tickAtSeconds(60);
        for (Track &track : read.score.tracks)
            std::erase_if(track.notes, [&](const Note &note) { return note.start > oneMinute; });
        // WHEN rendered with the default gain
        std::vector<float> stereo;
        audio::RenderOptions o = options();
        o.soundFont = soundFont;
        const audio::RenderResult result = audio::renderToBuffer(read.score, o, stereo);
        // THEN it is loud enough to hear and never clips
        QVERIFY2(result.peakDbfs() > -6 && result.peakDbfs() < -1, qPrintable(QString::number(result.peakDbfs())));
    }

    void wavFileIsWrittenCompleteOrNotAtAll()
    {
        QTemporaryDir dir;
        const QString wav = dir.filePath(u"out.wav"_s);
        // WHEN rendering is cancelled THEN no file (and no partial file) is left
        audio::RenderResult result = audio::renderToWav(twoSeparatedTracks(), wav, options(),
                                                        [](double) { return false; });
        QVERIFY(result.cancelled);
        QVERIFY(!QFile::exists(wav));
        QVERIFY(!QFile::exists(wav + u".part"_s));
        // WHEN it completes THEN the WAV holds the rendered frames, in stereo at the rate asked
        result = audio::renderToWav(twoSeparatedTracks(), wav, options());
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(QFileInfo(wav).size(), 44 + result.frames * 4);
        QProcess soxi;
        soxi.start(u"soxi"_s, {wav});
        if (soxi.waitForFinished(10000) && soxi.exitCode() == 0) {
            const QString info = QString::fromUtf8(soxi.readAllStandardOutput());
            QVERIFY2(info.contains(u"Channels       : 2"_s) && info.contains(u"44100"_s), qPrintable(info));
        }
    }

    void missingOrBrokenSoundFontIsAClearError()
    {
        QTemporaryDir dir;
        audio::RenderOptions o = options();
        o.soundFont = dir.filePath(u"nothing.sf2"_s);
        std::vector<float> stereo;
        QVERIFY(audio::renderToBuffer(twoSeparatedTracks(), o, stereo).error.contains(u"no such SoundFont"_s));
        QFile broken(dir.filePath(u"broken.sf2"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray("RIFF\x10\x00\x00\x00sfbkLIST garbage", 24));
        broken.close();
        o.soundFont = broken.fileName();
        const QString error = audio::renderToBuffer(twoSeparatedTracks(), o, stereo).error;
        QVERIFY2(error.contains(u"not a usable SoundFont"_s), qPrintable(error));
        QString loadError;
        QVERIFY(!audio::PlaybackEngine::loadSynthesizer(broken.fileName(), rate, &loadError));
        QVERIFY(loadError.contains(u"broken.sf2"_s));
    }

    void transportMovesOnlyWhilePlaying()
    {
        audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, rate);
        QString error;
        engine.setSynthesizer(audio::PlaybackEngine::loadSynthesizer(testSoundFont(), rate, &error));
        engine.setScore(twoSeparatedTracks());
        std::vector<float> left(4410), right(4410);
        // GIVEN a stopped engine THEN rendering does not move the playhead
        engine.renderManually(left.data(), right.data(), 4410);
        QCOMPARE(engine.positionTick(), Tick(0));
        // WHEN playing 0.1 s THEN the playhead is 0.1 s on (within one block)
        engine.play();
        engine.renderManually(left.data(), right.data(), 4410);
        QVERIFY(std::abs(engine.positionSeconds() - 0.1) < 64.0 / rate);
        // WHEN paused THEN it stays
        engine.pause();
        const double paused = engine.positionSeconds();
        engine.renderManually(left.data(), right.data(), 4410);
        QCOMPARE(engine.positionSeconds(), paused);
        // WHEN seeking to beat 3 THEN it is there
        engine.seek(960);
        engine.renderManually(left.data(), right.data(), 64);
        QVERIFY(std::abs(engine.positionSeconds() - 1.0) < 64.0 / rate);
        // WHEN looping beats 1-2 and playing 1.3 s THEN it wrapped back into the loop
        engine.setLoop(true, 0, 960);
        engine.seek(0);
        engine.play();
        for (int i = 0; i < 13; ++i)
            engine.renderManually(left.data(), right.data(), 4410);
        QVERIFY2(engine.positionSeconds() < 1.0, qPrintable(QString::number(engine.positionSeconds())));
        QVERIFY(std::abs(engine.positionSeconds() - 0.3) < 0.01);
        // WHEN stopped THEN it returns to the loop start
        engine.stop();
        engine.renderManually(left.data(), right.data(), 64);
        QCOMPARE(engine.positionTick(), Tick(0));
    }

    void previewSoundsWhileStopped()
    {
        audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Manual, rate);
        QString error;
        engine.setSynthesizer(audio::PlaybackEngine::loadSynthesizer(testSoundFont(), rate, &error));
        engine.setScore(twoSeparatedTracks());
        std::vector<float> left(8820), right(8820);
        engine.previewNoteOn(0, 72, 110);
        engine.renderManually(left.data(), right.data(), 8820);
        const float loudest = *std::max_element(left.begin(), left.end());
        QVERIFY(loudest > 0.01f);
        QCOMPARE(engine.positionTick(), Tick(0));
    }

    void noAudioDeviceStillKeepsTime()
    {
        // GIVEN a machine where FluidSynth finds no sound card (CI, this container) or one
        audio::PlaybackEngine engine(audio::PlaybackEngine::Output::Device, rate);
        engine.openOutput();
        if (engine.hasAudioDevice())
            QSKIP("this machine has an audio device");
        // THEN it says so, and the transport runs silently in real time
        QVERIFY(engine.outputDescription().contains(u"No audio device"_s));
        engine.setScore(twoSeparatedTracks());
        engine.play();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QVERIFY(engine.positionSeconds() > 0.1);
        QVERIFY(engine.positionSeconds() < 2.0);
    }
};

QTEST_GUILESS_MAIN(TestAudioRender)
#include "testaudiorender.moc"
