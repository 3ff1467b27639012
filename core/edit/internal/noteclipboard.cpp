// SPDX-License-Identifier: GPL-3.0-or-later
// noteclipboard.cpp — the clipboard's JSON form, checked field by field when read back.
#include "edit/noteclipboard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int formatVersion = 1;
constexpr double maxTick = 1099511627776.0; // 2^40: exact in a double, far beyond any score

// The JSON value as an integer in [low, high], or nullopt.
std::optional<Tick> integerIn(const QJsonValue &value, double low, double high)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= low && number <= high) || std::floor(number) != number)
        return std::nullopt;
    return static_cast<Tick>(number);
}

} // namespace

QByteArray encodeClipboardNotes(const std::vector<Note> &notes, int ticksPerQuarter)
{
    QJsonArray list;
    for (const Note &note : notes)
        list.append(QJsonArray{static_cast<double>(note.start), static_cast<double>(note.length), note.pitch,
                               note.velocity});
    const QJsonObject root{{u"tuttiNotes"_s, formatVersion},
                           {u"ticksPerQuarter"_s, ticksPerQuarter},
                           {u"notes"_s, list}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<std::vector<Note>> decodeClipboardNotes(const QByteArray &bytes, int ticksPerQuarter)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject() || ticksPerQuarter < 1)
        return std::nullopt;
    const QJsonObject root = document.object();
    const std::optional<Tick> version = integerIn(root.value(u"tuttiNotes"_s), 1, formatVersion);
    const std::optional<Tick> sourceResolution = integerIn(root.value(u"ticksPerQuarter"_s), 1, 32767);
    const QJsonValue list = root.value(u"notes"_s);
    if (!version || !sourceResolution || !list.isArray() || list.toArray().size() > maxClipboardNotes)
        return std::nullopt;
    // Rescaled as Score::setTicksPerQuarter does, so a copy between resolutions rounds alike.
    Score carrier;
    carrier.ticksPerQuarter = static_cast<int>(*sourceResolution);
    Track &track = carrier.addTrack(QString(), 0);
    const QJsonArray array = list.toArray();
    track.notes.reserve(static_cast<std::size_t>(array.size()));
    for (const QJsonValue &entry : array) {
        const QJsonArray fields = entry.toArray();
        if (!entry.isArray() || fields.size() != 4)
            return std::nullopt;
        const std::optional<Tick> start = integerIn(fields[0], 0, maxTick);
        const std::optional<Tick> length = integerIn(fields[1], 1, maxTick);
        const std::optional<Tick> pitch = integerIn(fields[2], 0, 127);
        const std::optional<Tick> velocity = integerIn(fields[3], 1, 127);
        if (!start || !length || !pitch || !velocity)
            return std::nullopt;
        track.notes.push_back(Note{*start, *length, static_cast<int>(*pitch), static_cast<int>(*velocity)});
    }
    carrier.setTicksPerQuarter(ticksPerQuarter);
    for (const Note &note : track.notes)
        if (static_cast<double>(note.start + note.length) > maxTick)
            return std::nullopt; // only reachable at a much finer resolution than the copy's
    return std::move(track.notes);
}

} // namespace tutti
// end of noteclipboard.cpp
