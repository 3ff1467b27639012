// SPDX-License-Identifier: GPL-3.0-or-later
// tuttifile.cpp — the .tutti project format (JSON), version 1.
//
// {"format": "tutti", "version": 1, "title": "...", "ticksPerQuarter": 480,
//  "tempos": [{"tick": 0, "microsecondsPerQuarter": 500000}],
//  "timeSignatures": [{"tick": 0, "numerator": 4, "denominator": 4}],
//  "keySignatures": [{"tick": 0, "sharps": -1, "minor": false}],
//  "tracks": [{"name": "Violin", "program": 40, "channel": 0, "drum": false, "volume": 100,
//              "pan": 64, "mute": false, "solo": false, "colour": "#4e79a7",
//              "notes": [[start, length, pitch, velocity], ...],
//              "sustain": [[tick, value], ...]}]}     (the pedal, CC 64; absent when unused)
//
// Notes are arrays rather than objects: a 100,000-note score stays a few megabytes.
#include "io/tuttifile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

QString colourName(std::uint32_t rgb)
{
    return u'#' + QString::number(rgb & 0xFFFFFF, 16).rightJustified(6, u'0');
}

QJsonObject trackJson(const Track &track)
{
    QJsonArray notes;
    for (const Note &note : track.notes)
        notes.append(QJsonArray{static_cast<double>(note.start), static_cast<double>(note.length), note.pitch,
                                note.velocity});
    QJsonObject object{
        {u"name"_s, track.name},
        {u"program"_s, track.program},
        {u"channel"_s, track.channel},
        {u"drum"_s, track.isDrum},
        {u"volume"_s, track.volume},
        {u"pan"_s, track.pan},
        {u"mute"_s, track.muted},
        {u"solo"_s, track.soloed},
        {u"colour"_s, colourName(track.colour)},
        {u"notes"_s, notes},
    };
    QJsonArray sustain;
    for (const ControlChange &change : track.controls) {
        if (change.controller == ControlChange::sustain)
            sustain.append(QJsonArray{static_cast<double>(change.tick), change.value});
    }
    if (!sustain.isEmpty())
        object.insert(u"sustain"_s, sustain);
    return object;
}

// Reads one JSON document into a Score, checking every value's type and range. The first
// problem found stops the read; its message names where in the document it is.
class TuttiJsonReader
{
public:
    explicit TuttiJsonReader(const QString &fileName) : m_fileName(fileName) {}

    ScoreReadResult read(const QByteArray &bytes)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(u"byte "_s + QString::number(parseError.offset) + u": not valid JSON: "_s
                        + parseError.errorString());
        if (!document.isObject())
            return fail(u"not a Tutti project (the document is not a JSON object)"_s);
        const QJsonObject root = document.object();
        if (root.value(u"format"_s).toString() != u"tutti"_s)
            return fail(u"not a Tutti project (no \"format\": \"tutti\")"_s);
        const double version = root.value(u"version"_s).toDouble(-1);
        if (version > tuttiFormatVersion)
            return fail(u"written by a newer Tutti (format version "_s + QString::number(version)
                        + u"; this version reads up to "_s + QString::number(tuttiFormatVersion) + u")"_s);
        if (version < 1 || version != std::floor(version))
            return fail(u"bad format version"_s);

        ScoreReadResult result;
        Score &score = result.score;
        score.title = root.value(u"title"_s).toString();
        if (!integer(root, u"ticksPerQuarter"_s, 1, 32767, score.ticksPerQuarter))
            return fail(m_problem);
        for (const QJsonValue &value : root.value(u"tempos"_s).toArray()) {
            TempoChange change;
            if (!tick(value, u"tempos"_s, change.tick)
                || !integer(value.toObject(), u"microsecondsPerQuarter"_s, 1, 0xFFFFFF, change.microsecondsPerQuarter))
                return fail(m_problem);
            score.tempos.push_back(change);
        }
        for (const QJsonValue &value : root.value(u"timeSignatures"_s).toArray()) {
            TimeSignatureChange change;
            if (!tick(value, u"timeSignatures"_s, change.tick)
                || !integer(value.toObject(), u"numerator"_s, 1, 255, change.numerator)
                || !integer(value.toObject(), u"denominator"_s, 1, 64, change.denominator))
                return fail(m_problem);
            if ((change.denominator & (change.denominator - 1)) != 0)
                return fail(u"timeSignatures: denominator "_s + QString::number(change.denominator)
                            + u" is not a power of two"_s);
            score.timeSignatures.push_back(change);
        }
        for (const QJsonValue &value : root.value(u"keySignatures"_s).toArray()) {
            KeySignatureChange change;
            if (!tick(value, u"keySignatures"_s, change.tick)
                || !integer(value.toObject(), u"sharps"_s, -7, 7, change.sharps))
                return fail(m_problem);
            change.minor = value.toObject().value(u"minor"_s).toBool();
            score.keySignatures.push_back(change);
        }
        const QJsonArray tracks = root.value(u"tracks"_s).toArray();
        for (qsizetype i = 0; i < tracks.size(); ++i) {
            if (!readTrack(tracks[i].toObject(), u"tracks["_s + QString::number(i) + u']', score.addTrack({}, 0)))
                return fail(m_problem);
        }
        score.normalize();
        return result;
    }

