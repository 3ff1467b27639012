// SPDX-License-Identifier: GPL-3.0-or-later
// notecontrols.cpp — parsing the controls, and measuring what a part got.
#include "generation/notecontrols.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr std::array<int, 6> gridSteps = {1, 12, 6, 3, 4, 2};

// "C4", "c#3", "Eb5" or a MIDI number; -1 when it is neither.
int parsePitch(const QString &text)
{
    bool isNumber = false;
    const int number = text.toInt(&isNumber);
    if (isNumber)
        return number >= 0 && number <= 127 ? number : -1;
    static const QRegularExpression pattern(u"^([A-Ga-g])([#b]?)(-?\\d)$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    static constexpr std::array<int, 7> letterPitch = {9, 11, 0, 2, 4, 5, 7}; // A..G
    int pitch = letterPitch[static_cast<std::size_t>(match.captured(1).toUpper().at(0).unicode() - u'A')];
    if (match.captured(2) == u"#"_s)
        pitch += 1;
    else if (match.captured(2) == u"b"_s)
        pitch -= 1;
    pitch += (match.captured(3).toInt() + 1) * 12;
    return pitch >= 0 && pitch <= 127 ? pitch : -1;
}

QString number(double value)
{
    return std::abs(value - std::round(value)) < 0.05 ? QString::number(std::lround(value)) : QString::number(value, 'f', 1);
}

} // namespace

int gridStep(RhythmGrid grid)
{
    return gridSteps[static_cast<std::size_t>(grid)];
}

QStringList gridNames()
{
    return {u"any"_s, u"1/4"_s, u"1/8"_s, u"1/16"_s, u"1/8t"_s, u"1/16t"_s};
}

QString gridName(RhythmGrid grid)
{
    return gridNames().at(static_cast<int>(grid));
}

QString parseGrid(const QString &text, RhythmGrid &grid)
{
    const int index = static_cast<int>(gridNames().indexOf(text.trimmed().toLower()));
    if (index < 0)
        return u"'%1' is not a rhythm grid; use 1/4, 1/8, 1/16, 1/8t or 1/16t"_s.arg(text);
    grid = static_cast<RhythmGrid>(index);
    return {};
}

QString pitchText(int pitch)
{
    static const std::array<const char16_t *, 12> names = {u"C", u"C#", u"D", u"D#", u"E", u"F",
                                                          u"F#", u"G", u"G#", u"A", u"A#", u"B"};
    return QString::fromUtf16(names[static_cast<std::size_t>(((pitch % 12) + 12) % 12)]) + QString::number(pitch / 12 - 1);
}

QString parsePitchRange(const QString &text, int &lowest, int &highest)
{
    static const QRegularExpression pattern(u"^\\s*([A-Ga-g][#b]?-?\\d|\\d+)\\s*-\\s*([A-Ga-g][#b]?-?\\d|\\d+)\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    const int low = match.hasMatch() ? parsePitch(match.captured(1)) : -1;
    const int high = match.hasMatch() ? parsePitch(match.captured(2)) : -1;
    if (low < 0 || high < 0)
        return u"'%1' is not a pitch range; write two notes, e.g. C4-G5 (C4 is middle C)"_s.arg(text);
    if (low > high)
        return u"the range %1 runs downwards; write the lower note first"_s.arg(text);
    lowest = low;
    highest = high;
    return {};
}

QString parseVelocityRange(const QString &text, int &lowest, int &highest)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*-\\s*(\\d+)\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    const int low = match.hasMatch() ? match.captured(1).toInt() : 0;
    const int high = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (low < 1 || high > 127 || low > high)
        return u"'%1' is not a velocity range; write two velocities 1-127, lower first, e.g. 40-90"_s.arg(text);
    lowest = low;
    highest = high;
    return {};
}

QString parseDensity(const QString &text, DensityChoice &choice, double &notesPerBar)
{
    const QString word = text.trimmed().toLower();
    static const std::map<QString, DensityChoice> words = {{u"any"_s, DensityChoice::Any},
                                                           {u"low"_s, DensityChoice::Low},
                                                           {u"medium"_s, DensityChoice::Medium},
                                                           {u"high"_s, DensityChoice::High}};
    if (const auto found = words.find(word); found != words.end()) {
        choice = found->second;
        return {};
    }
    bool ok = false;
    const double value = word.toDouble(&ok);
    if (!ok || !(value > 0.0) || value > 48.0)
        return u"'%1' is not a density; give notes per bar (above 0, at most 48) or low, medium, high"_s.arg(text);
    choice = DensityChoice::Notes;
    notesPerBar = value;
    return {};
}

