// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlreader.cpp — the partwise document walk: part list, measures, notes, directions.
#include "musicxmlreader.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

constexpr double maxDivisions = 1'000'000.0;
constexpr double maxQuarters = 100'000.0; // no single duration, backup or forward is longer
constexpr int maxRepeatTimes = 100;

int stepSemitone(const QString &step)
{
    if (step.size() != 1)
        return -1;
    switch (step.at(0).toUpper().unicode()) {
    case u'C': return 0;
    case u'D': return 2;
    case u'E': return 4;
    case u'F': return 5;
    case u'G': return 7;
    case u'A': return 9;
    case u'B': return 11;
    default: return -1;
    }
}

int velocityFromDynamics(double percent)
{
    // MusicXML dynamics are a percentage of the MIDI forte velocity, 90.
    return std::clamp(static_cast<int>(std::lround(percent * 0.9)), 1, 127);
}

QList<int> endingNumbers(const QString &text)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    QList<int> numbers;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const int number = part.toInt(&ok);
        if (ok && number >= 1 && number <= maxRepeatTimes && !numbers.contains(number))
            numbers.append(number);
    }
    return numbers;
}

bool isPowerOfTwo(int value)
{
    return value > 0 && (value & (value - 1)) == 0;
}

} // namespace

MusicXmlReader::MusicXmlReader(const QByteArray &bytes, const QString &fileName)
    : m_xml(bytes)
    , m_fileName(fileName)
{
}

bool MusicXmlReader::read()
{
    if (m_xml.readNextStartElement()) {
        if (m_xml.name() == "score-partwise"_L1)
            readScorePartwise();
        else if (m_xml.name() == "score-timewise"_L1)
            m_xml.raiseError(u"score-timewise MusicXML is not supported; convert it to score-partwise"_s);
        else
            m_xml.raiseError(u"not a MusicXML score: the root element is <%1>"_s.arg(m_xml.nameString()));
    }
    if (!m_xml.hasError() && m_score.parts.empty())
        m_xml.raiseError(u"the score has no <part>"_s);
    if (m_xml.hasError()) {
        m_error = u"%1: line %2, column %3: %4"_s.arg(m_fileName)
                      .arg(m_xml.lineNumber())
                      .arg(m_xml.columnNumber())
                      .arg(m_xml.errorString());
        return false;
    }
    finishWarnings();
    return true;
}

void MusicXmlReader::readScorePartwise()
{
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "work"_L1)
            readWork();
        else if (name == "movement-title"_L1 && m_score.title.isEmpty())
            m_score.title = readText();
        else if (name == "part-list"_L1)
            readPartList();
        else if (name == "part"_L1)
            readPart();
        else
            m_xml.skipCurrentElement();
    }
}

void MusicXmlReader::readWork()
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "work-title"_L1)
            m_score.title = readText();
        else
            m_xml.skipCurrentElement();
    }
}

void MusicXmlReader::readPartList()
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "score-part"_L1)
            readScorePart();
        else
            m_xml.skipCurrentElement();
    }
}

void MusicXmlReader::readScorePart()
{
    PartListEntry &entry = m_partList[m_xml.attributes().value("id"_L1).toString()];
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "part-name"_L1) {
            entry.name = readText();
        } else if (name == "score-instrument"_L1) {
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == "instrument-name"_L1 && entry.instrumentName.isEmpty())
                    entry.instrumentName = readText();
                else
                    m_xml.skipCurrentElement();
            }
        } else if (name == "midi-instrument"_L1) {
            readMidiInstrument(entry);
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void MusicXmlReader::readMidiInstrument(PartListEntry &entry)
{
    const QString instrumentId = m_xml.attributes().value("id"_L1).toString();
    const bool first = entry.program < 0 && entry.channel < 0;
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "midi-channel"_L1) {
            const std::optional<int> channel = readInteger();
            if (channel && first && *channel >= 1 && *channel <= 16)
                entry.channel = *channel - 1;
        } else if (name == "midi-program"_L1) {
            const std::optional<int> program = readInteger();
            if (program && first && *program >= 1 && *program <= 128)
                entry.program = *program - 1;
        } else if (name == "midi-unpitched"_L1) {
            const std::optional<int> key = readInteger();
            if (key && *key >= 1 && *key <= 128)
                entry.unpitchedByInstrument.insert(instrumentId, *key - 1);
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void MusicXmlReader::readPart()
{
    const QString id = m_xml.attributes().value("id"_L1).toString();
    WrittenPart &part = m_score.parts.emplace_back();
    part.id = id;
    const auto entry = m_partList.constFind(id);
    m_currentPartEntry = entry == m_partList.constEnd() ? nullptr : &entry.value();
    if (m_currentPartEntry) {
        part.name = m_currentPartEntry->name;
        part.instrumentName = m_currentPartEntry->instrumentName;
        part.program = m_currentPartEntry->program;
        part.channel = m_currentPartEntry->channel;
        part.drum = part.channel == 9;
    } else {
        m_score.warnings.append(u"part %1 is not in the part list; named after its id"_s.arg(id));
        part.name = id;
    }
    m_divisions = 1.0;
    m_transpose = 0;
    m_activeEnding.clear();
    m_previousEndedFinal = false;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "measure"_L1)
            readMeasure(part);
        else
            m_xml.skipCurrentElement();
    }
}

