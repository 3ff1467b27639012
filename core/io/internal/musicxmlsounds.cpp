// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlsounds.cpp — General MIDI programs as MusicXML sounds; drum sounds on the staff.
#include "musicxmlsounds.h"

#include <array>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr std::array<const char16_t *, 128> sounds = {
    // Piano
    u"keyboard.piano.grand", u"keyboard.piano", u"keyboard.piano.electric", u"keyboard.piano.honky-tonk",
    u"keyboard.piano.electric", u"keyboard.piano.electric", u"keyboard.harpsichord", u"keyboard.clavinet",
    // Chromatic percussion
    u"keyboard.celesta", u"pitched-percussion.glockenspiel", u"pitched-percussion.music-box",
    u"pitched-percussion.vibraphone", u"pitched-percussion.marimba", u"pitched-percussion.xylophone",
    u"pitched-percussion.tubular-bells", u"pitched-percussion.hammer-dulcimer",
    // Organ
    u"keyboard.organ.drawbar", u"keyboard.organ.percussive", u"keyboard.organ.rotary", u"keyboard.organ.pipe",
    u"keyboard.organ.reed", u"keyboard.accordion", u"wind.reed.harmonica", u"keyboard.bandoneon",
    // Guitar
    u"pluck.guitar.nylon-string", u"pluck.guitar.steel-string", u"pluck.guitar.electric", u"pluck.guitar.electric",
    u"pluck.guitar.electric", u"pluck.guitar.electric", u"pluck.guitar.electric", u"pluck.guitar.electric",
    // Bass
    u"pluck.bass.acoustic", u"pluck.bass.electric", u"pluck.bass.electric", u"pluck.bass.fretless",
    u"pluck.bass.electric", u"pluck.bass.electric", u"pluck.bass.synth", u"pluck.bass.synth",
    // Strings
    u"strings.violin", u"strings.viola", u"strings.cello", u"strings.contrabass",
    u"strings.group", u"strings.group", u"pluck.harp", u"drum.timpani",
    // Ensemble
    u"strings.group", u"strings.group", u"strings.group.synth", u"strings.group.synth",
    u"voice.aa", u"voice.oo", u"voice.synth", u"synth.effects",
    // Brass
    u"brass.trumpet", u"brass.trombone", u"brass.tuba", u"brass.trumpet",
    u"brass.french-horn", u"brass.group", u"brass.group.synth", u"brass.group.synth",
    // Reed
    u"wind.reed.saxophone.soprano", u"wind.reed.saxophone.alto", u"wind.reed.saxophone.tenor",
    u"wind.reed.saxophone.baritone", u"wind.reed.oboe", u"wind.reed.english-horn", u"wind.reed.bassoon",
    u"wind.reed.clarinet",
    // Pipe
    u"wind.flutes.flute.piccolo", u"wind.flutes.flute", u"wind.flutes.recorder", u"wind.flutes.panpipes",
    u"wind.flutes.blown-bottle", u"wind.flutes.shakuhachi", u"wind.flutes.whistle", u"wind.flutes.ocarina",
    // Synth lead
    u"synth.tone.square", u"synth.tone.sawtooth", u"synth.tone", u"synth.tone",
    u"synth.tone", u"synth.tone", u"synth.tone", u"synth.tone",
    // Synth pad
    u"synth.pad", u"synth.pad.warm", u"synth.pad", u"synth.pad.choir",
    u"synth.pad", u"synth.pad", u"synth.pad", u"synth.pad",
    // Synth effects
    u"synth.effects.rain", u"synth.effects.soundtrack", u"synth.effects.crystal", u"synth.effects.atmosphere",
    u"synth.effects.brightness", u"synth.effects.goblins", u"synth.effects.echoes", u"synth.effects.sci-fi",
    // Ethnic
    u"pluck.sitar", u"pluck.banjo", u"pluck.shamisen", u"pluck.koto",
    u"pitched-percussion.kalimba", u"wind.pipes.bagpipes", u"strings.fiddle", u"wind.reed.shenai",
    // Percussive
    u"pitched-percussion.bell", u"metal.bells.agogo", u"pitched-percussion.steel-drums", u"wood.wood-block",
    u"drum.taiko", u"drum.tom-tom", u"drum.tom-tom.synth", u"metal.cymbal.reverse",
    // Sound effects
    u"effect.guitar-fret", u"effect.breath", u"effect.seashore", u"effect.bird-tweet",
    u"effect.telephone-ring", u"effect.helicopter", u"effect.applause", u"effect.gunshot",
};

