// SPDX-License-Identifier: GPL-3.0-or-later
// musicalcontrols.h — the composer's constraints as masks: instruments, ranges, scale.
//
// Usage:
//   tutti::Scale scale;
//   QString error = tutti::parseScale(u"D dorian"_s, scale);      // "C major", "f# minor", ...
//   tutti::Scale found = tutti::estimateScale(score, 0, score.endTick());   // "as in the context"
//   tutti::ScaleMask inScale(scale);
//   tutti::PlayableRangeMask playable;             // every note inside its instrument's range
//   const tutti::EventMask *masks[] = {&inScale, &playable};
//   tutti::generate(session, prompt, params, {}, masks);
//
// Each control forbids codes while a note is sampled, never rejects a note afterwards.
// Which instruments notes may use is first the sequence header's business (SequenceGrammar
// allows only declared instruments); PlayableRangeMask can narrow them further.
#pragma once

#include "generation/eventmask.h"
#include "score/score.h"

#include <QString>
#include <QStringList>

#include <bitset>

namespace tutti {

enum class ScaleMode
{
    Major,
    NaturalMinor,
    HarmonicMinor,
    MelodicMinor,
    Dorian,
    Phrygian,
    Lydian,
    Mixolydian,
    Locrian,
};

struct Scale
{
    int tonic = 0;                   // pitch class, 0 = C
    ScaleMode mode = ScaleMode::Major;

    std::bitset<12> pitchClasses() const;
    QString name() const;            // "D dorian", "F# major"
    friend bool operator==(const Scale &, const Scale &) = default;
};

QStringList scaleModeNames();        // "major", "minor", "harmonic-minor", ... in ScaleMode order
// Reads "<tonic> <mode>": tonic C..B with # or b, any case; mode a name above ("minor" is
// natural minor; "aeolian" and "ionian" are accepted). Empty on success.
QString parseScale(const QString &text, Scale &scale);
// The major or minor key whose Krumhansl-Kessler profile correlates best with the
// duration-weighted pitch classes of the pitched notes starting in [firstTick, endTick);
// the score's key signature there when it has no pitched notes; C major when it has neither.
Scale estimateScale(const Score &score, Tick firstTick, Tick endTick);

// Pitches outside the scale are forbidden.
class ScaleMask final : public EventMask
{
public:
    explicit ScaleMask(const Scale &scale);
    void apply(const SamplingState &state, Field field, std::span<float> logits) const override;

private:
    std::bitset<12> m_pitchClasses;
};

// Every note inside the playable range (instruments.h lowestPitch/highestPitch) of its
// instrument, and of an instrument in `allowed` (default: any the header declares). The
// sampler draws a note's pitch before its instrument, so the pitch must be playable by at
// least one allowed, declared instrument, and the instrument must play that pitch.
class PlayableRangeMask final : public EventMask
{
public:
    PlayableRangeMask();
    explicit PlayableRangeMask(const std::bitset<65> &allowed);
    void apply(const SamplingState &state, Field field, std::span<float> logits) const override;

private:
    std::bitset<65> m_allowed;
};

} // namespace tutti
// end of musicalcontrols.h
