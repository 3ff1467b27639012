// SPDX-License-Identifier: GPL-3.0-or-later
// trackassignment.cpp — generated notes to tracks, keeping parts apart.
#include "generation/internal/trackassignment.h"

#include "representation/eventticks.h"
#include "representation/instruments.h"
#include "score/generalmidi.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace tutti {
namespace {

constexpr int drumChannel = 9;

struct NoteStats
{
    double pitchSum = 0.0;
    double velocitySum = 0.0;
    int count = 0;

    void add(const Note &note)
    {
        pitchSum += note.pitch;
        velocitySum += note.velocity;
        ++count;
    }
};

} // namespace

TrackAssignment::TrackAssignment(const Score &score, const std::vector<int> &candidateTracks,
                                 std::map<int, int> programOfCode, Tick referenceFrom, Tick referenceTo)
    : m_programOfCode(std::move(programOfCode))
    , m_trackCount(static_cast<int>(score.tracks.size()))
{
    for (const Track &track : score.tracks)
        m_usedChannels.push_back(track.channel);
    for (int index : candidateTracks) {
        const Track &track = score.tracks[static_cast<std::size_t>(index)];
        const int code = instrumentForProgram(track.program);
        if (track.isDrum || code == 0)
            continue;
        NoteStats inReference;
        NoteStats anywhere;
        for (const Note &note : track.notes) {
            anywhere.add(note);
            if (note.start >= referenceFrom && note.start < referenceTo)
                inReference.add(note);
        }
        const NoteStats &stats = inReference.count > 0 ? inReference : anywhere;
        Candidate candidate;
        candidate.track = index;
        if (stats.count > 0) {
            candidate.meanPitch = stats.pitchSum / stats.count;
            candidate.velocity = static_cast<int>(std::lround(stats.velocitySum / stats.count));
        } else {
            candidate.meanPitch = (lowestPitch(code) + highestPitch(code)) / 2.0;
        }
        m_byInstrument[code].push_back(candidate);
    }
    for (auto &[code, candidates] : m_byInstrument) {
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate &a, const Candidate &b) { return a.meanPitch > b.meanPitch; });
    }
}

std::vector<SuggestedPart> TrackAssignment::assign(std::span<const Event> notes, int ticksPerQuarter, Tick firstTick,
                                                   Tick endTick, bool clipToEnd) const
{
    std::map<int, SuggestedPart> existing; // by track
    std::map<int, SuggestedPart> created;  // by instrument code
    auto toNote = [&](const Event &event, int velocity) {
        Note note;
        note.start = eventStartTick(event, ticksPerQuarter);
        note.length = eventLengthTicks(event, ticksPerQuarter);
        if (clipToEnd)
            note.length = std::max<Tick>(1, std::min(note.length, endTick - note.start));
        note.pitch = event.pitchValue();
        note.velocity = velocity;
        return note;
    };

    // Groups of notes with the same onset and instrument: a chord of one instrument.
    for (std::size_t first = 0; first < notes.size();) {
        std::size_t end = first + 1;
        while (end < notes.size() && notes[end].beat == notes[first].beat && notes[end].position == notes[first].position
               && notes[end].instrument == notes[first].instrument)
            ++end;
        std::vector<Event> chord(notes.begin() + static_cast<std::ptrdiff_t>(first), notes.begin() + static_cast<std::ptrdiff_t>(end));
        std::sort(chord.begin(), chord.end(), [](const Event &a, const Event &b) { return a.pitch > b.pitch; });
        const int code = chord.front().instrument;
        const auto tracks = m_byInstrument.find(code);
        for (std::size_t i = 0; i < chord.size(); ++i) {
            const Event &event = chord[i];
            Note probe = toNote(event, 80);
            if (probe.start < firstTick || probe.start >= endTick)
                continue;
            if (tracks == m_byInstrument.end()) {
                SuggestedPart &part = created[code];
                part.notes.push_back(probe);
                continue;
            }
            const std::vector<Candidate> &candidates = tracks->second;
            std::size_t pick = 0;
            if (chord.size() > 1) {
                pick = i * candidates.size() / chord.size();
            } else {
                for (std::size_t c = 1; c < candidates.size(); ++c) {
                    if (std::abs(candidates[c].meanPitch - event.pitchValue()) < std::abs(candidates[pick].meanPitch - event.pitchValue()))
                        pick = c;
                }
            }
            SuggestedPart &part = existing[candidates[pick].track];
            part.track = candidates[pick].track;
            part.notes.push_back(toNote(event, candidates[pick].velocity));
        }
        first = end;
    }

    std::vector<SuggestedPart> parts;
    for (auto &[track, part] : existing)
        parts.push_back(std::move(part));
    std::vector<int> channels = m_usedChannels;
    int newIndex = 0;
    for (auto &[code, part] : created) {
        const auto requested = m_programOfCode.find(code);
        const int program = requested != m_programOfCode.end() ? requested->second : programForInstrument(code);
        part.track = -1;
        part.newTrack.name = generalMidiProgramName(program);
        part.newTrack.program = program;
        part.newTrack.colour = defaultTrackColour(m_trackCount + newIndex++);
        int channel = 0;
        while (channel < 15 && (channel == drumChannel || std::count(channels.begin(), channels.end(), channel) > 0))
            ++channel;
        part.newTrack.channel = channel;
        channels.push_back(channel);
        parts.push_back(std::move(part));
    }
    // Two of the model's notes may land on one pitch at one time in one track (two violins
    // in unison, merged): the track plays it once, for the longer of the two.
    for (SuggestedPart &part : parts) {
        std::sort(part.notes.begin(), part.notes.end(), [](const Note &a, const Note &b) {
            return std::tie(a.start, a.pitch, b.length) < std::tie(b.start, b.pitch, a.length);
        });
        part.notes.erase(std::unique(part.notes.begin(), part.notes.end(),
                                     [](const Note &a, const Note &b) { return a.start == b.start && a.pitch == b.pitch; }),
                         part.notes.end());
        std::sort(part.notes.begin(), part.notes.end());
    }
    return parts;
}

} // namespace tutti
// end of trackassignment.cpp
