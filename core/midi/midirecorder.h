// SPDX-License-Identifier: GPL-3.0-or-later
// midirecorder.h — one take of MIDI input turned into notes of one track, with the times
// they were played.
//
// Usage:
//   tutti::MidiRecorder recorder;
//   recorder.start(score, startTick, MidiMessage::nowNs());  // the score is at startTick now
//   recorder.take(message);              // each message of the take, in order (GUI thread)
//   ...
//   std::vector<Note> notes = recorder.finish(MidiMessage::nowNs()); // held notes end here
//   Track after = recorder.applyTo(score.tracks[track], MidiRecorder::Mode::Replace);
//   document.undoStack()->push(new RecordTakeCommand(&document, track, after)); // one undo step
//
// Times: a message at timeNs lies (timeNs - startNs) seconds after startTick on the score's
// tempo map. Notes keep their velocities. The sustain pedal (CC 64) is kept as controller
// changes of the track. With a quantize step each onset snaps to the nearest grid point
// counted from its bar line (lengths stay as played, at least one tick). Messages before
// the start (played during the count-in) are taken as played at the start.
#pragma once

#include "midi/midimessage.h"
#include "score/score.h"
#include "score/timemap.h"

#include <array>
#include <memory>
#include <vector>

namespace tutti {

class MidiRecorder
{
public:
    enum class Mode
    {
        Overdub, // the take is added to what the track has
        Replace, // the track's notes that start inside the take's span go
    };

    void start(const Score &score, Tick startTick, std::int64_t startNs, Tick quantizeStep = 0);
    bool isRecording() const { return m_recording; }
    void take(const MidiMessage &message);
    // Ends the take: notes still held end at endNs. Returns every note of the take, sorted.
    std::vector<Note> finish(std::int64_t endNs);

    Tick tickAt(std::int64_t ns) const;
    Tick startTick() const { return m_startTick; }
    Tick endTick() const { return m_endTick; }
    const std::vector<Note> &notes() const { return m_notes; }               // finished ones
    const std::vector<ControlChange> &sustain() const { return m_sustain; }  // pedal changes
    int heldCount() const;
    std::int64_t lastNoteOffNs() const { return m_lastNoteOffNs; } // 0 before the first release

    // `track` with the take in it (after finish()): Replace first drops the notes that start,
    // and the pedal changes that lie, in [startTick, endTick).
    Track applyTo(const Track &track, Mode mode) const;

private:
    std::unique_ptr<TimeMap> m_map;
    std::unique_ptr<Score> m_metre; // the tempo and metre maps the take was timed on
    double m_startSeconds = 0;
    std::int64_t m_startNs = 0;
    Tick m_startTick = 0;
    Tick m_endTick = 0;
    Tick m_quantize = 0;
    bool m_recording = false;
    std::array<Tick, 128> m_heldSince{}; // -1 when the key is up
    std::array<int, 128> m_heldVelocity{};
    std::vector<Note> m_notes;
    std::vector<ControlChange> m_sustain;
    std::int64_t m_lastNoteOffNs = 0;
};

} // namespace tutti
// end of midirecorder.h
