// SPDX-License-Identifier: GPL-3.0-or-later
// controlmask.h — the note controls (notecontrols.h) and copy avoidance as one event mask.
//
// Usage (suggestion.cpp):
//   tutti::ControlPlan plan;                      // per instrument code, resolved controls
//   plan.instruments[25] = violin;  plan.barStarts = {...};  plan.copyGuard = guard;
//   tutti::ControlMask controls(std::move(plan));
//   controls.setWindowOrigin(originBeat);         // before each generate() of a window
//   tutti::generate(model, prompt, params, callbacks, {&controls, ...});
//
// The model draws a note's onset, then pitch, duration and instrument; the controls belong
// to tracks, that is to instruments. So every field keeps only the codes with which at
// least one instrument can still take the note, and the instrument field then keeps only
// the instruments that can. What the mask knows of the music it reads from the sampler's
// history, note by note, so each field costs a few comparisons (plus one look-up in the
// copy guard per instrument and note). Only generated notes count: those at or after the
// span's start, after the infill middle marker when there is one.
//
// Density works bar by bar: bar k of the span gets round(n (k + 1)) - round(n k) notes of
// an instrument, within 15 % (at least the exact count for up to 6 notes), and an onset
// that leaves a bar before an instrument has its least is forbidden, as is one that would
// leave too few places (grid onsets times free voices) for the notes the bar still needs.
#pragma once

#include "generation/copyguard.h"
#include "generation/eventmask.h"

#include <array>
#include <memory>
#include <vector>

namespace tutti {

struct InstrumentControls
{
    bool active = false;        // notes of this instrument are being written
    int lowestPitch = 0;        // asked range within the instrument's own
    int highestPitch = 127;
    int polyphony = 0;          // 0: any
    int gridStep = 1;           // twelfths of a beat
    int maxLeap = -1;           // -1: any
    double stepPreference = 0.0;
    double notesPerBar = 0.0;   // 0: no density control
};

struct ControlPlan
{
    std::array<InstrumentControls, 65> instruments;   // by MMT instrument code
    std::vector<std::int64_t> barStarts;  // absolute twelfths of the span's bars, then its end
    std::vector<Event> rhythm;            // keep the rhythm: notes to re-pitch (absolute beats), in order
    std::shared_ptr<const CopyGuard> copyGuard; // null: copies allowed
};

class ControlMask final : public EventMask
{
public:
    explicit ControlMask(ControlPlan plan);
    void setWindowOrigin(int originBeat);  // the absolute beat of beat code 1
    void apply(const SamplingState &state, Field field, std::span<float> logits) const override;

    // The least and most notes bar `bar` of the span may get for a density of n a bar.
    static std::pair<int, int> barQuota(double notesPerBar, int bar);

private:
    struct Line
    {
        std::vector<LinePoint> top;      // one point per onset, oldest first
        std::vector<LinePoint> bottom;
    };
    struct Track
    {
        int bar = -1;                     // the bar of `count`
        int count = 0;                    // generated notes in that bar
        std::vector<std::int64_t> ends;   // of notes that may still sound
        Line line;
        std::int64_t copyStep = -1;       // copyTop/copyBottom hold the guard's answers at this onset
        std::bitset<128> copyTop;
        std::bitset<128> copyBottom;
    };

    void follow(const SamplingState &state) const;
    void add(const Event &note) const;
    std::int64_t onsetOf(int beatCode, int positionCode) const;
    int barOf(std::int64_t onset) const;  // -1 before the span, bars() past it
    int bars() const { return static_cast<int>(m_plan.barStarts.size()) - 1; }
    int countIn(int code, int bar) const;
    int sounding(int code, std::int64_t at) const;
    // Notes `code` could still start in [at, end of at's bar), short notes assumed; with an
    // extra note [at, extraEnd) of its own.
    int capacity(int code, std::int64_t at, std::int64_t extraEnd = -1) const;
    bool mayLeave(int toBar) const;       // every quota of the bars before `toBar` met
    bool onsetAllowed(std::int64_t onset) const;
    bool takes(int code, std::int64_t onset) const; // room, grid and quota for one more note
    bool pitchAllowed(int code, std::int64_t onset, int pitch) const;
    bool copies(int code, std::int64_t onset, int pitch) const;
    bool durationAllowed(int code, std::int64_t onset, int durationCode) const;
    bool anyOnset(const SamplingState &state) const;
    const Event *rhythmNote() const;      // keep-rhythm: the next note's template, null when done

    ControlPlan m_plan;
    std::vector<int> m_active;            // codes with controls, ascending
    bool m_density = false;
    int m_origin = 0;
    // What has been read of the history.
    mutable std::uint64_t m_run = 0;
    mutable std::size_t m_read = 0;
    mutable std::array<Track, 65> m_tracks;
    mutable int m_generated = 0;
    mutable std::int64_t m_lastOnset = -1;
    mutable std::bitset<65> m_usable;     // active and declared: the instruments a note may take
};

} // namespace tutti
// end of controlmask.h
