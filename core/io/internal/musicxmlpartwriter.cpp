// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlpartwriter.cpp — <score-part> and <part>: attributes, voices, notes, rests, tempo.
#include "musicxmlpartwriter.h"

#include "musicxmlsounds.h"

#include "score/generalmidi.h"

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr int drumChannel = 9;
constexpr int minTempoMicroseconds = 6001;       // the importer takes tempos below 10000 BPM
constexpr int maxTempoMicroseconds = 60'000'000; // and from 1 BPM

QString number(qint64 value)
{
    return QString::number(value);
}

} // namespace

MusicXmlPartWriter::MusicXmlPartWriter(QXmlStreamWriter &xml, const MusicXmlLayout &layout, const LaidPart &part,
                                       const QString &id, bool carriesTempo)
    : m_xml(xml)
    , m_layout(layout)
    , m_part(part)
    , m_id(id)
    , m_carriesTempo(carriesTempo)
    , m_grid(layout.divisions())
{
    if (part.track->isDrum) {
        for (const LaidNote &note : part.notes)
            m_drumKeys.push_back(note.pitch);
        std::sort(m_drumKeys.begin(), m_drumKeys.end());
        m_drumKeys.erase(std::unique(m_drumKeys.begin(), m_drumKeys.end()), m_drumKeys.end());
    }
    // A silent staff rests in its first voice: 1 above, the lowest of the staff below (5 at least).
    bool lowerSeen = false;
    for (const LaidNote &note : part.notes) {
        if (note.staff == 2) {
            m_restVoice[1] = lowerSeen ? std::min(m_restVoice[1], note.voice) : note.voice;
            lowerSeen = true;
        }
    }
}

void MusicXmlPartWriter::writeScorePart()
{
    const Track &track = *m_part.track;
    m_xml.writeStartElement(u"score-part"_s);
    m_xml.writeAttribute(u"id"_s, m_id);
    m_xml.writeTextElement(u"part-name"_s, track.name);
    const int channel = track.isDrum ? drumChannel : std::clamp(track.channel, 0, 15);
    const int program = std::clamp(track.program, 0, 127);
    const QString volume = QString::number(std::clamp(track.volume, 0, 127) * 100.0 / 127.0, 'f', 2);
    const QString pan = QString::number((std::clamp(track.pan, 0, 127) - 64) * 90.0 / 64.0, 'f', 2);
    std::vector<int> instruments = m_drumKeys;
    if (instruments.empty())
        instruments.push_back(-1);
    for (const int key : instruments) {
        m_xml.writeStartElement(u"score-instrument"_s);
        m_xml.writeAttribute(u"id"_s, instrumentId(key));
        if (key >= 0) {
            m_xml.writeTextElement(u"instrument-name"_s, drumNotation(key).name);
        } else {
            m_xml.writeTextElement(u"instrument-name"_s, track.isDrum ? u"Drum kit"_s : generalMidiProgramName(program));
            if (!track.isDrum)
                m_xml.writeTextElement(u"instrument-sound"_s, musicXmlSound(program));
        }
        m_xml.writeEndElement();
    }
    for (const int key : instruments) {
        m_xml.writeStartElement(u"midi-instrument"_s);
        m_xml.writeAttribute(u"id"_s, instrumentId(key));
        m_xml.writeTextElement(u"midi-channel"_s, number(channel + 1));
        m_xml.writeTextElement(u"midi-program"_s, number(program + 1));
        if (key >= 0)
            m_xml.writeTextElement(u"midi-unpitched"_s, number(key + 1));
        m_xml.writeTextElement(u"volume"_s, volume);
        m_xml.writeTextElement(u"pan"_s, pan);
        m_xml.writeEndElement();
    }
    m_xml.writeEndElement();
}

QString MusicXmlPartWriter::instrumentId(int key) const
{
    return u"%1-I%2"_s.arg(m_id).arg(key < 0 ? 1 : key + 1);
}

void MusicXmlPartWriter::writePart()
{
    m_xml.writeStartElement(u"part"_s);
    m_xml.writeAttribute(u"id"_s, m_id);
    std::vector<std::size_t> active;
    std::size_t next = 0;
    for (std::size_t i = 0; i < m_layout.measures().size(); ++i)
        writeMeasure(i, active, next);
    m_xml.writeEndElement();
}

