// SPDX-License-Identifier: GPL-3.0-or-later
// musicalcontrols.cpp — scales, key estimation and the masks that keep notes playable.
#include "generation/musicalcontrols.h"

#include "representation/instruments.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr float forbidden = -std::numeric_limits<float>::infinity();

struct ModeInfo
{
    const char16_t *name;
    std::array<int, 7> steps; // semitones above the tonic
};

// In ScaleMode order.
constexpr std::array<ModeInfo, 9> modes = {{
    {u"major", {0, 2, 4, 5, 7, 9, 11}},
    {u"minor", {0, 2, 3, 5, 7, 8, 10}},
    {u"harmonic-minor", {0, 2, 3, 5, 7, 8, 11}},
    {u"melodic-minor", {0, 2, 3, 5, 7, 9, 11}},
    {u"dorian", {0, 2, 3, 5, 7, 9, 10}},
    {u"phrygian", {0, 1, 3, 5, 7, 8, 10}},
    {u"lydian", {0, 2, 4, 6, 7, 9, 11}},
    {u"mixolydian", {0, 2, 4, 5, 7, 9, 10}},
    {u"locrian", {0, 1, 3, 5, 6, 8, 10}},
}};

constexpr std::array<const char16_t *, 12> tonicNames = {u"C", u"C#", u"D", u"Eb", u"E", u"F",
                                                         u"F#", u"G", u"Ab", u"A", u"Bb", u"B"};

// Krumhansl and Kessler's key profiles (1982), tonic first.
constexpr std::array<double, 12> majorProfile = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
constexpr std::array<double, 12> minorProfile = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

double correlation(const std::array<double, 12> &weights, const std::array<double, 12> &profile, int tonic)
{
    double meanWeight = 0.0;
    double meanProfile = 0.0;
    for (int pc = 0; pc < 12; ++pc) {
        meanWeight += weights[pc] / 12.0;
        meanProfile += profile[pc] / 12.0;
    }
    double product = 0.0;
    double weightSquares = 0.0;
    double profileSquares = 0.0;
    for (int pc = 0; pc < 12; ++pc) {
        const double w = weights[pc] - meanWeight;
        const double p = profile[(pc - tonic + 12) % 12] - meanProfile;
        product += w * p;
        weightSquares += w * w;
        profileSquares += p * p;
    }
    return product / std::sqrt(std::max(weightSquares * profileSquares, 1e-12));
}

Scale scaleOfKeySignature(const KeySignatureChange &key)
{
    const int majorTonic = ((key.sharps * 7) % 12 + 12) % 12;
    return key.minor ? Scale{(majorTonic + 9) % 12, ScaleMode::NaturalMinor} : Scale{majorTonic, ScaleMode::Major};
}

void forbid(std::span<float> logits, int code)
{
    if (code >= 0 && code < static_cast<int>(logits.size()))
        logits[static_cast<std::size_t>(code)] = forbidden;
}

} // namespace

std::bitset<12> Scale::pitchClasses() const
{
    std::bitset<12> classes;
    for (int step : modes[static_cast<std::size_t>(mode)].steps)
        classes.set(static_cast<std::size_t>((tonic + step) % 12));
    return classes;
}

QString Scale::name() const
{
    return QString::fromUtf16(tonicNames[static_cast<std::size_t>(tonic % 12)]) + u' '
        + QString::fromUtf16(modes[static_cast<std::size_t>(mode)].name);
}

QStringList scaleModeNames()
{
    QStringList names;
    for (const ModeInfo &mode : modes)
        names << QString::fromUtf16(mode.name);
    return names;
}

