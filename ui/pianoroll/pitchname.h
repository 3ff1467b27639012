// pitchname.h — "C4" for MIDI pitch 60, sharps for the black keys: the names the keyboard,
// the notes and the drag label show.
//
// Usage:
//   painter.drawText(rect, pitchName(note.pitch));   // "F#3"
#pragma once

#include <QLatin1StringView>
#include <QString>

namespace tutti {

inline QString pitchName(int pitch)
{
    static const char *const names[12] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    return QLatin1StringView(names[pitch % 12]) + QString::number(pitch / 12 - 1);
}

} // namespace tutti
// end of pitchname.h
