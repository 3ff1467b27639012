// SPDX-License-Identifier: GPL-3.0-or-later
// synthesizer.cpp — the FluidSynth C API behind a small C++ class.
#include "synthesizer.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <fluidsynth.h>

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFluid, "tutti.fluidsynth")

namespace tutti::audio {

namespace {

void logToQt(int level, const char *message, void *)
{
    if (level <= FLUID_ERR)
        qCWarning(lcFluid, "%s", message);
    else
        qCDebug(lcFluid, "%s", message);
}

} // namespace

void quietFluidSynthLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
            fluid_set_log_function(level, logToQt, nullptr);
    });
}

struct Synthesizer::Fluid
{
    fluid_settings_t *settings = nullptr;
    fluid_synth_t *synth = nullptr;
    int soundFontId = -1;
    int sampleRate = 44100;
    int channels = 16;

    ~Fluid()
    {
        if (synth)
            delete_fluid_synth(synth);
        if (settings)
            delete_fluid_settings(settings);
    }
};

Synthesizer::Synthesizer(int sampleRate, int trackCount, double gain)
    : m_fluid(std::make_unique<Fluid>())
{
    quietFluidSynthLog();
    Fluid &f = *m_fluid;
    f.sampleRate = sampleRate;
    // One channel per track, in whole groups of 16 as FluidSynth requires.
    f.channels = std::max(16, (trackCount + 15) / 16 * 16);
    f.settings = new_fluid_settings();
    fluid_settings_setnum(f.settings, "synth.sample-rate", sampleRate);
    fluid_settings_setnum(f.settings, "synth.gain", gain);
    fluid_settings_setint(f.settings, "synth.midi-channels", f.channels);
    fluid_settings_setint(f.settings, "synth.polyphony", 512);
    // Events come from one thread per synth (the audio callback or the renderer).
    fluid_settings_setint(f.settings, "synth.threadsafe-api", 0);
    f.synth = new_fluid_synth(f.settings);
}

Synthesizer::~Synthesizer() = default;

QString Synthesizer::loadSoundFont(const QString &path)
{
    Fluid &f = *m_fluid;
    if (!f.synth)
        return u"the synthesizer could not be created"_s;
    const QFileInfo info(path);
    if (!info.isFile())
        return path + u": no such SoundFont file"_s;
    const int id = fluid_synth_sfload(f.synth, QFile::encodeName(path).constData(), 1);
    if (id == FLUID_FAILED)
        return path + u": not a usable SoundFont (.sf2 or .sf3); it may be damaged"_s;
    if (f.soundFontId >= 0)
        fluid_synth_sfunload(f.synth, f.soundFontId, 1);
    f.soundFontId = id;
    return {};
}

bool Synthesizer::hasSoundFont() const
{
    return m_fluid->soundFontId >= 0;
}

int Synthesizer::sampleRate() const
{
    return m_fluid->sampleRate;
}

int Synthesizer::channelCount() const
{
    return m_fluid->channels;
}

void Synthesizer::setupChannels(const std::vector<ChannelSetup> &channels)
{
    fluid_synth_t *synth = m_fluid->synth;
    const int count = std::min<int>(static_cast<int>(channels.size()), m_fluid->channels);
    for (int channel = 0; channel < count; ++channel) {
        const ChannelSetup &setup = channels[static_cast<std::size_t>(channel)];
        fluid_synth_set_channel_type(synth, channel, setup.drum ? CHANNEL_TYPE_DRUM : CHANNEL_TYPE_MELODIC);
        fluid_synth_bank_select(synth, channel, setup.drum ? 128 : 0);
        fluid_synth_program_change(synth, channel, std::clamp(setup.program, 0, 127));
        fluid_synth_cc(synth, channel, 10, std::clamp(setup.pan, 0, 127));
        setChannelAudible(channel, setup.volume, setup.audible);
    }
}

void Synthesizer::setChannelAudible(int channel, int volume, bool audible)
{
    // Muting by channel volume keeps notes running silently, so unmuting mid-note is heard
    // at once, as in a mixer.
    fluid_synth_cc(m_fluid->synth, channel, 7, audible ? std::clamp(volume, 0, 127) : 0);
}

void Synthesizer::apply(const ScheduledEvent &event)
{
    switch (event.kind) {
    case ScheduledEvent::Kind::NoteOn:
        fluid_synth_noteon(m_fluid->synth, event.channel, event.key, event.velocity);
        break;
    case ScheduledEvent::Kind::NoteOff:
        fluid_synth_noteoff(m_fluid->synth, event.channel, event.key);
        break;
    case ScheduledEvent::Kind::Control:
        fluid_synth_cc(m_fluid->synth, event.channel, event.key, event.velocity);
        break;
    }
}

void Synthesizer::noteOn(int channel, int key, int velocity)
{
    fluid_synth_noteon(m_fluid->synth, channel, std::clamp(key, 0, 127), std::clamp(velocity, 1, 127));
}

void Synthesizer::noteOff(int channel, int key)
{
    fluid_synth_noteoff(m_fluid->synth, channel, std::clamp(key, 0, 127));
}

void Synthesizer::controlChange(int channel, int controller, int value)
{
    fluid_synth_cc(m_fluid->synth, channel, std::clamp(controller, 0, 127), std::clamp(value, 0, 127));
}

void Synthesizer::allNotesOff()
{
    fluid_synth_all_notes_off(m_fluid->synth, -1);
}

void Synthesizer::allSoundsOff()
{
    fluid_synth_all_sounds_off(m_fluid->synth, -1);
}

void Synthesizer::renderBlock(float *left, float *right)
{
    std::fill(left, left + blockFrames, 0.0f);
    std::fill(right, right + blockFrames, 0.0f);
    // Reverb and chorus are mixed into the dry outputs (no separate effect buses).
    float *effects[4] = {left, right, left, right};
    float *dry[2] = {left, right};
    fluid_synth_process(m_fluid->synth, blockFrames, 4, effects, 2, dry);
}

} // namespace tutti::audio
// end of synthesizer.cpp