QString parseScale(const QString &text, Scale &scale)
{
    static const QRegularExpression pattern(u"^\\s*([A-Ga-g])([#b]?)\\s+([A-Za-z-]+)\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return u"'%1' is not a scale: write a tonic and a mode, e.g. \"D minor\" or \"F# dorian\""_s.arg(text);
    static constexpr std::array<int, 7> letterPitch = {9, 11, 0, 2, 4, 5, 7}; // A..G
    int tonic = letterPitch[static_cast<std::size_t>(match.captured(1).toUpper().at(0).unicode() - u'A')];
    if (match.captured(2) == u"#"_s)
        tonic += 1;
    else if (match.captured(2) == u"b"_s)
        tonic += 11;
    QString mode = match.captured(3).toLower();
    if (mode == u"ionian"_s)
        mode = u"major"_s;
    else if (mode == u"aeolian"_s || mode == u"natural-minor"_s)
        mode = u"minor"_s;
    const int index = static_cast<int>(scaleModeNames().indexOf(mode));
    if (index < 0)
        return u"unknown mode '%1'; known: %2"_s.arg(mode, scaleModeNames().join(u", "_s));
    scale = Scale{tonic % 12, static_cast<ScaleMode>(index)};
    return {};
}

Scale estimateScale(const Score &score, Tick firstTick, Tick endTick)
{
    std::array<double, 12> weights{};
    double total = 0.0;
    for (const Track &track : score.tracks) {
        if (track.isDrum)
            continue;
        for (const Note &note : track.notes) {
            if (note.start < firstTick || note.start >= endTick)
                continue;
            weights[static_cast<std::size_t>(note.pitch % 12)] += static_cast<double>(note.length);
            total += static_cast<double>(note.length);
        }
    }
    if (total <= 0.0) {
        KeySignatureChange key;
        for (const KeySignatureChange &change : score.keySignatures) {
            if (change.tick <= firstTick)
                key = change;
        }
        return scaleOfKeySignature(key);
    }
    Scale best;
    double bestCorrelation = -std::numeric_limits<double>::infinity();
    for (int tonic = 0; tonic < 12; ++tonic) {
        for (ScaleMode mode : {ScaleMode::Major, ScaleMode::NaturalMinor}) {
            const double r = correlation(weights, mode == ScaleMode::Major ? majorProfile : minorProfile, tonic);
            if (r > bestCorrelation) {
                bestCorrelation = r;
                best = Scale{tonic, mode};
            }
        }
    }
    return best;
}

ScaleMask::ScaleMask(const Scale &scale)
    : m_pitchClasses(scale.pitchClasses())
{
}

void ScaleMask::apply(const SamplingState &, Field field, std::span<float> logits) const
{
    if (field != Field::Pitch)
        return;
    for (int pitch = 0; pitch < 128; ++pitch) {
        if (!m_pitchClasses.test(static_cast<std::size_t>(pitch % 12)))
            forbid(logits, pitch + 1);
    }
}

PlayableRangeMask::PlayableRangeMask()
{
    m_allowed.set();
}

PlayableRangeMask::PlayableRangeMask(const std::bitset<65> &allowed)
    : m_allowed(allowed)
{
}

void PlayableRangeMask::apply(const SamplingState &state, Field field, std::span<float> logits) const
{
    const std::bitset<65> usable = state.declaredInstruments & m_allowed;
    if (field == Field::Pitch) {
        std::bitset<128> playable;
        for (int code = 1; code <= instrumentCount; ++code) {
            if (!usable.test(static_cast<std::size_t>(code)))
                continue;
            for (int pitch = lowestPitch(code); pitch <= highestPitch(code); ++pitch)
                playable.set(static_cast<std::size_t>(pitch));
        }
        for (int pitch = 0; pitch < 128; ++pitch) {
            if (!playable.test(static_cast<std::size_t>(pitch)))
                forbid(logits, pitch + 1);
        }
    } else if (field == Field::Instrument && state.current.isNote()) {
        const int pitch = state.current.pitchValue();
        for (int code = 1; code <= instrumentCount; ++code) {
            if (!usable.test(static_cast<std::size_t>(code)) || pitch < lowestPitch(code) || pitch > highestPitch(code))
                forbid(logits, code);
        }
    }
}

} // namespace tutti
// end of musicalcontrols.cpp