void MusicXmlReader::readMeasure(WrittenPart &part)
{
    // MusicXML has no movement break; a score of several movements restarts its measure
    // numbers after a final bar line, so take that as the start of a new section.
    const QString number = m_xml.attributes().value("number"_L1).toString();
    const bool restartsNumbering = number == "0"_L1 || number == "1"_L1;
    WrittenMeasure &measure = part.measures.emplace_back();
    measure.marks.ending = m_activeEnding;
    measure.marks.sectionStart = part.measures.size() > 1 && restartsNumbering && m_previousEndedFinal;
    m_previousEndedFinal = false;
    m_position = 0;
    m_lastOnset = 0;
    m_measureEnd = 0;
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "attributes"_L1) {
            readAttributes(measure);
        } else if (name == "note"_L1) {
            readNote(part, measure);
        } else if (name == "backup"_L1 || name == "forward"_L1) {
            readBackupOrForward(name == "forward"_L1);
        } else if (name == "direction"_L1) {
            readDirection(measure);
        } else if (name == "sound"_L1) {
            readSound(m_xml.attributes(), m_position, measure);
            m_xml.skipCurrentElement();
        } else if (name == "barline"_L1) {
            readBarline(measure);
        } else {
            m_xml.skipCurrentElement();
        }
    }
    measure.length = m_measureEnd;
}

void MusicXmlReader::readAttributes(WrittenMeasure &measure)
{
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "divisions"_L1) {
            setDivisions(readNumber());
        } else if (name == "key"_L1) {
            readKey(measure);
        } else if (name == "time"_L1) {
            readTime(measure);
        } else if (name == "transpose"_L1) {
            readTranspose();
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void MusicXmlReader::readKey(WrittenMeasure &measure)
{
    // Keys numbered per staff repeat the first one for ordinary scores; take that.
    const QString number = m_xml.attributes().value("number"_L1).toString();
    const bool firstStaff = number.isEmpty() || number == "1"_L1;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "fifths"_L1) {
            const std::optional<int> fifths = readInteger();
            if (fifths && firstStaff) {
                measure.hasKey = true;
                measure.keySharps = std::clamp(*fifths, -7, 7);
            }
        } else if (m_xml.name() == "mode"_L1) {
            const bool minor = readText() == "minor"_L1;
            if (firstStaff)
                measure.keyMinor = minor;
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void MusicXmlReader::readTime(WrittenMeasure &measure)
{
    // Composite signatures (3+2/8, or 2/4 + 3/8) add up over the largest beat type.
    QList<std::pair<int, int>> terms; // beats, beat type
    int beats = 0;
    bool readable = true;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "beats"_L1) {
            beats = 0;
            for (const QString &term : readText().split(u'+')) {
                bool ok = false;
                const int value = term.trimmed().toInt(&ok);
                readable = readable && ok && value >= 1 && value <= 255;
                beats += readable ? value : 0;
            }
        } else if (m_xml.name() == "beat-type"_L1) {
            bool ok = false;
            const int beatType = readText().toInt(&ok);
            readable = readable && ok && isPowerOfTwo(beatType) && beatType <= 64;
            terms.append({beats, beatType});
        } else {
            m_xml.skipCurrentElement();
        }
    }
    if (terms.isEmpty())
        return; // senza misura
    int denominator = 1;
    for (const auto &term : std::as_const(terms))
        denominator = std::max(denominator, term.second);
    int numerator = 0;
    for (const auto &[termBeats, beatType] : std::as_const(terms)) {
        if (!readable || numerator > 255)
            break;
        numerator += termBeats * (denominator / beatType);
    }
    if (!readable || numerator < 1 || numerator > 255) {
        ++m_ignoredTimeSignatures;
        return;
    }
    measure.timeNumerator = numerator;
    measure.timeDenominator = denominator;
}

