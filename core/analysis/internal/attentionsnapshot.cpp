// SPDX-License-Identifier: GPL-3.0-or-later
// attentionsnapshot.cpp — running the model over a score and indexing the result by note.
#include "analysis/attentionsnapshot.h"

#include "representation/instruments.h"
#include "score/pitchname.h"
#include "score/timemap.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

QString AttentionLabel::text() const
{
    return time + u' ' + pitch + u' ' + instrument;
}

std::vector<float> AttentionSnapshot::matrix(int layer, int head) const
{
    const auto n = noteEvents.size();
    const auto t = static_cast<std::size_t>(maps.events);
    std::vector<float> result(n * n, 0.0f);
    int mapsAdded = 0;
    for (int l = 0; l < maps.layers; ++l) {
        if (layer >= 0 && l != layer)
            continue;
        for (int h = 0; h < maps.heads; ++h) {
            if (head >= 0 && h != head)
                continue;
            const float *map = maps.weights.data() + static_cast<std::size_t>(l * maps.heads + h) * t * t; // (T, T)
            for (std::size_t q = 0; q < n; ++q) {
                const float *row = map + static_cast<std::size_t>(noteEvents[q]) * t;
                float *out = result.data() + q * n;
                for (std::size_t k = 0; k <= q; ++k)
                    out[k] += row[noteEvents[k]];
            }
            ++mapsAdded;
        }
    }
    if (mapsAdded > 1)
        for (float &w : result)
            w /= static_cast<float>(mapsAdded);
    return result;
}

NoteSource AttentionSnapshot::sourceOfRow(int row) const
{
    if (row < 0 || row >= rows())
        return {};
    return sequence.sources[static_cast<std::size_t>(noteEvents[static_cast<std::size_t>(row)])];
}

const Note *AttentionSnapshot::noteOfRow(int row) const
{
    const NoteSource source = sourceOfRow(row);
    if (!source.isNote())
        return nullptr;
    return &score.tracks[static_cast<std::size_t>(source.track)].notes[static_cast<std::size_t>(source.note)];
}

std::vector<const Note *> AttentionSnapshot::notesOfRow(int row) const
{
    std::vector<const Note *> notes;
    if (row < 0 || row >= static_cast<int>(rowNotes.size()))
        return notes;
    for (const NoteSource &source : rowNotes[static_cast<std::size_t>(row)])
        notes.push_back(&score.tracks[static_cast<std::size_t>(source.track)].notes[static_cast<std::size_t>(source.note)]);
    return notes;
}

int AttentionSnapshot::rowOfNote(int track, const Note &note) const
{
    if (track < 0 || track >= static_cast<int>(score.tracks.size()))
        return -1;
    const std::vector<Note> &notes = score.tracks[static_cast<std::size_t>(track)].notes;
    const auto found = std::find(notes.begin(), notes.end(), note);
    if (found == notes.end())
        return -1;
    const int event = sequence.eventOfNote[static_cast<std::size_t>(track)][static_cast<std::size_t>(found - notes.begin())];
    const auto row = std::lower_bound(noteEvents.begin(), noteEvents.end(), event);
    return row != noteEvents.end() && *row == event ? static_cast<int>(row - noteEvents.begin()) : -1;
}

AttentionSnapshot computeAttentionSnapshot(const AttentionSource &model, const Score &score, const EncodeOptions &options)
{
    AttentionSnapshot s;
    s.score = score;
    s.sequence = encodeWithSources(score, options);
    const auto context = static_cast<std::size_t>(model.attentionContext());
    if (s.sequence.events.size() > context) { // a model with a shorter context than 1,024
        s.sequence.events.resize(context);
        s.sequence.sources.resize(context);
        for (std::vector<int> &track : s.sequence.eventOfNote)
            for (int &event : track)
                event = event >= static_cast<int>(context) ? -1 : event;
    }
    s.relative = RelativeAttention(model.attentionLayers(), model.attentionHeads());
    if (s.sequence.events.empty())
        return s;
    s.maps = model.attention(s.sequence.events);
    s.relative.add(s.sequence.events, s.maps.weights);

    const TimeMap map(score);
    s.firstTick = static_cast<Tick>(std::max(options.firstBeat, 0)) * score.ticksPerQuarter;
    s.endTick = s.firstTick;
    for (std::size_t i = 0; i < s.sequence.events.size(); ++i) {
        const NoteSource source = s.sequence.sources[i];
        if (!source.isNote())
            continue;
        const Track &track = score.tracks[static_cast<std::size_t>(source.track)];
        const Note &note = track.notes[static_cast<std::size_t>(source.note)];
        const BarBeatTick at = map.barBeatTick(note.start);
        const QString instrument =
            track.name.isEmpty() ? instrumentName(s.sequence.events[i].instrument) : track.name;
        s.noteEvents.push_back(static_cast<int>(i));
        s.labels.push_back({u"%1:%2"_s.arg(at.bar).arg(at.beat), pitchName(note.pitch), instrument});
        s.endTick = std::max(s.endTick, note.start + 1);
        s.rowNotes.push_back({source});
    }
    // Notes of other tracks the encoder merged into a row's event.
    for (std::size_t t = 0; t < s.sequence.eventOfNote.size(); ++t) {
        const std::vector<int> &events = s.sequence.eventOfNote[t];
        for (std::size_t n = 0; n < events.size(); ++n) {
            const auto row = std::lower_bound(s.noteEvents.begin(), s.noteEvents.end(), events[n]);
            if (events[n] < 0 || row == s.noteEvents.end() || *row != events[n])
                continue;
            std::vector<NoteSource> &notes = s.rowNotes[static_cast<std::size_t>(row - s.noteEvents.begin())];
            const NoteSource source{static_cast<int>(t), static_cast<int>(n)};
            if (notes.front() != source)
                notes.push_back(source);
        }
    }
    return s;
}

} // namespace tutti
// end of attentionsnapshot.cpp
