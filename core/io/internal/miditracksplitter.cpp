// SPDX-License-Identifier: GPL-3.0-or-later
// miditracksplitter.cpp — MIDI track chunks to Score tracks, by channel and program.
#include "miditracksplitter.h"

#include "score/generalmidi.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <utility>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int drumChannel = 9;
constexpr int defaultProgram = 0;
constexpr int defaultVolume = 100;
constexpr int defaultPan = 64;

// What chunks that do not play on a channel set up for it: in format 1 files some
// sequencers put every channel's program, volume and pan in the first (conductor) chunk.
// Chunks that play on a channel keep to their own settings, so two chunks sharing a
// channel with different programs keep them apart.
class ChannelSetup
{
public:
    explicit ChannelSetup(const std::vector<MidiChunkTrack> &chunks)
    {
        m_volume.fill(-1);
        m_pan.fill(-1);
        for (const MidiChunkTrack &chunk : chunks) {
            std::array<bool, MidiChunkTrack::channelCount> plays{};
            for (const MidiChunkNote &note : chunk.notes)
                plays[static_cast<std::size_t>(note.channel)] = true;
            for (const MidiProgramChange &change : chunk.programChanges) {
                if (!plays[static_cast<std::size_t>(change.channel)])
                    m_programs[static_cast<std::size_t>(change.channel)].push_back(change);
            }
            for (std::size_t channel = 0; channel < plays.size(); ++channel) {
                if (plays[channel])
                    continue;
                if (m_volume[channel] < 0)
                    m_volume[channel] = chunk.firstVolume[channel];
                if (m_pan[channel] < 0)
                    m_pan[channel] = chunk.firstPan[channel];
            }
        }
        for (std::vector<MidiProgramChange> &changes : m_programs)
            std::stable_sort(changes.begin(), changes.end(),
                             [](const MidiProgramChange &a, const MidiProgramChange &b) { return a.tick < b.tick; });
    }

    // The last program set up for the channel at or before `tick`.
    int programAt(int channel, Tick tick) const
    {
        const std::vector<MidiProgramChange> &changes = m_programs[static_cast<std::size_t>(channel)];
        const auto after = std::upper_bound(changes.begin(), changes.end(), tick,
                                            [](Tick t, const MidiProgramChange &change) { return t < change.tick; });
        return after == changes.begin() ? defaultProgram : std::prev(after)->program;
    }

    int volume(int channel) const { return m_volume[static_cast<std::size_t>(channel)]; }
    int pan(int channel) const { return m_pan[static_cast<std::size_t>(channel)]; }

private:
    std::array<std::vector<MidiProgramChange>, MidiChunkTrack::channelCount> m_programs;
    std::array<int, MidiChunkTrack::channelCount> m_volume;
    std::array<int, MidiChunkTrack::channelCount> m_pan;
};

int firstSet(int own, int fromSetup, int fallback)
{
    if (own >= 0)
        return own;
    return fromSetup >= 0 ? fromSetup : fallback;
}

Track makeTrack(const MidiChunkTrack &chunk, int channel, int program, const ChannelSetup &setup, int index)
{
    Track track;
    track.channel = channel;
    track.isDrum = channel == drumChannel;
    track.program = program;
    if (!chunk.name.isEmpty())
        track.name = chunk.name;
    else
        track.name = track.isDrum ? u"Drums"_s : generalMidiProgramName(program);
    const auto slot = static_cast<std::size_t>(channel);
    track.volume = firstSet(chunk.firstVolume[slot], setup.volume(channel), defaultVolume);
    track.pan = firstSet(chunk.firstPan[slot], setup.pan(channel), defaultPan);
    track.colour = defaultTrackColour(index);
    return track;
}

void numberRepeatedNames(std::vector<Track> &tracks)
{
    QHash<QString, int> uses;
    for (const Track &track : tracks)
        ++uses[track.name];
    QHash<QString, int> numbered;
    for (Track &track : tracks) {
        const QString base = track.name;
        if (uses.value(base) > 1)
            track.name = base + u' ' + QString::number(++numbered[base]);
    }
}

} // namespace

std::vector<Track> splitMidiTracks(const std::vector<MidiChunkTrack> &chunks)
{
    const ChannelSetup setup(chunks);
    std::vector<Track> tracks;
    for (const MidiChunkTrack &chunk : chunks) {
        std::map<std::pair<int, int>, std::size_t> trackOfPart; // (channel, program) -> index
        for (const MidiChunkNote &note : chunk.notes) {
            const int program = note.program >= 0 ? note.program : setup.programAt(note.channel, note.start);
            const auto [part, isNew] = trackOfPart.try_emplace({note.channel, program}, tracks.size());
            if (isNew)
                tracks.push_back(makeTrack(chunk, note.channel, program, setup, static_cast<int>(tracks.size())));
            tracks[part->second].notes.push_back({note.start, note.end - note.start, note.pitch, note.velocity});
        }
        // The pedal goes to every part of this chunk on its channel.
        for (const MidiSustainChange &change : chunk.sustain) {
            for (const auto &[part, index] : trackOfPart) {
                if (part.first == change.channel)
                    tracks[index].controls.push_back({change.tick, ControlChange::sustain, change.value});
            }
        }
    }
    numberRepeatedNames(tracks);
    return tracks;
}

} // namespace tutti
// end of miditracksplitter.cpp
