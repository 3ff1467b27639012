// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlsounds.h — what the MusicXML writer says about instruments: sounds and drum staves.
//
// Usage (inside core/io only):
//   QString sound = tutti::musicXmlSound(40);            // "strings.violin"
//   tutti::DrumNotation d = tutti::drumNotation(38);     // snare drum: {'C', 5, "Acoustic Snare"}
//
// Sound names follow the MusicXML standard sounds list (the <instrument-sound> element);
// drum staff positions follow the common drum-kit layout notation programs use.
#pragma once

#include <QString>

namespace tutti {

// The standard sound name of a General MIDI program (0-based); empty outside 0..127.
QString musicXmlSound(int program);

struct DrumNotation
{
    char displayStep = 'C';
    int displayOctave = 5;
    QString name; // the General MIDI percussion name, else "Drum NN"
};

// Where the General MIDI drum sound `key` (MIDI note 0..127) sits on a percussion staff.
DrumNotation drumNotation(int key);

} // namespace tutti
// end of musicxmlsounds.h
