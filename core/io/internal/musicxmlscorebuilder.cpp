// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlscorebuilder.cpp — lays played measures end to end, merges ties, makes tracks.
#include "musicxmlscorebuilder.h"

#include "musicxmltremolo.h"

#include "io/musicxml.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int defaultVelocity = 80;
constexpr int drumChannel = 9;

struct PlayedNote
{
    Note note;
    int voice = 1;
    bool tieStart = false;
    bool tieStop = false;
};

// A tie holds its note on into the next note of the same pitch: the one that starts where
// it ends and stops the tie (any voice, the same voice preferred), else the next one of
// that pitch in the same voice within `reach` ticks, even across an intervening note or a
// missing <tie type="stop"> (slips of the pen). That one then adds its length, as in
// MuseScore. `played` is sorted by onset.
std::vector<Note> mergeTies(const std::vector<PlayedNote> &played, Tick reach)
{
    struct OpenTie
    {
        std::size_t note;
        int voice;
    };
    std::vector<Note> notes;
    notes.reserve(played.size());
    std::vector<OpenTie> open;
    for (const PlayedNote &next : played) {
        std::erase_if(open, [&](const OpenTie &tie) {
            const Note &held = notes[tie.note];
            return held.start + held.length + reach < next.note.start;
        });
        auto adjacent = open.end();
        auto slipped = open.end();
        for (auto it = open.begin(); it != open.end(); ++it) {
            const Note &held = notes[it->note];
            if (held.pitch != next.note.pitch)
                continue;
            const Tick end = held.start + held.length;
            const bool sameVoice = it->voice == next.voice;
            if (end == next.note.start && (next.tieStop || sameVoice) && (adjacent == open.end() || sameVoice))
                adjacent = it;
            else if (end < next.note.start && sameVoice)
                slipped = it;
        }
        const auto match = adjacent != open.end() ? adjacent : slipped;
        if (match != open.end()) {
            Note &held = notes[match->note];
            held.length = match == adjacent ? next.note.start + next.note.length - held.start
                                            : held.length + next.note.length;
            match->voice = next.voice;
            if (!next.tieStart)
                open.erase(match);
            continue;
        }
        notes.push_back(next.note);
        if (next.tieStart)
            open.push_back({notes.size() - 1, next.voice});
    }
    return notes;
}

} // namespace

MusicXmlScoreBuilder::MusicXmlScoreBuilder(WrittenScore written, bool expandTremolos)
    : m_written(std::move(written))
    , m_expandTremolos(expandTremolos)
{
}

Score MusicXmlScoreBuilder::build(const std::vector<int> &order)
{
    for (WrittenPart &part : m_written.parts)
        resolveVelocities(part);
    computeMeasureStates();

    Score score;
    score.title = m_written.title;
    score.ticksPerQuarter = m_written.ticksPerQuarter;
    Tick tick = 0;
    for (const int index : order) {
        const MeasureState &state = m_states[static_cast<std::size_t>(index)];
        // Restated at every measure, so a jump back brings back what held there;
        // normalize() drops the repetitions.
        score.tempos.push_back({tick, state.microsecondsPerQuarter});
        if (state.tempos) {
            for (const TimedValue &tempo : *state.tempos)
                score.tempos.push_back({tick + std::min(tempo.offset, state.length), tempo.value});
        }
        score.timeSignatures.push_back(signatureFor(state, tick));
        if (state.hasKey) {
            KeySignatureChange key = state.key;
            key.tick = tick;
            score.keySignatures.push_back(key);
        }
        tick += state.length;
    }

    std::array<bool, 16> channelTaken{};
    for (const WrittenPart &part : m_written.parts) {
        if (part.channel >= 0)
            channelTaken[static_cast<std::size_t>(part.channel)] = true;
    }
    int shared = 0;
    for (const WrittenPart &part : m_written.parts) {
        Track track = trackFor(part, static_cast<int>(score.tracks.size()));
        if (track.isDrum) {
            track.channel = drumChannel;
        } else if (part.channel >= 0) {
            track.channel = part.channel;
        } else {
            // The first free melodic channel; once all are taken, share them in turn.
            int free = 0;
            while (free < 16 && (free == drumChannel || channelTaken[static_cast<std::size_t>(free)]))
                ++free;
            if (free < 16) {
                channelTaken[static_cast<std::size_t>(free)] = true;
                track.channel = free;
            } else {
                const int melodic = shared++ % 15;
                track.channel = melodic >= drumChannel ? melodic + 1 : melodic;
            }
        }
        track.notes = playPart(part, order);
        if (!m_error.isEmpty())
            return {};
        score.tracks.push_back(std::move(track));
    }
    score.normalize();
    return score;
}

