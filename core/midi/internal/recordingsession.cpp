// SPDX-License-Identifier: GPL-3.0-or-later
// recordingsession.cpp — MIDI input into the document, through the recorder or step entry.
#include "midi/recordingsession.h"

#include "edit/notecommands.h"
#include "edit/recordcommand.h"
#include "edit/scoredocument.h"
#include "midi/midiinput.h"
#include "midi/midiportwatcher.h"

using namespace Qt::StringLiterals;

namespace tutti {

RecordingSession::RecordingSession(ScoreDocument *document, MidiInput *input, MidiPortWatcher *watcher,
                                   QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_input(input)
{
    connect(input, &MidiInput::received, this, &RecordingSession::take);
    if (watcher)
        connect(watcher, &MidiPortWatcher::portVanished, this, &RecordingSession::portVanished);
}

void RecordingSession::startTake(int track, Tick startTick, std::int64_t startNs, Mode mode, Tick quantizeStep)
{
    if (m_recorder.isRecording())
        stopTake();
    m_track = track;
    m_mode = mode;
    m_recorder.start(m_document->score(), startTick, startNs, quantizeStep);
}

int RecordingSession::stopTake(const QString &reason)
{
    if (!m_recorder.isRecording())
        return 0;
    const std::vector<Note> notes = m_recorder.finish(MidiMessage::nowNs());
    const auto &tracks = m_document->score().tracks;
    const bool hasTrack = m_track >= 0 && std::size_t(m_track) < tracks.size();
    const bool hasTake = !notes.empty() || !m_recorder.sustain().empty();
    if (hasTrack && hasTake) {
        const Track after = m_recorder.applyTo(tracks[std::size_t(m_track)], m_mode);
        m_document->undoStack()->push(new RecordTakeCommand(m_document, m_track, after));
    }
    const int count = hasTrack ? int(notes.size()) : 0;
    Q_EMIT takeStopped(count, reason);
    return count;
}

void RecordingSession::setStepMode(bool on, int track, Tick cursor, Tick step)
{
    m_stepMode = on;
    m_stepTrack = track;
    m_steps.setCursor(cursor);
    m_steps.setStep(step);
}

void RecordingSession::stepRest()
{
    if (!m_stepMode)
        return;
    m_steps.rest();
    Q_EMIT stepCursorMoved(m_steps.cursor());
}

void RecordingSession::take(const MidiMessage &message)
{
    if (m_recorder.isRecording())
        m_recorder.take(message);
    if (!m_stepMode)
        return;
    const auto &tracks = m_document->score().tracks;
    if (m_stepTrack < 0 || std::size_t(m_stepTrack) >= tracks.size())
        return;
    if (message.isNoteOn()) {
        if (const std::optional<Note> note = m_steps.press(message.data1, message.data2)) {
            m_document->undoStack()->push(
                new EditNotesCommand(m_document, {{m_stepTrack, {}, {*note}}}, u"Step Input"_s));
        }
    } else if (message.isNoteOff() && m_steps.release(message.data1)) {
        Q_EMIT stepCursorMoved(m_steps.cursor());
    }
}

void RecordingSession::portVanished(const MidiPort &port)
{
    if (port != m_input->port())
        return;
    const QString message = port.label() + u" was disconnected"_s;
    m_input->close();
    if (m_recorder.isRecording())
        stopTake(message + u"; recording stopped, what was played is kept"_s);
    Q_EMIT inputVanished(message);
}

} // namespace tutti
// end of recordingsession.cpp
