// SPDX-License-Identifier: GPL-3.0-or-later
// generalmidi.cpp — the General MIDI Level 1 sound set: 128 programs in 16 families of 8.
#include "generalmidi.h"

#include <array>

namespace tutti {

namespace {

constexpr int programCount = 128;
constexpr int programsPerFamily = 8;

constexpr std::array<const char16_t *, programCount> programNames = {
    // Piano
    u"Acoustic Grand Piano", u"Bright Acoustic Piano", u"Electric Grand Piano", u"Honky-tonk Piano",
    u"Electric Piano 1", u"Electric Piano 2", u"Harpsichord", u"Clavinet",
    // Chromatic Percussion
    u"Celesta", u"Glockenspiel", u"Music Box", u"Vibraphone",
    u"Marimba", u"Xylophone", u"Tubular Bells", u"Dulcimer",
    // Organ
    u"Drawbar Organ", u"Percussive Organ", u"Rock Organ", u"Church Organ",
    u"Reed Organ", u"Accordion", u"Harmonica", u"Tango Accordion",
    // Guitar
    u"Acoustic Guitar (nylon)", u"Acoustic Guitar (steel)", u"Electric Guitar (jazz)", u"Electric Guitar (clean)",
    u"Electric Guitar (muted)", u"Overdriven Guitar", u"Distortion Guitar", u"Guitar Harmonics",
    // Bass
    u"Acoustic Bass", u"Electric Bass (finger)", u"Electric Bass (pick)", u"Fretless Bass",
    u"Slap Bass 1", u"Slap Bass 2", u"Synth Bass 1", u"Synth Bass 2",
    // Strings
    u"Violin", u"Viola", u"Cello", u"Contrabass",
    u"Tremolo Strings", u"Pizzicato Strings", u"Orchestral Harp", u"Timpani",
    // Ensemble
    u"String Ensemble 1", u"String Ensemble 2", u"Synth Strings 1", u"Synth Strings 2",
    u"Choir Aahs", u"Voice Oohs", u"Synth Voice", u"Orchestra Hit",
    // Brass
    u"Trumpet", u"Trombone", u"Tuba", u"Muted Trumpet",
    u"French Horn", u"Brass Section", u"Synth Brass 1", u"Synth Brass 2",
    // Reed
    u"Soprano Sax", u"Alto Sax", u"Tenor Sax", u"Baritone Sax",
    u"Oboe", u"English Horn", u"Bassoon", u"Clarinet",
    // Pipe
    u"Piccolo", u"Flute", u"Recorder", u"Pan Flute",
    u"Blown Bottle", u"Shakuhachi", u"Whistle", u"Ocarina",
    // Synth Lead
    u"Lead 1 (square)", u"Lead 2 (sawtooth)", u"Lead 3 (calliope)", u"Lead 4 (chiff)",
    u"Lead 5 (charang)", u"Lead 6 (voice)", u"Lead 7 (fifths)", u"Lead 8 (bass + lead)",
    // Synth Pad
    u"Pad 1 (new age)", u"Pad 2 (warm)", u"Pad 3 (polysynth)", u"Pad 4 (choir)",
    u"Pad 5 (bowed)", u"Pad 6 (metallic)", u"Pad 7 (halo)", u"Pad 8 (sweep)",
    // Synth Effects
    u"FX 1 (rain)", u"FX 2 (soundtrack)", u"FX 3 (crystal)", u"FX 4 (atmosphere)",
    u"FX 5 (brightness)", u"FX 6 (goblins)", u"FX 7 (echoes)", u"FX 8 (sci-fi)",
    // Ethnic
    u"Sitar", u"Banjo", u"Shamisen", u"Koto",
    u"Kalimba", u"Bagpipe", u"Fiddle", u"Shanai",
    // Percussive
    u"Tinkle Bell", u"Agogo", u"Steel Drums", u"Woodblock",
    u"Taiko Drum", u"Melodic Tom", u"Synth Drum", u"Reverse Cymbal",
    // Sound Effects
    u"Guitar Fret Noise", u"Breath Noise", u"Seashore", u"Bird Tweet",
    u"Telephone Ring", u"Helicopter", u"Applause", u"Gunshot",
};

constexpr std::array<const char16_t *, programCount / programsPerFamily> familyNames = {
    u"Piano", u"Chromatic Percussion", u"Organ", u"Guitar",
    u"Bass", u"Strings", u"Ensemble", u"Brass",
    u"Reed", u"Pipe", u"Synth Lead", u"Synth Pad",
    u"Synth Effects", u"Ethnic", u"Percussive", u"Sound Effects",
};

bool isProgram(int program)
{
    return program >= 0 && program < programCount;
}

} // namespace

QString generalMidiProgramName(int program)
{
    if (!isProgram(program))
        return {};
    return QString::fromUtf16(programNames[static_cast<std::size_t>(program)]);
}

QString generalMidiFamilyName(int program)
{
    if (!isProgram(program))
        return {};
    return QString::fromUtf16(familyNames[static_cast<std::size_t>(program / programsPerFamily)]);
}

} // namespace tutti
// end of generalmidi.cpp
