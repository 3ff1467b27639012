// SPDX-License-Identifier: GPL-3.0-or-later
// decoder.h — MMT event sequence -> Score.
//
// Usage:
//   tutti::Score generated = tutti::decode(events, source);   // source: tempo, metre, names
//   tutti::Score plain = tutti::decode(events);                // 120 BPM, 4/4, velocity 80
//
// One track per instrument in the sequence, ascending by instrument code, with the program
// instruments.h writes back. From `context` the result keeps the resolution, title, tempo,
// time and key signatures, and for each instrument the name, volume and pan of the first
// context track of that instrument and the mean velocity of all its notes there (80 where
// the context has none). Notes with a code out of range are skipped; events other than
// instruments and notes carry nothing to decode.
#pragma once

#include "representation/event.h"
#include "score/score.h"

#include <span>

namespace tutti {

Score decode(std::span<const Event> events, const Score &context = {});

} // namespace tutti
// end of decoder.h
