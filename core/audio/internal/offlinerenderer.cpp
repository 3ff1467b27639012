// SPDX-License-Identifier: GPL-3.0-or-later
// offlinerenderer.cpp — block-scheduled FluidSynth rendering into a sink or a WAV file.
#include "audio/offlinerenderer.h"

#include "audio/soundfonts.h"
#include "blockscheduler.h"
#include "peaklimiter.h"

#include <QElapsedTimer>
#include <QFile>

#include <sndfile.h>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti::audio {

double RenderResult::peakDbfs() const
{
    return peak > 0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity();
}

RenderResult render(const Score &score, const RenderOptions &options, const RenderSink &sink,
                    const RenderProgress &progress)
{
    RenderResult result;
    const QString soundFont = options.soundFont.isEmpty() ? defaultSoundFont() : options.soundFont;
    if (soundFont.isEmpty()) {
        result.error = noSoundFontMessage();
        return result;
    }
    if (options.sampleRate < 8000 || options.sampleRate > 192000) {
        result.error = u"sample rate "_s + QString::number(options.sampleRate) + u" Hz is outside 8000..192000"_s;
        return result;
    }

    const EventSchedule schedule = buildSchedule(score, options.sampleRate);
    Synthesizer synth(options.sampleRate, static_cast<int>(score.tracks.size()),
                      options.gain >= 0 ? options.gain : Synthesizer::defaultGain);
    QElapsedTimer loading;
    loading.start();
    result.error = synth.loadSoundFont(soundFont);
    result.loadSeconds = loading.nsecsElapsed() / 1e9;
    if (!result.error.isEmpty())
        return result;
    synth.setupChannels(schedule.channels);

    BlockScheduler scheduler;
    scheduler.setSchedule(&schedule);
    PeakLimiter limiter(options.sampleRate);

    // Render in chunks of 64 blocks; after the last note, go on until 0.25 s of near
    // silence (-80 dBFS) or the tail limit.
    constexpr int blocksPerChunk = 64;
    constexpr int chunkFrames = blocksPerChunk * Synthesizer::blockFrames;
    constexpr float silence = 1e-4f;
    std::array<float, chunkFrames> left{};
    std::array<float, chunkFrames> right{};
    const Frame tailLimit = schedule.endFrame + static_cast<Frame>(options.maxTailSeconds * options.sampleRate);
    const Frame quietNeeded = options.sampleRate / 4;
    Frame quietFrames = 0;
    const double total = static_cast<double>(std::max<Frame>(1, schedule.endFrame));

    while (scheduler.position() < tailLimit) {
        float chunkPeak = 0;
        for (int block = 0; block < blocksPerChunk; ++block) {
            float *l = left.data() + block * Synthesizer::blockFrames;
            float *r = right.data() + block * Synthesizer::blockFrames;
            scheduler.renderBlock(synth, l, r);
            limiter.process(l, r);
        }
        for (int i = 0; i < chunkFrames; ++i)
            chunkPeak = std::max({chunkPeak, std::abs(left[i]), std::abs(right[i])});
        result.peak = std::max<double>(result.peak, chunkPeak);
        result.frames += chunkFrames;
        if (!sink(left.data(), right.data(), chunkFrames)) {
            result.error = u"could not store the rendered audio"_s;
            return result;
        }
        if (progress && !progress(std::min(1.0, static_cast<double>(scheduler.position()) / total))) {
            result.cancelled = true;
            return result;
        }
        if (scheduler.position() >= schedule.endFrame) {
            quietFrames = chunkPeak < silence ? quietFrames + chunkFrames : 0;
            if (quietFrames >= quietNeeded)
                break;
        }
    }
    return result;
}

RenderResult renderToBuffer(const Score &score, const RenderOptions &options, std::vector<float> &interleaved)
{
    interleaved.clear();
    return render(score, options, [&](const float *left, const float *right, int frames) {
        for (int i = 0; i < frames; ++i) {
            interleaved.push_back(left[i]);
            interleaved.push_back(right[i]);
        }
        return true;
    });
}

RenderResult renderToWav(const Score &score, const QString &wavPath, const RenderOptions &options,
                         const RenderProgress &progress)
{
    const QString partPath = wavPath + u".part"_s;
    SF_INFO info{};
    info.samplerate = options.sampleRate;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE *file = sf_open(QFile::encodeName(partPath).constData(), SFM_WRITE, &info);
    if (!file) {
        RenderResult failed;
        failed.error = wavPath + u": cannot write: "_s + QString::fromUtf8(sf_strerror(nullptr));
        return failed;
    }
    // Clip rather than wrap around should a sample exceed full scale.
    sf_command(file, SFC_SET_CLIPPING, nullptr, SF_TRUE);

    std::vector<float> interleaved;
    bool writeFailed = false;
    RenderResult result = render(score, options, [&](const float *left, const float *right, int frames) {
        interleaved.resize(static_cast<std::size_t>(frames) * 2);
        for (int i = 0; i < frames; ++i) {
            interleaved[2 * static_cast<std::size_t>(i)] = left[i];
            interleaved[2 * static_cast<std::size_t>(i) + 1] = right[i];
        }
        writeFailed = sf_writef_float(file, interleaved.data(), frames) != frames;
        return !writeFailed;
    }, progress);
    if (writeFailed)
        result.error = wavPath + u": cannot write: "_s + QString::fromUtf8(sf_strerror(file));
    sf_close(file);

    if (result.error.isEmpty() && !result.cancelled) {
        QFile::remove(wavPath);
        if (!QFile::rename(partPath, wavPath))
            result.error = wavPath + u": cannot write (rename from the temporary file failed)"_s;
    }
    if (!result.error.isEmpty() || result.cancelled)
        QFile::remove(partPath);
    return result;
}

} // namespace tutti::audio
// end of offlinerenderer.cpp
