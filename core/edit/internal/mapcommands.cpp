// SPDX-License-Identifier: GPL-3.0-or-later
// mapcommands.cpp — swapping whole tempo and time-signature maps.
#include "edit/mapcommands.h"

namespace tutti {

ChangeMapsCommand::ChangeMapsCommand(ScoreDocument *document, std::vector<TempoChange> tempos,
                                     std::vector<TimeSignatureChange> timeSignatures, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_tempos{document->score().tempos, std::move(tempos)}
    , m_timeSignatures{document->score().timeSignatures, std::move(timeSignatures)}
{
    // Kept as Score::normalize() keeps them (a change to the value already in force is
    // dropped), so that a saved score reopens equal.
    Score maps;
    maps.tempos = std::move(m_tempos[1]);
    maps.timeSignatures = std::move(m_timeSignatures[1]);
    maps.normalize();
    m_tempos[1] = std::move(maps.tempos);
    m_timeSignatures[1] = std::move(maps.timeSignatures);
}

void ChangeMapsCommand::undo()
{
    apply(m_tempos[0], m_timeSignatures[0]);
}

void ChangeMapsCommand::redo()
{
    apply(m_tempos[1], m_timeSignatures[1]);
}

void ChangeMapsCommand::apply(const std::vector<TempoChange> &tempos,
                              const std::vector<TimeSignatureChange> &timeSignatures)
{
    Score &score = m_document->mutableScore();
    score.tempos = tempos;
    score.timeSignatures = timeSignatures;
    m_document->notifyChanged();
}

} // namespace tutti
// end of mapcommands.cpp