void MusicXmlPartWriter::writeMeasure(std::size_t index, std::vector<std::size_t> &active, std::size_t &next)
{
    const LaidMeasure &measure = m_layout.measures()[index];
    const std::vector<LaidNote> &notes = m_part.notes;
    std::erase_if(active, [&](std::size_t i) { return notes[i].end <= measure.start; });
    while (next < notes.size() && notes[next].start < measure.end)
        active.push_back(next++);

    m_xml.writeStartElement(u"measure"_s);
    m_xml.writeAttribute(u"number"_s, number(static_cast<qint64>(index) + 1));
    if (index == 0 || measure.newTime || measure.newKey)
        writeAttributes(measure, index == 0);
    const bool tempoAtStart = m_carriesTempo && !measure.tempos.empty() && measure.tempos.front().first == 0;
    if (tempoAtStart)
        writeTempo(measure.tempos.front().second);

    std::map<std::pair<int, int>, std::vector<const LaidNote *>> voices; // (staff, voice) -> notes
    for (const std::size_t i : active)
        voices[{notes[i].staff, notes[i].voice}].push_back(&notes[i]);
    const qint64 length = measure.end - measure.start;
    bool first = true;
    for (int staff = 1; staff <= m_part.staves; ++staff) {
        bool staffHasVoice = false;
        for (const auto &[key, voiceNotes] : voices)
            staffHasVoice = staffHasVoice || key.first == staff;
        const auto backup = [&] {
            if (!first) {
                m_xml.writeStartElement(u"backup"_s);
                m_xml.writeTextElement(u"duration"_s, number(length));
                m_xml.writeEndElement();
            }
            first = false;
        };
        if (!staffHasVoice) {
            backup();
            writeMeasureRest(length, staff, m_restVoice[staff - 1]);
            continue;
        }
        for (const auto &[key, voiceNotes] : voices) {
            if (key.first != staff)
                continue;
            backup();
            writeVoice(measure, staff, key.second, voiceNotes);
        }
    }
    // Tempo changes inside the measure, latest first, each reached by stepping back from
    // the end (a <backup> never makes rests, unlike a <forward>).
    if (m_carriesTempo) {
        qint64 position = length;
        for (auto it = measure.tempos.rbegin(); it != measure.tempos.rend(); ++it) {
            if (it->first == 0)
                continue;
            m_xml.writeStartElement(u"backup"_s);
            m_xml.writeTextElement(u"duration"_s, number(position - it->first));
            m_xml.writeEndElement();
            position = it->first;
            writeTempo(it->second);
        }
    }
    if (index + 1 == m_layout.measures().size()) {
        m_xml.writeStartElement(u"barline"_s);
        m_xml.writeAttribute(u"location"_s, u"right"_s);
        m_xml.writeTextElement(u"bar-style"_s, u"light-heavy"_s);
        m_xml.writeEndElement();
    }
    m_xml.writeEndElement();
}

void MusicXmlPartWriter::writeAttributes(const LaidMeasure &measure, bool first)
{
    m_xml.writeStartElement(u"attributes"_s);
    if (first)
        m_xml.writeTextElement(u"divisions"_s, number(m_layout.divisions()));
    if (measure.newKey) {
        m_xml.writeStartElement(u"key"_s);
        m_xml.writeTextElement(u"fifths"_s, number(measure.sharps));
        m_xml.writeTextElement(u"mode"_s, measure.minor ? u"minor"_s : u"major"_s);
        m_xml.writeEndElement();
    }
    if (measure.newTime) {
        m_xml.writeStartElement(u"time"_s);
        m_xml.writeTextElement(u"beats"_s, number(measure.numerator));
        m_xml.writeTextElement(u"beat-type"_s, number(measure.denominator));
        m_xml.writeEndElement();
    }
    if (first) {
        if (m_part.staves > 1)
            m_xml.writeTextElement(u"staves"_s, number(m_part.staves));
        for (int staff = 1; staff <= m_part.staves; ++staff) {
            m_xml.writeStartElement(u"clef"_s);
            if (m_part.staves > 1)
                m_xml.writeAttribute(u"number"_s, number(staff));
            switch (m_part.clefs[staff - 1]) {
            case LaidClef::Treble:
                m_xml.writeTextElement(u"sign"_s, u"G"_s);
                m_xml.writeTextElement(u"line"_s, u"2"_s);
                break;
            case LaidClef::Bass:
                m_xml.writeTextElement(u"sign"_s, u"F"_s);
                m_xml.writeTextElement(u"line"_s, u"4"_s);
                break;
            case LaidClef::Alto:
                m_xml.writeTextElement(u"sign"_s, u"C"_s);
                m_xml.writeTextElement(u"line"_s, u"3"_s);
                break;
            case LaidClef::Percussion:
                m_xml.writeTextElement(u"sign"_s, u"percussion"_s);
                break;
            }
            m_xml.writeEndElement();
        }
    }
    m_xml.writeEndElement();
}