void MusicXmlScoreBuilder::resolveVelocities(WrittenPart &part) const
{
    // A dynamic holds from its position in written order until the next one.
    int current = defaultVelocity;
    for (WrittenMeasure &measure : part.measures) {
        std::stable_sort(measure.dynamics.begin(), measure.dynamics.end(),
                         [](const TimedValue &a, const TimedValue &b) { return a.offset < b.offset; });
        for (WrittenNote &note : measure.notes) {
            if (note.velocity > 0)
                continue;
            note.velocity = current;
            for (const TimedValue &dynamic : measure.dynamics) {
                if (dynamic.offset > note.onset)
                    break;
                note.velocity = dynamic.value;
            }
        }
        if (!measure.dynamics.empty())
            current = measure.dynamics.back().value;
    }
}

void MusicXmlScoreBuilder::computeMeasureStates()
{
    std::size_t count = 0;
    for (const WrittenPart &part : m_written.parts)
        count = std::max(count, part.measures.size());
    m_states.assign(count, MeasureState{});
    const std::vector<WrittenMeasure> &first = m_written.parts.front().measures;
    MeasureState holding;
    for (std::size_t i = 0; i < count; ++i) {
        MeasureState &state = m_states[i];
        if (i < first.size()) {
            const WrittenMeasure &measure = first[i];
            if (measure.timeNumerator > 0) {
                holding.timeNumerator = measure.timeNumerator;
                holding.timeDenominator = measure.timeDenominator;
            }
            if (measure.hasKey) {
                holding.hasKey = true;
                holding.key.sharps = measure.keySharps;
                holding.key.minor = measure.keyMinor;
            }
        }
        holding.tempos = nullptr;
        holding.length = 0;
        for (WrittenPart &part : m_written.parts) {
            if (i >= part.measures.size())
                continue;
            WrittenMeasure &measure = part.measures[i];
            holding.length = std::max(holding.length, measure.length);
            if (!holding.tempos && !measure.tempos.empty()) {
                std::stable_sort(measure.tempos.begin(), measure.tempos.end(),
                                 [](const TimedValue &a, const TimedValue &b) { return a.offset < b.offset; });
                holding.tempos = &measure.tempos;
            }
        }
        if (holding.length == 0) // an empty measure lasts as long as its time signature says
            holding.length = Tick{4} * m_written.ticksPerQuarter * holding.timeNumerator / holding.timeDenominator;
        state = holding;
        if (holding.tempos)
            holding.microsecondsPerQuarter = holding.tempos->back().value;
    }
}

TimeSignatureChange MusicXmlScoreBuilder::signatureFor(const MeasureState &state, Tick at) const
{
    const Tick whole = Tick{4} * m_written.ticksPerQuarter;
    if (state.length * state.timeDenominator == whole * state.timeNumerator)
        return {at, state.timeNumerator, state.timeDenominator};
    for (int denominator = state.timeDenominator; denominator <= 64; denominator *= 2) {
        if (whole % denominator != 0)
            break;
        const Tick unit = whole / denominator;
        if (state.length % unit == 0 && state.length / unit <= 255)
            return {at, static_cast<int>(state.length / unit), denominator};
    }
    return {at, state.timeNumerator, state.timeDenominator};
}

Track MusicXmlScoreBuilder::trackFor(const WrittenPart &part, int index) const
{
    Track track;
    track.name = !part.name.isEmpty() ? part.name : !part.instrumentName.isEmpty() ? part.instrumentName : part.id;
    track.program = part.program;
    if (track.program < 0)
        track.program = programFromInstrumentName(part.instrumentName);
    if (track.program < 0)
        track.program = programFromInstrumentName(part.name);
    if (track.program < 0)
        track.program = 0; // piano
    track.isDrum = part.drum;
    track.colour = defaultTrackColour(index);
    return track;
}

std::vector<Note> MusicXmlScoreBuilder::playPart(const WrittenPart &part, const std::vector<int> &order)
{
    std::vector<PlayedNote> played;
    Tick tick = 0;
    for (const int index : order) {
        const auto measureIndex = static_cast<std::size_t>(index);
        if (measureIndex < part.measures.size()) {
            const std::vector<WrittenNote> &asWritten = part.measures[measureIndex].notes;
            const std::vector<WrittenNote> notes =
                m_expandTremolos ? playTremolos(asWritten, m_written.ticksPerQuarter) : asWritten;
            m_playedNotes += notes.size();
            if (m_playedNotes > maxPlayedNotes) {
                m_error = u"the score would play more than %1 notes"_s.arg(maxPlayedNotes);
                return {};
            }
            for (const WrittenNote &written : notes) {
                PlayedNote note;
                note.note = Note{tick + written.onset, written.length, written.pitch, written.velocity};
                note.voice = written.voice;
                note.tieStart = written.tieStart;
                note.tieStop = written.tieStop;
                played.push_back(note);
            }
        }
        tick += m_states[measureIndex].length;
    }
    std::stable_sort(played.begin(), played.end(),
                     [](const PlayedNote &a, const PlayedNote &b) { return a.note.start < b.note.start; });
    return mergeTies(played, Tick{4} * m_written.ticksPerQuarter);
}

} // namespace tutti
// end of musicxmlscorebuilder.cpp