void MusicXmlReader::readTranspose()
{
    int chromatic = 0;
    int octaveChange = 0;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "chromatic"_L1)
            chromatic = std::clamp(readInteger().value_or(0), -48, 48);
        else if (m_xml.name() == "octave-change"_L1)
            octaveChange = std::clamp(readInteger().value_or(0), -4, 4);
        else
            m_xml.skipCurrentElement();
    }
    m_transpose = chromatic + 12 * octaveChange;
}

void MusicXmlReader::readNote(WrittenPart &part, WrittenMeasure &measure)
{
    WrittenNote note;
    const QString dynamicsAttribute = m_xml.attributes().value("dynamics"_L1).toString();
    if (!dynamicsAttribute.isEmpty()) {
        bool ok = false;
        const double percent = dynamicsAttribute.toDouble(&ok);
        if (ok && percent >= 0.0 && percent < 10'000.0)
            note.velocity = velocityFromDynamics(percent);
    }
    bool grace = false;
    bool cue = false;
    bool chord = false;
    bool rest = false;
    bool unpitched = false;
    int semitone = -1;
    double alter = 0.0;
    int octave = 4;
    double duration = -1.0;
    bool tiedStart = false;
    bool tiedStop = false;
    bool hasTie = false;
    QString instrumentId;
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "grace"_L1) {
            grace = true;
            m_xml.skipCurrentElement();
        } else if (name == "cue"_L1) {
            cue = true;
            m_xml.skipCurrentElement();
        } else if (name == "chord"_L1) {
            chord = true;
            m_xml.skipCurrentElement();
        } else if (name == "rest"_L1) {
            rest = true;
            m_xml.skipCurrentElement();
        } else if (name == "pitch"_L1 || name == "unpitched"_L1) {
            unpitched = name == "unpitched"_L1;
            while (m_xml.readNextStartElement()) {
                const QLatin1StringView field = m_xml.name();
                if (field == "step"_L1 || field == "display-step"_L1)
                    semitone = stepSemitone(readText());
                else if (field == "alter"_L1)
                    alter = std::clamp(readNumber(), -4.0, 4.0);
                else if (field == "octave"_L1 || field == "display-octave"_L1)
                    octave = std::clamp(readInteger().value_or(4), -2, 12);
                else
                    m_xml.skipCurrentElement();
            }
        } else if (name == "duration"_L1) {
            duration = readNumber();
            if (!(duration >= 0.0))
                m_xml.raiseError(u"negative or unreadable note duration"_s);
        } else if (name == "tie"_L1) {
            hasTie = true;
            const QString type = m_xml.attributes().value("type"_L1).toString();
            note.tieStart = note.tieStart || type == "start"_L1;
            note.tieStop = note.tieStop || type == "stop"_L1;
            m_xml.skipCurrentElement();
        } else if (name == "instrument"_L1) {
            instrumentId = m_xml.attributes().value("id"_L1).toString();
            m_xml.skipCurrentElement();
        } else if (name == "type"_L1) {
            static const QHash<QString, int> flags = {
                {u"eighth"_s, 1}, {u"16th"_s, 2}, {u"32nd"_s, 3}, {u"64th"_s, 4}, {u"128th"_s, 5}, {u"256th"_s, 6},
            };
            note.flags = flags.value(readText(), 0);
        } else if (name == "voice"_L1) {
            bool ok = false;
            const int voice = readText().toInt(&ok);
            note.voice = ok ? voice : 1;
        } else if (name == "notations"_L1) {
            readNotations(note, tiedStart, tiedStop);
        } else {
            m_xml.skipCurrentElement();
        }
    }
    if (m_xml.hasError())
        return;
    if (grace) {
        ++m_graceNotes; // grace notes take no time in MusicXML
        return;
    }
    if (duration < 0.0) {
        ++m_notesWithoutDuration;
        duration = 0.0;
    }
    if (!toTicks(duration, &note.length))
        return;
    note.onset = chord ? m_lastOnset : m_position;
    if (!chord) {
        m_lastOnset = m_position;
        m_position += note.length;
        m_chordTremolo = note.tremolo;
        m_chordTremoloMarks = note.tremoloMarks;
        m_chordFlags = note.flags;
    } else if (note.tremolo == WrittenNote::Tremolo::None) {
        // Editors mark a tremolo on the first note of a chord only.
        note.tremolo = m_chordTremolo;
        note.tremoloMarks = m_chordTremoloMarks;
        note.flags = m_chordFlags;
    }
    m_measureEnd = std::max(m_measureEnd, note.onset + note.length);
    if (rest || (!unpitched && semitone < 0))
        return;
    if (cue) {
        ++m_cueNotes;
        return;
    }
    if (note.length == 0)
        return;
    if (!hasTie) {
        // Some exporters write only the notated <tied>, not the sounding <tie>.
        note.tieStart = tiedStart;
        note.tieStop = tiedStop;
    }
    const int semitonesAltered = std::isfinite(alter) ? static_cast<int>(std::lround(alter)) : 0;
    int pitch = (octave + 1) * 12 + semitone + semitonesAltered;
    if (unpitched) {
        // The drum sound is the instrument's <midi-unpitched>, else the staff position.
        part.drum = true;
        const QHash<QString, int> keys = m_currentPartEntry ? m_currentPartEntry->unpitchedByInstrument
                                                            : QHash<QString, int>();
        if (keys.contains(instrumentId))
            pitch = keys.value(instrumentId);
        else if (instrumentId.isEmpty() && keys.size() == 1)
            pitch = keys.cbegin().value();
        else if (semitone < 0)
            return;
    } else {
        pitch += m_transpose;
    }
    if (pitch < 0 || pitch > 127) {
        ++m_pitchesOutOfRange;
        return;
    }
    note.pitch = pitch;
    measure.notes.push_back(note);
}