private:
    ScoreReadResult fail(const QString &problem) const
    {
        return ScoreReadResult::failure(m_fileName + u": "_s + problem);
    }

    bool integer(const QJsonObject &object, const QString &key, qint64 low, qint64 high, auto &target)
    {
        const QJsonValue value = object.value(key);
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || number != std::floor(number) || number < low || number > high) {
            m_problem = u'"' + key + u"\" must be a whole number from "_s + QString::number(low) + u" to "_s
                + QString::number(high);
            return false;
        }
        target = static_cast<std::remove_reference_t<decltype(target)>>(number);
        return true;
    }

    bool tick(const QJsonValue &value, const QString &where, Tick &target)
    {
        if (!integer(value.toObject(), u"tick"_s, 0, maxTick, target)) {
            m_problem = where + u": "_s + m_problem;
            return false;
        }
        return true;
    }

    bool readTrack(const QJsonObject &object, const QString &where, Track &track)
    {
        track.name = object.value(u"name"_s).toString();
        track.isDrum = object.value(u"drum"_s).toBool();
        track.muted = object.value(u"mute"_s).toBool();
        track.soloed = object.value(u"solo"_s).toBool();
        const QString colour = object.value(u"colour"_s).toString();
        bool hexOk = false;
        const uint rgb = colour.mid(1).toUInt(&hexOk, 16);
        if (hexOk && colour.size() == 7 && colour.startsWith(u'#'))
            track.colour = rgb; // else keep the default colour addTrack() gave
        if (!integer(object, u"program"_s, 0, 127, track.program) || !integer(object, u"channel"_s, 0, 15, track.channel)
            || !integer(object, u"volume"_s, 0, 127, track.volume) || !integer(object, u"pan"_s, 0, 127, track.pan)) {
            m_problem = where + u": "_s + m_problem;
            return false;
        }
        const QJsonArray notes = object.value(u"notes"_s).toArray();
        track.notes.reserve(static_cast<std::size_t>(notes.size()));
        for (qsizetype i = 0; i < notes.size(); ++i) {
            const QJsonArray fields = notes[i].toArray();
            Note note;
            if (fields.size() != 4 || !field(fields[0], 0, maxTick, note.start) || !field(fields[1], 1, maxTick, note.length)
                || !field(fields[2], 0, 127, note.pitch) || !field(fields[3], 1, 127, note.velocity)) {
                m_problem = where + u".notes["_s + QString::number(i)
                    + u"]: expected [start >= 0, length >= 1, pitch 0..127, velocity 1..127]"_s;
                return false;
            }
            track.notes.push_back(note);
        }
        const QJsonArray sustain = object.value(u"sustain"_s).toArray();
        for (qsizetype i = 0; i < sustain.size(); ++i) {
            const QJsonArray fields = sustain[i].toArray();
            ControlChange change;
            if (fields.size() != 2 || !field(fields[0], 0, maxTick, change.tick) || !field(fields[1], 0, 127, change.value)) {
                m_problem = where + u".sustain["_s + QString::number(i) + u"]: expected [tick >= 0, value 0..127]"_s;
                return false;
            }
            track.controls.push_back(change);
        }
        return true;
    }

    static bool field(const QJsonValue &value, qint64 low, qint64 high, auto &target)
    {
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || number != std::floor(number) || number < low || number > high)
            return false;
        target = static_cast<std::remove_reference_t<decltype(target)>>(number);
        return true;
    }

    // Ticks must stay exact in a JSON double (53 bits) and leave room for arithmetic.
    static constexpr qint64 maxTick = qint64(1) << 50;

    QString m_fileName;
    QString m_problem;
};

} // namespace

QByteArray tuttiJson(const Score &score)
{
    QJsonArray tempos;
    for (const TempoChange &change : score.tempos)
        tempos.append(QJsonObject{{u"tick"_s, static_cast<double>(change.tick)},
                                  {u"microsecondsPerQuarter"_s, change.microsecondsPerQuarter}});
    QJsonArray timeSignatures;
    for (const TimeSignatureChange &change : score.timeSignatures)
        timeSignatures.append(QJsonObject{{u"tick"_s, static_cast<double>(change.tick)},
                                          {u"numerator"_s, change.numerator},
                                          {u"denominator"_s, change.denominator}});
    QJsonArray keySignatures;
    for (const KeySignatureChange &change : score.keySignatures)
        keySignatures.append(QJsonObject{{u"tick"_s, static_cast<double>(change.tick)},
                                         {u"sharps"_s, change.sharps},
                                         {u"minor"_s, change.minor}});
    QJsonArray tracks;
    for (const Track &track : score.tracks)
        tracks.append(trackJson(track));
    const QJsonObject root{
        {u"format"_s, u"tutti"_s},
        {u"version"_s, tuttiFormatVersion},
        {u"title"_s, score.title},
        {u"ticksPerQuarter"_s, score.ticksPerQuarter},
        {u"tempos"_s, tempos},
        {u"timeSignatures"_s, timeSignatures},
        {u"keySignatures"_s, keySignatures},
        {u"tracks"_s, tracks},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

ScoreReadResult readTuttiJson(const QByteArray &bytes, const QString &fileName)
{
    return TuttiJsonReader(fileName).read(bytes);
}

ScoreReadResult readTuttiFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScoreReadResult::failure(path + u": cannot open: "_s + file.errorString());
    return readTuttiJson(file.readAll(), QFileInfo(path).fileName());
}

QString writeTuttiFile(const Score &score, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path + u": cannot write: "_s + file.errorString();
    const QByteArray json = tuttiJson(score);
    if (file.write(json) != json.size() || !file.commit())
        return path + u": cannot write: "_s + file.errorString();
    return {};
}

} // namespace tutti
// end of tuttifile.cpp
