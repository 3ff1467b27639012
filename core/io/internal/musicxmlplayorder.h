// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlplayorder.h — the order in which a performance plays a score's measures.
//
// Usage (inside core/io only):
//   QStringList warnings;
//   std::vector<int> order = tutti::playbackOrder(written.parts.front().marks(), &warnings);
//   for (int index : order) play(measures[index]);
//
// Each section (movement; see RepeatMarks::sectionStart) is unrolled on its own. Repeat
// barlines play their section `backwardTimes` times (twice unless told otherwise); a
// backward repeat without a forward one goes back to the start of the movement or to just
// after the previous repeat or volta group. Volta endings play on the passes they are
// numbered for. D.C. (back to the start of the movement) and D.S. jump once each; after a
// jump repeats are not taken again, each volta group plays its last ending, "To Coda"
// leads to the coda and Fine ends the movement, as the MusicXML standard describes them. A
// structure that would play absurdly long falls back to written order with a warning.
#pragma once

#include "musicxmldocument.h"

#include <QStringList>

#include <vector>

namespace tutti {

std::vector<int> playbackOrder(const std::vector<RepeatMarks> &marks, QStringList *warnings);

} // namespace tutti
// end of musicxmlplayorder.h