QString densityText(const NoteControls &controls)
{
    switch (controls.density) {
    case DensityChoice::Any:
        return u"any"_s;
    case DensityChoice::Notes:
        return number(controls.notesPerBar);
    case DensityChoice::Low:
        return u"low"_s;
    case DensityChoice::Medium:
        return u"medium"_s;
    case DensityChoice::High:
        return u"high"_s;
    }
    return {};
}

PartControlReport measureNotes(const std::vector<Note> &notes, int ticksPerQuarter, double bars, const NoteControls &asked)
{
    PartControlReport report;
    report.asked = asked;
    report.notes = static_cast<int>(notes.size());
    report.notesPerBar = bars > 0.0 ? notes.size() / bars : 0.0;
    if (notes.empty())
        return report;
    report.lowestPitch = 127;
    report.lowestVelocity = 127;
    std::map<Tick, int> topOfOnset;
    std::vector<std::pair<Tick, int>> changes; // (tick, +1 start / -1 end)
    int onGrid = 0;
    const std::int64_t step = gridStep(asked.grid);
    for (const Note &note : notes) {
        report.lowestPitch = std::min(report.lowestPitch, note.pitch);
        report.highestPitch = std::max(report.highestPitch, note.pitch);
        report.lowestVelocity = std::min(report.lowestVelocity, note.velocity);
        report.highestVelocity = std::max(report.highestVelocity, note.velocity);
        auto [top, added] = topOfOnset.emplace(note.start, note.pitch);
        if (!added)
            top->second = std::max(top->second, note.pitch);
        changes.emplace_back(note.start, 1);
        changes.emplace_back(note.start + note.length, -1);
        const std::int64_t twelfths = static_cast<std::int64_t>(note.start) * 12;
        if (twelfths % ticksPerQuarter == 0 && (twelfths / ticksPerQuarter) % 12 % step == 0)
            ++onGrid;
    }
    report.onGrid = static_cast<double>(onGrid) / static_cast<double>(notes.size());
    std::sort(changes.begin(), changes.end()); // an end (-1) before a start (+1) at the same tick
    int sounding = 0;
    for (const auto &[tick, change] : changes) {
        sounding += change;
        report.polyphony = std::max(report.polyphony, sounding);
    }
    int previous = -1;
    for (const auto &[tick, pitch] : topOfOnset) {
        if (previous >= 0)
            report.largestLeap = std::max(report.largestLeap, std::abs(pitch - previous));
        previous = pitch;
    }
    return report;
}

QString PartControlReport::describe() const
{
    const auto askedOr = [](bool isAsked, const QString &text) { return isAsked ? u" (asked "_s + text + u")"_s : QString(); };
    QStringList items;
    items << u"density %1/bar"_s.arg(number(notesPerBar)) + askedOr(densityAsked, number(asked.notesPerBar));
    items << u"polyphony %1"_s.arg(polyphony) + askedOr(asked.polyphony > 0, QString::number(asked.polyphony));
    if (notes > 0)
        items << u"range %1-%2"_s.arg(pitchText(lowestPitch), pitchText(highestPitch))
                + askedOr(asked.hasPitchRange(), pitchText(asked.lowestPitch) + u"-"_s + pitchText(asked.highestPitch));
    items << u"largest leap %1"_s.arg(largestLeap) + askedOr(asked.maxLeap >= 0, QString::number(asked.maxLeap));
    items << u"%1 % on the grid"_s.arg(std::lround(onGrid * 100.0))
            + askedOr(asked.grid != RhythmGrid::Any, gridName(asked.grid));
    if (asked.hasVelocityRange() && notes > 0)
        items << u"velocity %1-%2 (asked %3-%4)"_s.arg(lowestVelocity).arg(highestVelocity).arg(asked.lowestVelocity)
                     .arg(asked.highestVelocity);
    return (part.isEmpty() ? u"part"_s : part) + u": "_s + items.join(u", "_s);
}

QStringList ControlReport::lines() const
{
    QStringList lines;
    for (const PartControlReport &part : parts)
        lines << part.describe();
    return lines;
}

} // namespace tutti
// end of notecontrols.cpp
