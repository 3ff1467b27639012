// SPDX-License-Identifier: GPL-3.0-or-later
// tracklistcommand.cpp — one take-out/put-in primitive behind every track-list change.
#include "edit/tracklistcommand.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int drumChannel = 9;

int freeChannel(const Score &score)
{
    QSet<int> used;
    for (const Track &track : score.tracks)
        used.insert(track.channel);
    for (int channel = 0; channel < 16; ++channel) {
        if (channel != drumChannel && !used.contains(channel))
            return channel;
    }
    return 0; // more than 15 melodic tracks share channels, as in any GM file
}

} // namespace

TrackListCommand::TrackListCommand(ScoreDocument *document, int removeAt, int insertAt, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_removeAt(removeAt)
    , m_insertAt(insertAt)
{
}

TrackListCommand *TrackListCommand::add(ScoreDocument *document, int program)
{
    const Score &score = document->score();
    const int index = static_cast<int>(score.tracks.size());
    auto *command = new TrackListCommand(document, -1, index, u"Add Track"_s);
    command->m_held.name = u"Track %1"_s.arg(index + 1);
    command->m_held.program = program;
    command->m_held.channel = freeChannel(score);
    command->m_held.colour = defaultTrackColour(index);
    return command;
}

TrackListCommand *TrackListCommand::duplicate(ScoreDocument *document, int index)
{
    auto *command = new TrackListCommand(document, -1, index + 1, u"Duplicate Track"_s);
    command->m_held = document->score().tracks.at(static_cast<std::size_t>(index));
    command->m_held.name = command->m_held.name + u" copy"_s;
    // Its own channel, so giving the copy another instrument leaves the original alone.
    if (!command->m_held.isDrum)
        command->m_held.channel = freeChannel(document->score());
    return command;
}

TrackListCommand *TrackListCommand::remove(ScoreDocument *document, int index)
{
    return new TrackListCommand(document, index, -1, u"Remove Track"_s);
}

TrackListCommand *TrackListCommand::move(ScoreDocument *document, int from, int to)
{
    return new TrackListCommand(document, from, to, u"Move Track"_s);
}

void TrackListCommand::redo()
{
    transfer(m_removeAt, m_insertAt);
}

void TrackListCommand::undo()
{
    transfer(m_insertAt, m_removeAt);
}

void TrackListCommand::transfer(int from, int to)
{
    std::vector<Track> &tracks = m_document->mutableScore().tracks;
    if (from >= 0) {
        m_held = std::move(tracks.at(static_cast<std::size_t>(from)));
        tracks.erase(tracks.begin() + from);
    }
    if (to >= 0)
        tracks.insert(tracks.begin() + to, std::move(m_held));
    m_document->notifyChanged();
}

} // namespace tutti
// end of tracklistcommand.cpp