void MusicXmlReader::readNotations(WrittenNote &note, bool &tiedStart, bool &tiedStop)
{
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "tied"_L1) {
            const QString type = m_xml.attributes().value("type"_L1).toString();
            tiedStart = tiedStart || type == "start"_L1 || type == "continue"_L1;
            tiedStop = tiedStop || type == "stop"_L1 || type == "continue"_L1;
            m_xml.skipCurrentElement();
        } else if (name == "ornaments"_L1) {
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() != "tremolo"_L1) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                const QString type = m_xml.attributes().value("type"_L1).toString();
                const int marks = readInteger().value_or(0);
                if (marks < 1 || marks > 4)
                    continue; // no tremolo, or finer than 64ths: left as written
                note.tremoloMarks = marks;
                if (type == "start"_L1)
                    note.tremolo = WrittenNote::Tremolo::FirstOfTwo;
                else if (type == "stop"_L1)
                    note.tremolo = WrittenNote::Tremolo::SecondOfTwo;
                else if (type.isEmpty() || type == "single"_L1)
                    note.tremolo = WrittenNote::Tremolo::Single;
                else
                    note.tremoloMarks = 0; // unmeasured: no fixed note value to repeat
            }
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void MusicXmlReader::readDirection(WrittenMeasure &measure)
{
    Tick offset = 0;
    double metronomeBpm = 0.0;
    QXmlStreamAttributes sound;
    bool hasSound = false;
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        if (name == "direction-type"_L1) {
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() != "metronome"_L1) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                double beatQuarters = 0.0;
                double perMinute = 0.0;
                while (m_xml.readNextStartElement()) {
                    const QLatin1StringView field = m_xml.name();
                    if (field == "beat-unit"_L1) {
                        static const QHash<QString, double> quarters = {
                            {u"whole"_s, 4.0}, {u"half"_s, 2.0}, {u"quarter"_s, 1.0},
                            {u"eighth"_s, 0.5}, {u"16th"_s, 0.25}, {u"32nd"_s, 0.125},
                        };
                        beatQuarters = quarters.value(readText(), 0.0);
                    } else if (field == "beat-unit-dot"_L1) {
                        beatQuarters *= 1.5;
                        m_xml.skipCurrentElement();
                    } else if (field == "per-minute"_L1) {
                        static const QRegularExpression number(u"\\d+(\\.\\d+)?"_s);
                        perMinute = number.match(readText()).captured().toDouble();
                    } else {
                        m_xml.skipCurrentElement();
                    }
                }
                metronomeBpm = beatQuarters * perMinute;
            }
        } else if (name == "offset"_L1) {
            const double amount = readNumber();
            Tick ticks = 0;
            if (toTicks(std::abs(amount), &ticks))
                offset = amount < 0 ? -ticks : ticks;
        } else if (name == "sound"_L1) {
            sound = m_xml.attributes();
            hasSound = true;
            m_xml.skipCurrentElement();
        } else {
            m_xml.skipCurrentElement();
        }
    }
    const Tick at = std::max<Tick>(0, m_position + offset);
    if (hasSound)
        readSound(sound, at, measure);
    if (!sound.hasAttribute("tempo"_L1) && metronomeBpm > 0.0 && metronomeBpm < 10'000.0)
        measure.tempos.push_back({at, TempoChange::microsecondsFromBpm(metronomeBpm)});
}