void MusicXmlPartWriter::writeTempo(int microsecondsPerQuarter)
{
    const double bpm = 60'000'000.0 / std::clamp(microsecondsPerQuarter, minTempoMicroseconds, maxTempoMicroseconds);
    m_xml.writeStartElement(u"direction"_s);
    m_xml.writeAttribute(u"placement"_s, u"above"_s);
    m_xml.writeStartElement(u"direction-type"_s);
    m_xml.writeStartElement(u"metronome"_s);
    m_xml.writeTextElement(u"beat-unit"_s, u"quarter"_s);
    m_xml.writeTextElement(u"per-minute"_s, QString::number(bpm, 'g', 4));
    m_xml.writeEndElement();
    m_xml.writeEndElement();
    m_xml.writeEmptyElement(u"sound"_s);
    m_xml.writeAttribute(u"tempo"_s, QString::number(bpm, 'g', 12)); // exact enough to give back the microseconds
    m_xml.writeEndElement();
}

void MusicXmlPartWriter::writeVoice(const LaidMeasure &measure, int staff, int voice,
                                    const std::vector<const LaidNote *> &notes)
{
    qint64 position = measure.start;
    for (std::size_t i = 0; i < notes.size();) {
        std::size_t j = i + 1;
        while (j < notes.size() && notes[j]->start == notes[i]->start)
            ++j;
        const std::vector<const LaidNote *> chord(notes.begin() + static_cast<std::ptrdiff_t>(i),
                                                  notes.begin() + static_cast<std::ptrdiff_t>(j));
        const qint64 from = std::max(chord.front()->start, measure.start);
        const qint64 to = std::min(chord.front()->end, measure.end);
        for (const Piece &piece : pieces(measure, position, from))
            writeRest(piece, staff, voice);
        writeChord(measure, staff, voice, chord, from, to);
        position = to;
        i = j;
    }
    for (const Piece &piece : pieces(measure, position, measure.end))
        writeRest(piece, staff, voice);
}

std::vector<MusicXmlPartWriter::Piece> MusicXmlPartWriter::pieces(const LaidMeasure &measure, qint64 from,
                                                                  qint64 to) const
{
    std::vector<Piece> result;
    std::vector<NoteValue> values;
    qint64 position = from;
    const auto covered = [&](qint64 windowStart, qint64 windowEnd) { return position == windowStart && to >= windowEnd; };
    while (position < to) {
        auto [windowStart, windowEnd] = m_layout.window(measure, position);
        values.clear();
        if (m_part.triplet[m_layout.windowIndex(measure, position)] && !covered(windowStart, windowEnd)) {
            // Three in the time of two: written values are half as long again as they sound.
            const qint64 end = std::min(to, windowEnd);
            m_grid.split((position - windowStart) * 3 / 2, (end - windowStart) * 3 / 2, 0, values);
            const char *normalType = m_grid.typeOf((windowEnd - windowStart) / 2); // 2 of these fill the window
            for (const NoteValue &value : values) {
                Piece piece;
                piece.start = position;
                piece.value = value;
                piece.duration = value.length * 2 / 3;
                piece.tuplet = true;
                piece.tupletStart = position == windowStart;
                position += piece.duration;
                piece.tupletStop = position == windowEnd;
                piece.normalType = normalType;
                result.push_back(piece);
            }
            continue;
        }
        // A run of plain windows (and triplet windows this stretch fills entirely).
        qint64 end = std::min(to, windowEnd);
        while (end < to) {
            std::tie(windowStart, windowEnd) = m_layout.window(measure, end);
            if (m_part.triplet[m_layout.windowIndex(measure, end)] && !(end == windowStart && to >= windowEnd))
                break;
            end = std::min(to, windowEnd);
        }
        m_grid.split(position - measure.start, end - measure.start, measure.compoundBeat, values);
        for (const NoteValue &value : values) {
            Piece piece;
            piece.start = position;
            piece.value = value;
            piece.duration = value.length;
            position += piece.duration;
            result.push_back(piece);
        }
    }
    return result;
}

