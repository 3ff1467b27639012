// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmldocument.cpp — small helpers of the written-score model.
#include "musicxmldocument.h"

namespace tutti {

std::vector<RepeatMarks> WrittenPart::marks() const
{
    std::vector<RepeatMarks> result;
    result.reserve(measures.size());
    for (const WrittenMeasure &measure : measures)
        result.push_back(measure.marks);
    return result;
}

void WrittenScore::scaleTicks(Tick factor)
{
    for (WrittenPart &part : parts) {
        for (WrittenMeasure &measure : part.measures) {
            measure.length *= factor;
            for (WrittenNote &note : measure.notes) {
                note.onset *= factor;
                note.length *= factor;
            }
            for (TimedValue &tempo : measure.tempos)
                tempo.offset *= factor;
            for (TimedValue &dynamic : measure.dynamics)
                dynamic.offset *= factor;
        }
    }
    ticksPerQuarter = static_cast<int>(ticksPerQuarter * factor);
}

} // namespace tutti
// end of musicxmldocument.cpp
