// SPDX-License-Identifier: GPL-3.0-or-later
// event.cpp — event codes and the duration table.
#include "representation/event.h"

#include <cstdlib>
#include <tuple>

namespace tutti {

const char *fieldName(Field field)
{
    switch (field) {
    case Field::Type: return "type";
    case Field::Beat: return "beat";
    case Field::Position: return "position";
    case Field::Pitch: return "pitch";
    case Field::Duration: return "duration";
    case Field::Instrument: return "instrument";
    }
    return "?";
}

int Event::operator[](Field field) const
{
    switch (field) {
    case Field::Type: return type;
    case Field::Beat: return beat;
    case Field::Position: return position;
    case Field::Pitch: return pitch;
    case Field::Duration: return duration;
    case Field::Instrument: return instrument;
    }
    return 0;
}

void Event::set(Field field, int code)
{
    const auto value = static_cast<std::int16_t>(code);
    switch (field) {
    case Field::Type: type = value; break;
    case Field::Beat: beat = value; break;
    case Field::Position: position = value; break;
    case Field::Pitch: pitch = value; break;
    case Field::Duration: duration = value; break;
    case Field::Instrument: instrument = value; break;
    }
}

Event Event::ofType(EventType eventType)
{
    Event event;
    event.type = static_cast<std::int16_t>(eventType);
    return event;
}

Event Event::instrumentEvent(int instrumentCode)
{
    Event event = ofType(EventType::Instrument);
    event.instrument = static_cast<std::int16_t>(instrumentCode);
    return event;
}

Event Event::note(int beat, int position, int pitch, int durationCode, int instrumentCode)
{
    Event event = ofType(EventType::Note);
    event.beat = static_cast<std::int16_t>(beat + 1);
    event.position = static_cast<std::int16_t>(position + 1);
    event.pitch = static_cast<std::int16_t>(pitch + 1);
    event.duration = static_cast<std::int16_t>(durationCode);
    event.instrument = static_cast<std::int16_t>(instrumentCode);
    return event;
}

bool noteOrderLess(const Event &a, const Event &b)
{
    return std::tie(a.beat, a.position, a.pitch, a.duration, a.instrument)
         < std::tie(b.beat, b.position, b.pitch, b.duration, b.instrument);
}

const std::array<int, 32> &durationValues()
{
    static constexpr std::array<int, 32> values = {1,  2,  3,  4,  5,  6,  7,  8,   9,   10,  11,
                                                   12, 15, 16, 18, 20, 21, 24, 30,  36,  40,  42,
                                                   48, 60, 72, 84, 96, 120, 144, 168, 192, 384};
    return values;
}

int durationCode(std::int64_t numerator, std::int64_t denominator)
{
    const std::array<int, 32> &values = durationValues();
    if (denominator <= 0 || numerator <= 0)
        return 1;
    // Compare |numerator/denominator - value| as |numerator - value*denominator| so that
    // ticks that are not a whole number of twelfths still snap exactly; the first (shorter)
    // value wins a tie because only a strictly smaller distance replaces it.
    int best = 0;
    std::int64_t bestDistance = std::llabs(numerator - values[0] * denominator);
    for (int i = 1; i < static_cast<int>(values.size()); ++i) {
        const std::int64_t distance = std::llabs(numerator - values[i] * denominator);
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best + 1;
}

int durationTwelfths(int code)
{
    if (code < 1 || code > static_cast<int>(durationValues().size()))
        return 0;
    return durationValues()[code - 1];
}

} // namespace tutti
// end of event.cpp
