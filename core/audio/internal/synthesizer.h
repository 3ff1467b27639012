// SPDX-License-Identifier: GPL-3.0-or-later
// synthesizer.h — one FluidSynth instance with a SoundFont, rendered in 64-frame blocks.
//
// Usage:
//   Synthesizer synth(44100, tracks);        // enough channels for `tracks` tracks
//   QString error = synth.loadSoundFont(path);
//   synth.setupChannels(schedule.channels);
//   synth.apply(event);                      // note on/off
//   synth.renderBlock(left, right);          // exactly blockFrames frames each
//
// FluidSynth starts voices only at the start of its internal 64-frame blocks, so events are
// applied between blocks (see blockscheduler.h). fluidsynth.h stays inside the .cpp.
#pragma once

#include "eventschedule.h"

#include <QString>

#include <memory>
#include <vector>

namespace tutti::audio {

class Synthesizer
{
public:
    static constexpr int blockFrames = 64;
    // FluidSynth's default gain (0.2) leaves ensemble music near -15 dBFS. At 0.85 a string
    // quartet peaks near -3 dBFS with MuseScore General and above full scale with the louder
    // TimGM6mb, which the output limiter (peaklimiter.h) then holds at -1.2 dBFS.
    static constexpr double defaultGain = 0.85;

    Synthesizer(int sampleRate, int trackCount, double gain = defaultGain);
    ~Synthesizer();
    Synthesizer(const Synthesizer &) = delete;
    Synthesizer &operator=(const Synthesizer &) = delete;

    // Loads an .sf2/.sf3; returns an empty string on success, else a message naming the file.
    QString loadSoundFont(const QString &path);
    bool hasSoundFont() const;
    int sampleRate() const;
    int channelCount() const;

    void setupChannels(const std::vector<ChannelSetup> &channels);
    void setChannelAudible(int channel, int volume, bool audible);
    void apply(const ScheduledEvent &event);
    void noteOn(int channel, int key, int velocity);
    void noteOff(int channel, int key);
    void controlChange(int channel, int controller, int value);
    void allNotesOff();   // release every voice (tails ring on)
    void allSoundsOff();  // silence at once

    // Renders one block into left[0..blockFrames) and right[0..blockFrames), overwriting them.
    void renderBlock(float *left, float *right);

private:
    struct Fluid;
    std::unique_ptr<Fluid> m_fluid;
};

// Routes FluidSynth's own log lines to Qt's logging once, so a missing audio device prints
// one clear line of ours instead of several of FluidSynth's.
void quietFluidSynthLog();

} // namespace tutti::audio
// end of synthesizer.h
