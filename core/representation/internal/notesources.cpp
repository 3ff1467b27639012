// SPDX-License-Identifier: GPL-3.0-or-later
// notesources.cpp — finding each score note's event in an encoded sequence.
#include "representation/notesources.h"

#include <algorithm>
#include <optional>

namespace tutti {

SourcedSequence encodeWithSources(const Score &score, const EncodeOptions &options)
{
    SourcedSequence result;
    result.events = encode(score, options);
    result.sources.resize(result.events.size());
    result.eventOfNote.resize(score.tracks.size());

    // The notes form one sorted run between the header and end-of-song.
    const auto isNote = [](const Event &event) { return event.isNote(); };
    const auto firstNote = std::find_if(result.events.begin(), result.events.end(), isNote);
    const auto endNotes = std::find_if_not(firstNote, result.events.end(), isNote);
    const int firstBeat = std::max(options.firstBeat, 0); // as the encoder renumbers the window

    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        const Track &track = score.tracks[t];
        std::vector<int> &events = result.eventOfNote[t];
        events.assign(track.notes.size(), -1);
        for (std::size_t n = 0; n < track.notes.size(); ++n) {
            std::optional<Event> event = scoreNoteEvent(track, track.notes[n], score.ticksPerQuarter);
            if (!event)
                continue;
            event->beat = static_cast<std::int16_t>(event->beat - firstBeat);
            const auto found = std::lower_bound(firstNote, endNotes, *event, noteOrderLess);
            if (found == endNotes || !(*found == *event))
                continue;
            const auto index = static_cast<std::size_t>(found - result.events.begin());
            events[n] = static_cast<int>(index);
            if (!result.sources[index].isNote())
                result.sources[index] = {static_cast<int>(t), static_cast<int>(n)};
        }
    }
    return result;
}

} // namespace tutti
// end of notesources.cpp