void MusicXmlReader::readSound(const QXmlStreamAttributes &attributes, Tick at, WrittenMeasure &measure)
{
    bool ok = false;
    if (attributes.hasAttribute("tempo"_L1)) {
        const double bpm = attributes.value("tempo"_L1).toDouble(&ok);
        if (ok && bpm >= 1.0 && bpm < 10'000.0)
            measure.tempos.push_back({at, TempoChange::microsecondsFromBpm(bpm)});
        else
            ++m_ignoredTempos;
    }
    if (attributes.hasAttribute("dynamics"_L1)) {
        const double percent = attributes.value("dynamics"_L1).toDouble(&ok);
        if (ok && percent >= 0.0 && percent < 10'000.0)
            measure.dynamics.push_back({at, velocityFromDynamics(percent)});
    }
    RepeatMarks &marks = measure.marks;
    const auto label = [&attributes](QLatin1StringView name) {
        const QString value = attributes.value(name).toString().trimmed();
        return value.isEmpty() ? QString(name) : value;
    };
    if (attributes.hasAttribute("segno"_L1))
        marks.segno = label("segno"_L1);
    if (attributes.hasAttribute("coda"_L1))
        marks.coda = label("coda"_L1);
    if (attributes.hasAttribute("tocoda"_L1))
        marks.toCoda = label("tocoda"_L1);
    if (attributes.hasAttribute("dalsegno"_L1))
        marks.dalSegno = label("dalsegno"_L1);
    if (attributes.value("dacapo"_L1) == "yes"_L1)
        marks.daCapo = true;
    if (attributes.hasAttribute("fine"_L1))
        marks.fine = true;
}

void MusicXmlReader::readBarline(WrittenMeasure &measure)
{
    RepeatMarks &marks = measure.marks;
    const QString location = m_xml.attributes().value("location"_L1).toString();
    const bool right = location.isEmpty() || location == "right"_L1;
    while (m_xml.readNextStartElement()) {
        const QLatin1StringView name = m_xml.name();
        const QXmlStreamAttributes attributes = m_xml.attributes();
        if (name == "bar-style"_L1) {
            const bool final = readText() == "light-heavy"_L1;
            m_previousEndedFinal = right && final;
            continue;
        }
        if (name == "repeat"_L1) {
            if (attributes.value("direction"_L1) == "forward"_L1) {
                marks.forward = true;
            } else if (attributes.value("direction"_L1) == "backward"_L1) {
                bool ok = false;
                const int times = attributes.value("times"_L1).toInt(&ok);
                marks.backwardTimes = ok ? std::clamp(times, 1, maxRepeatTimes) : 2;
            }
        } else if (name == "ending"_L1) {
            const QList<int> numbers = endingNumbers(attributes.value("number"_L1).toString());
            const QStringView type = attributes.value("type"_L1);
            if (type == "start"_L1 && !numbers.isEmpty()) {
                m_activeEnding = numbers;
                marks.ending = numbers;
                marks.endingStarts = true;
            } else if ((type == "stop"_L1 || type == "discontinue"_L1) && !marks.ending.isEmpty()) {
                marks.endingEnds = true;
                m_activeEnding.clear();
            }
        }
        m_xml.skipCurrentElement();
    }
}

void MusicXmlReader::readBackupOrForward(bool forward)
{
    Tick ticks = 0;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == "duration"_L1) {
            const double amount = readNumber();
            if (!(amount >= 0.0))
                m_xml.raiseError(u"negative or unreadable <%1> duration"_s.arg(forward ? u"forward"_s : u"backup"_s));
            else
                toTicks(amount, &ticks);
        } else {
            m_xml.skipCurrentElement();
        }
    }
    if (forward) {
        m_position += ticks;
        m_measureEnd = std::max(m_measureEnd, m_position);
    } else {
        m_position = std::max<Tick>(0, m_position - ticks);
    }
}

