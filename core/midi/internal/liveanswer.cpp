// SPDX-License-Identifier: GPL-3.0-or-later
// liveanswer.cpp — when to answer, and what to ask the model.
#include "midi/liveanswer.h"

#include <algorithm>

namespace tutti {

void LiveAnswer::start(const Score &score)
{
    m_map = std::make_unique<TimeMap>(score);
    m_lastBarLine = -1;
    m_notesAnswered = 0;
}

std::optional<Tick> LiveAnswer::barEnded(Tick playhead, const MidiRecorder &recorder)
{
    if (!m_map)
        return std::nullopt;
    const Tick barLine = m_map->barStart(m_map->barAt(std::max<Tick>(0, playhead)));
    if (barLine == m_lastBarLine)
        return std::nullopt;
    const bool crossed = m_lastBarLine >= 0 && barLine > m_lastBarLine;
    m_lastBarLine = barLine;
    const std::vector<Note> &notes = recorder.notes();
    if (!crossed || barLine == 0 || notes.size() <= m_notesAnswered || recorder.heldCount() > 0)
        return std::nullopt;
    const Tick barBefore = m_map->barStart(m_map->barAt(barLine - 1));
    const bool playedInBar = std::any_of(notes.begin() + std::ptrdiff_t(m_notesAnswered), notes.end(),
                                         [&](const Note &note) { return note.start + note.length > barBefore; });
    if (!playedInBar)
        return std::nullopt;
    m_notesAnswered = notes.size();
    return barLine;
}

Score LiveAnswer::withTake(const Score &score, int track, const MidiRecorder &recorder)
{
    Score context = score;
    if (track >= 0 && std::size_t(track) < context.tracks.size())
        context.tracks[std::size_t(track)] = recorder.applyTo(context.tracks[std::size_t(track)], MidiRecorder::Mode::Overdub);
    return context;
}

Tick LiveAnswer::answerStart(const Score &score, Tick barLine)
{
    const TimeMap map(score);
    return map.barStart(map.barAt(barLine) + 1);
}

SuggestionRequest LiveAnswer::request(const Score &score, Tick barLine, int track) const
{
    const TimeMap map(score);
    const int restBar = map.barAt(barLine) - 1; // 0-based: the bar that starts at barLine
    SuggestionRequest request;
    request.mode = SuggestionMode::Continue;
    request.endBar = restBar + 1;
    request.firstBar = std::max(0, restBar - std::clamp(m_settings.contextBars, 1, 16));
    request.lengthBars = std::clamp(m_settings.bars, 1, 8);
    request.programs = m_settings.programs;
    if (request.programs.empty() && track >= 0 && std::size_t(track) < score.tracks.size())
        request.programs = {score.tracks[std::size_t(track)].program};
    request.candidates = 1;
    request.sampling.seed = m_settings.seed;
    request.sampling.temperature.fill(m_settings.temperature);
    return request;
}

} // namespace tutti
// end of liveanswer.cpp