struct DrumEntry
{
    int key;
    char step;
    int octave;
    const char16_t *name;
};

// General MIDI percussion keys 35..81 with their usual place on a five-line drum staff.
constexpr std::array<DrumEntry, 47> drums = {{
    {35, 'E', 4, u"Acoustic Bass Drum"}, {36, 'F', 4, u"Bass Drum 1"}, {37, 'C', 5, u"Side Stick"},
    {38, 'C', 5, u"Acoustic Snare"}, {39, 'B', 4, u"Hand Clap"}, {40, 'C', 5, u"Electric Snare"},
    {41, 'A', 4, u"Low Floor Tom"}, {42, 'G', 5, u"Closed Hi-Hat"}, {43, 'G', 4, u"High Floor Tom"},
    {44, 'D', 4, u"Pedal Hi-Hat"}, {45, 'B', 4, u"Low Tom"}, {46, 'G', 5, u"Open Hi-Hat"},
    {47, 'D', 5, u"Low-Mid Tom"}, {48, 'E', 5, u"Hi-Mid Tom"}, {49, 'A', 5, u"Crash Cymbal 1"},
    {50, 'F', 5, u"High Tom"}, {51, 'F', 5, u"Ride Cymbal 1"}, {52, 'A', 5, u"Chinese Cymbal"},
    {53, 'F', 5, u"Ride Bell"}, {54, 'E', 5, u"Tambourine"}, {55, 'A', 5, u"Splash Cymbal"},
    {56, 'E', 5, u"Cowbell"}, {57, 'A', 5, u"Crash Cymbal 2"}, {58, 'C', 5, u"Vibraslap"},
    {59, 'F', 5, u"Ride Cymbal 2"}, {60, 'E', 5, u"Hi Bongo"}, {61, 'D', 5, u"Low Bongo"},
    {62, 'E', 5, u"Mute Hi Conga"}, {63, 'D', 5, u"Open Hi Conga"}, {64, 'C', 5, u"Low Conga"},
    {65, 'E', 5, u"High Timbale"}, {66, 'D', 5, u"Low Timbale"}, {67, 'E', 5, u"High Agogo"},
    {68, 'D', 5, u"Low Agogo"}, {69, 'G', 5, u"Cabasa"}, {70, 'G', 5, u"Maracas"},
    {71, 'A', 5, u"Short Whistle"}, {72, 'G', 5, u"Long Whistle"}, {73, 'E', 5, u"Short Guiro"},
    {74, 'D', 5, u"Long Guiro"}, {75, 'E', 5, u"Claves"}, {76, 'E', 5, u"Hi Wood Block"},
    {77, 'D', 5, u"Low Wood Block"}, {78, 'E', 5, u"Mute Cuica"}, {79, 'D', 5, u"Open Cuica"},
    {80, 'A', 5, u"Mute Triangle"}, {81, 'A', 5, u"Open Triangle"},
}};

} // namespace

QString musicXmlSound(int program)
{
    if (program < 0 || program >= static_cast<int>(sounds.size()))
        return {};
    return QString::fromUtf16(sounds[static_cast<std::size_t>(program)]);
}

DrumNotation drumNotation(int key)
{
    for (const DrumEntry &entry : drums) {
        if (entry.key == key)
            return {entry.step, entry.octave, QString::fromUtf16(entry.name)};
    }
    return {'C', 5, u"Drum %1"_s.arg(key)};
}

} // namespace tutti
// end of musicxmlsounds.cpp