void MusicXmlReader::setDivisions(double divisions)
{
    if (!(divisions > 0.0) || divisions > maxDivisions) {
        m_xml.raiseError(u"divisions must be a positive number up to %1"_s.arg(maxDivisions));
        return;
    }
    m_divisions = divisions;
    const auto whole = static_cast<long long>(divisions);
    if (static_cast<double>(whole) != divisions)
        return; // fractional divisions cannot be met exactly; toTicks rounds and counts
    const long long current = m_score.ticksPerQuarter;
    const long long wanted = std::lcm(current, whole);
    if (wanted == current || wanted > maxTicksPerQuarter)
        return;
    const Tick factor = wanted / current;
    m_score.scaleTicks(factor);
    m_position *= factor;
    m_lastOnset *= factor;
    m_measureEnd *= factor;
}

bool MusicXmlReader::toTicks(double amount, Tick *ticks)
{
    const long double quarters = static_cast<long double>(amount) / m_divisions;
    if (!(quarters >= 0.0L) || quarters > maxQuarters) {
        m_xml.raiseError(u"duration %1 (at %2 divisions per quarter) is out of range"_s.arg(amount).arg(m_divisions));
        return false;
    }
    const long double exact = quarters * m_score.ticksPerQuarter;
    *ticks = static_cast<Tick>(std::llround(exact));
    if (std::fabs(exact - static_cast<long double>(*ticks)) > 1e-6L)
        ++m_roundedDurations;
    return true;
}

double MusicXmlReader::readNumber()
{
    bool parsed = false;
    const double value = readText().toDouble(&parsed);
    return parsed && std::isfinite(value) ? value : std::nan("");
}

std::optional<int> MusicXmlReader::readInteger()
{
    const double value = readNumber();
    if (!(std::abs(value) <= 1e9))
        return std::nullopt;
    return static_cast<int>(std::lround(value));
}

QString MusicXmlReader::readText()
{
    return m_xml.readElementText().trimmed();
}

void MusicXmlReader::finishWarnings()
{
    QStringList &warnings = m_score.warnings;
    if (m_graceNotes > 0)
        warnings.append(u"%1 grace notes skipped (they take no time in MusicXML)"_s.arg(m_graceNotes));
    if (m_cueNotes > 0)
        warnings.append(u"%1 cue notes not played"_s.arg(m_cueNotes));
    if (m_notesWithoutDuration > 0)
        warnings.append(u"%1 notes without a <duration> skipped"_s.arg(m_notesWithoutDuration));
    if (m_pitchesOutOfRange > 0)
        warnings.append(u"%1 notes outside MIDI pitches 0..127 dropped"_s.arg(m_pitchesOutOfRange));
    if (m_roundedDurations > 0)
        warnings.append(u"%1 durations rounded to the nearest tick at %2 ticks per quarter"_s
                            .arg(m_roundedDurations)
                            .arg(m_score.ticksPerQuarter));
    if (m_ignoredTempos > 0)
        warnings.append(u"%1 tempo marks ignored (not a tempo between 1 and 10000)"_s.arg(m_ignoredTempos));
    if (m_ignoredTimeSignatures > 0)
        warnings.append(u"%1 unreadable time signatures ignored"_s
                            .arg(m_ignoredTimeSignatures));
}

} // namespace tutti
// end of musicxmlreader.cpp