void MusicXmlPartWriter::writeChord(const LaidMeasure &measure, int staff, int voice,
                                    const std::vector<const LaidNote *> &chord, qint64 from, qint64 to)
{
    const std::vector<Piece> written = pieces(measure, from, to);
    const bool drum = m_part.track->isDrum;
    for (std::size_t k = 0; k < written.size(); ++k) {
        const Piece &piece = written[k];
        for (std::size_t n = 0; n < chord.size(); ++n) {
            const LaidNote &note = *chord[n];
            const bool tieStop = k > 0 || note.start < measure.start;
            const bool tieStart = k + 1 < written.size() || note.end > measure.end;
            m_xml.writeStartElement(u"note"_s);
            m_xml.writeAttribute(u"dynamics"_s, QString::number(note.velocity / 0.9, 'f', 2));
            if (n > 0)
                m_xml.writeEmptyElement(u"chord"_s);
            if (drum) {
                const DrumNotation display = drumNotation(note.pitch);
                m_xml.writeStartElement(u"unpitched"_s);
                m_xml.writeTextElement(u"display-step"_s, QString(QChar::fromLatin1(display.displayStep)));
                m_xml.writeTextElement(u"display-octave"_s, number(display.displayOctave));
                m_xml.writeEndElement();
            } else {
                const SpelledPitch pitch = spellPitch(note.pitch, measure.sharps, measure.minor);
                m_xml.writeStartElement(u"pitch"_s);
                m_xml.writeTextElement(u"step"_s, QString(QChar::fromLatin1(pitch.step)));
                if (pitch.alter != 0)
                    m_xml.writeTextElement(u"alter"_s, number(pitch.alter));
                m_xml.writeTextElement(u"octave"_s, number(pitch.octave));
                m_xml.writeEndElement();
            }
            m_xml.writeTextElement(u"duration"_s, number(piece.duration));
            if (tieStop) {
                m_xml.writeEmptyElement(u"tie"_s);
                m_xml.writeAttribute(u"type"_s, u"stop"_s);
            }
            if (tieStart) {
                m_xml.writeEmptyElement(u"tie"_s);
                m_xml.writeAttribute(u"type"_s, u"start"_s);
            }
            if (drum) {
                m_xml.writeEmptyElement(u"instrument"_s);
                m_xml.writeAttribute(u"id"_s, instrumentId(note.pitch));
            }
            m_xml.writeTextElement(u"voice"_s, number(voice));
            writeValue(piece, staff);
            const bool tuplet = n == 0 && (piece.tupletStart || piece.tupletStop);
            if (tieStop || tieStart || tuplet) {
                m_xml.writeStartElement(u"notations"_s);
                if (tieStop) {
                    m_xml.writeEmptyElement(u"tied"_s);
                    m_xml.writeAttribute(u"type"_s, u"stop"_s);
                }
                if (tieStart) {
                    m_xml.writeEmptyElement(u"tied"_s);
                    m_xml.writeAttribute(u"type"_s, u"start"_s);
                }
                if (tuplet)
                    writeTupletMarks(piece);
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        }
    }
}

void MusicXmlPartWriter::writeRest(const Piece &piece, int staff, int voice)
{
    m_xml.writeStartElement(u"note"_s);
    m_xml.writeEmptyElement(u"rest"_s);
    m_xml.writeTextElement(u"duration"_s, number(piece.duration));
    m_xml.writeTextElement(u"voice"_s, number(voice));
    writeValue(piece, staff);
    if (piece.tupletStart || piece.tupletStop) {
        m_xml.writeStartElement(u"notations"_s);
        writeTupletMarks(piece);
        m_xml.writeEndElement();
    }
    m_xml.writeEndElement();
}

void MusicXmlPartWriter::writeMeasureRest(qint64 length, int staff, int voice)
{
    m_xml.writeStartElement(u"note"_s);
    m_xml.writeEmptyElement(u"rest"_s);
    m_xml.writeAttribute(u"measure"_s, u"yes"_s);
    m_xml.writeTextElement(u"duration"_s, number(length));
    m_xml.writeTextElement(u"voice"_s, number(voice));
    if (m_part.staves > 1)
        m_xml.writeTextElement(u"staff"_s, number(staff));
    m_xml.writeEndElement();
}

void MusicXmlPartWriter::writeValue(const Piece &piece, int staff)
{
    m_xml.writeTextElement(u"type"_s, QString::fromLatin1(piece.value.type));
    for (int dot = 0; dot < piece.value.dots; ++dot)
        m_xml.writeEmptyElement(u"dot"_s);
    if (piece.tuplet) {
        m_xml.writeStartElement(u"time-modification"_s);
        m_xml.writeTextElement(u"actual-notes"_s, u"3"_s);
        m_xml.writeTextElement(u"normal-notes"_s, u"2"_s);
        if (piece.normalType)
            m_xml.writeTextElement(u"normal-type"_s, QString::fromLatin1(piece.normalType));
        m_xml.writeEndElement();
    }
    if (m_part.staves > 1)
        m_xml.writeTextElement(u"staff"_s, number(staff));
}

void MusicXmlPartWriter::writeTupletMarks(const Piece &piece)
{
    if (piece.tupletStart) {
        m_xml.writeEmptyElement(u"tuplet"_s);
        m_xml.writeAttribute(u"type"_s, u"start"_s);
        m_xml.writeAttribute(u"bracket"_s, u"yes"_s);
    }
    if (piece.tupletStop) {
        m_xml.writeEmptyElement(u"tuplet"_s);
        m_xml.writeAttribute(u"type"_s, u"stop"_s);
    }
}

} // namespace tutti
// end of musicxmlpartwriter.cpp
