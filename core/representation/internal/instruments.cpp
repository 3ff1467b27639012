// SPDX-License-Identifier: GPL-3.0-or-later
// instruments.cpp — the instrument table: names, folded programs, playable ranges.
#include "representation/instruments.h"

#include <array>

namespace tutti {
namespace {

struct InstrumentInfo
{
    const char *name;
    int program;  // written back when decoding, as MMT chooses
    int lowest;   // MIDI pitch range used to keep transposed notes playable
    int highest;
};

// Index = code - 1. Ranges are generous written ranges (orchestration manuals); 0..127
// where an instrument has no settled range (synths, percussion).
constexpr std::array<InstrumentInfo, instrumentCount> instrumentTable = {{
    {"piano", 0, 21, 108},
    {"electric-piano", 4, 28, 103},
    {"harpsichord", 6, 29, 89},
    {"clavinet", 7, 29, 96},
    {"celesta", 8, 60, 108},
    {"glockenspiel", 9, 79, 108},
    {"music-box", 10, 60, 108},
    {"vibraphone", 11, 53, 89},
    {"marimba", 12, 45, 96},
    {"xylophone", 13, 65, 108},
    {"tubular-bells", 14, 60, 77},
    {"dulcimer", 15, 48, 96},
    {"organ", 16, 24, 108},
    {"church-organ", 19, 24, 108},
    {"accordion", 21, 41, 93},
    {"harmonica", 22, 60, 96},
    {"bandoneon", 23, 41, 93},
    {"nylon-string-guitar", 24, 40, 83},
    {"steel-string-guitar", 25, 40, 83},
    {"electric-guitar", 26, 40, 88},
    {"bass", 32, 28, 67},
    {"electric-bass", 33, 28, 67},
    {"slap-bass", 36, 28, 67},
    {"synth-bass", 38, 24, 72},
    {"violin", 40, 55, 103},
    {"viola", 41, 48, 91},
    {"cello", 42, 36, 84},
    {"contrabass", 43, 28, 67},
    {"harp", 46, 23, 104},
    {"timpani", 47, 38, 60},
    {"strings", 49, 28, 103},
    {"synth-strings", 50, 28, 103},
    {"voices", 52, 36, 86},
    {"orchestra-hit", 55, 0, 127},
    {"trumpet", 56, 52, 86},
    {"trombone", 57, 34, 77},
    {"tuba", 58, 26, 65},
    {"horn", 60, 34, 77},
    {"brasses", 61, 26, 86},
    {"synth-brasses", 62, 26, 86},
    {"soprano-sax", 64, 56, 88},
    {"alto-sax", 65, 49, 81},
    {"tenor-sax", 66, 44, 76},
    {"baritone-sax", 67, 36, 69},
    {"oboe", 68, 58, 93},
    {"english-horn", 69, 52, 84},
    {"bassoon", 70, 34, 75},
    {"clarinet", 71, 50, 94},
    {"piccolo", 72, 74, 108},
    {"flute", 73, 60, 98},
    {"recorder", 74, 53, 98},
    {"pan-flute", 75, 60, 96},
    {"ocarina", 79, 60, 91},
    {"lead", 80, 0, 127},
    {"pad", 88, 0, 127},
    {"sitar", 104, 48, 89},
    {"banjo", 105, 48, 86},
    {"shamisen", 106, 48, 86},
    {"koto", 107, 48, 91},
    {"kalimba", 108, 60, 96},
    {"bag-pipe", 109, 55, 74},
    {"shehnai", 111, 60, 89},
    {"melodic-tom", 117, 0, 127},
    {"synth-drums", 118, 0, 127},
}};

// Program (0..127) -> code; 0 drops the program. Written as ranges so it reads like the
// MMT table it follows.
constexpr std::array<int, 128> programTable = [] {
    std::array<int, 128> table{};
    auto fold = [&table](int first, int last, int code) {
        for (int program = first; program <= last; ++program)
            table[program] = code;
    };
    fold(0, 3, 1);      // acoustic and electric grands, honky-tonk: piano
    fold(4, 5, 2);
    fold(6, 6, 3);
    fold(7, 7, 4);
    fold(8, 8, 5);
    fold(9, 9, 6);
    fold(10, 10, 7);
    fold(11, 11, 8);
    fold(12, 12, 9);
    fold(13, 13, 10);
    fold(14, 14, 11);
    fold(15, 15, 12);
    fold(16, 18, 13);   // drawbar, percussive and rock organs
    fold(19, 19, 14);
    fold(20, 20, 13);   // reed organ
    fold(21, 21, 15);
    fold(22, 22, 16);
    fold(23, 23, 17);
    fold(24, 24, 18);
    fold(25, 25, 19);
    fold(26, 31, 20);
    fold(32, 32, 21);
    fold(33, 35, 22);
    fold(36, 37, 23);
    fold(38, 39, 24);
    fold(40, 40, 25);
    fold(41, 41, 26);
    fold(42, 42, 27);
    fold(43, 43, 28);
    fold(44, 45, 31);   // tremolo and pizzicato strings
    fold(46, 46, 29);
    fold(47, 47, 30);
    fold(48, 49, 31);
    fold(50, 51, 32);
    fold(52, 54, 33);
    fold(55, 55, 34);
    fold(56, 56, 35);
    fold(57, 57, 36);
    fold(58, 58, 37);
    fold(59, 59, 35);   // muted trumpet
    fold(60, 60, 38);
    fold(61, 61, 39);
    fold(62, 63, 40);
    fold(64, 64, 41);
    fold(65, 65, 42);
    fold(66, 66, 43);
    fold(67, 67, 44);
    fold(68, 68, 45);
    fold(69, 69, 46);
    fold(70, 70, 47);
    fold(71, 71, 48);
    fold(72, 72, 49);
    fold(73, 73, 50);
    fold(74, 74, 51);
    fold(75, 75, 52);
    fold(79, 79, 53);
    fold(80, 87, 54);
    fold(88, 95, 55);
    fold(104, 104, 56);
    fold(105, 105, 57);
    fold(106, 106, 58);
    fold(107, 107, 59);
    fold(108, 108, 60);
    fold(109, 109, 61);
    fold(110, 110, 25); // fiddle
    fold(111, 111, 62);
    fold(117, 117, 63);
    fold(118, 119, 64);
    return table;
}();

const InstrumentInfo *info(int instrumentCode)
{
    if (instrumentCode < 1 || instrumentCode > instrumentCount)
        return nullptr;
    return &instrumentTable[instrumentCode - 1];
}

} // namespace

int instrumentForProgram(int program)
{
    if (program < 0 || program >= static_cast<int>(programTable.size()))
        return 0;
    return programTable[program];
}

int programForInstrument(int instrumentCode)
{
    const InstrumentInfo *instrument = info(instrumentCode);
    return instrument ? instrument->program : -1;
}

QString instrumentName(int instrumentCode)
{
    const InstrumentInfo *instrument = info(instrumentCode);
    return instrument ? QString::fromLatin1(instrument->name) : QString();
}

int lowestPitch(int instrumentCode)
{
    const InstrumentInfo *instrument = info(instrumentCode);
    return instrument ? instrument->lowest : 0;
}

int highestPitch(int instrumentCode)
{
    const InstrumentInfo *instrument = info(instrumentCode);
    return instrument ? instrument->highest : 127;
}

} // namespace tutti
// end of instruments.cpp
