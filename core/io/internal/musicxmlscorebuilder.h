// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlscorebuilder.h — turns a WrittenScore into a Score as it sounds.
//
// Usage (inside core/io only):
//   std::vector<int> order = expand ? playbackOrder(marks, &warnings) : writtenOrder;
//   tutti::Score score = tutti::MusicXmlScoreBuilder(std::move(written)).build(order);
//
// Every part becomes one track (General MIDI program from the file, else from its name;
// drum parts on channel 10). Measures are laid end to end in `order`; a measure lasts as
// long as its longest part. Tied notes merge into one note, also across bar lines and
// repeat jumps. Tempo, time and key signatures follow the first part; a tempo mark in a
// measure where the first part has none is taken from the next part that has one. A
// measure shorter or longer than its time signature (a pick-up) gets a signature of its
// own length, so that bar lines stay on measure starts.
#pragma once

#include "musicxmldocument.h"

#include <QString>

#include <vector>

namespace tutti {

class MusicXmlScoreBuilder
{
public:
    // `expandTremolos`: play tremolos as repeated notes (musicxmltremolo.h)
    MusicXmlScoreBuilder(WrittenScore written, bool expandTremolos);

    // Empty, with error() set, when the performance would hold more than maxPlayedNotes.
    Score build(const std::vector<int> &order);
    QString error() const { return m_error; }

    static constexpr std::size_t maxPlayedNotes = 4'000'000;

private:
    struct MeasureState // what holds at the start of a written measure
    {
        Tick length = 0;
        int microsecondsPerQuarter = 500000;
        int timeNumerator = 4;
        int timeDenominator = 4;
        bool hasKey = false;
        KeySignatureChange key;
        const std::vector<TimedValue> *tempos = nullptr; // the changes inside the measure
    };

    void resolveVelocities(WrittenPart &part) const;
    void computeMeasureStates();
    TimeSignatureChange signatureFor(const MeasureState &state, Tick at) const;
    Track trackFor(const WrittenPart &part, int index) const;
    std::vector<Note> playPart(const WrittenPart &part, const std::vector<int> &order);

    WrittenScore m_written;
    bool m_expandTremolos;
    std::vector<MeasureState> m_states;
    std::size_t m_playedNotes = 0;
    QString m_error;
};

} // namespace tutti
// end of musicxmlscorebuilder.h
