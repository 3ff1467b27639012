// SPDX-License-Identifier: GPL-3.0-or-later
// soundfonts.h — where Tutti finds a General MIDI SoundFont without asking the user.
//
// Usage:
//   QString path = tutti::audio::defaultSoundFont();   // empty when none is installed
//   if (path.isEmpty()) status(tutti::audio::noSoundFontMessage());
//
// The search order lives in soundfonts/search-order.txt (compiled in): FluidR3 when
// installed, else MuseScore General Lite, else TimGM6mb. The environment variable
// TUTTI_SOUNDFONT, when it names a file, comes first.
#pragma once

#include <QString>
#include <QStringList>

namespace tutti::audio {

QStringList soundFontSearchOrder();
QString defaultSoundFont();
QString noSoundFontMessage();

} // namespace tutti::audio
// end of soundfonts.h
