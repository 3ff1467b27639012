// SPDX-License-Identifier: GPL-3.0-or-later
// pitchname.cpp — twelve names per octave, middle C in octave 4.
#include "score/pitchname.h"

namespace tutti {
namespace {

int pitchClass(int pitch)
{
    return ((pitch % 12) + 12) % 12;
}

int octave(int pitch)
{
    return (pitch - pitchClass(pitch)) / 12 - 1;
}

} // namespace

QString pitchName(int pitch)
{
    static const char *const names[12] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    return QString::fromLatin1(names[pitchClass(pitch)]) + QString::number(octave(pitch));
}

bool isBlackKey(int pitch)
{
    const int pc = pitchClass(pitch);
    return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
}

} // namespace tutti
// end of pitchname.cpp
