// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlreader.h — walks a score-partwise MusicXML document into a WrittenScore.
//
// Usage (inside core/io only):
//   tutti::MusicXmlReader reader(bytes, u"quartet.musicxml"_s);
//   if (!reader.read())
//       return tutti::ScoreReadResult::failure(reader.error()); // "quartet.musicxml: line 12, column 5: ..."
//   tutti::WrittenScore written = reader.takeScore();
//
// The reader keeps one working resolution for the whole document: it starts at 480 ticks
// per quarter and grows to the least common multiple with every <divisions> value (up to
// the 32767 a MIDI file can hold), so durations convert exactly; beyond that it rounds and
// says so in a warning. Bad input (not XML, truncated, negative durations, absurd
// divisions) ends the walk with an error that names the line and column.
#pragma once

#include "musicxmldocument.h"
#include "xmlcursor.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QXmlStreamAttributes>

#include <optional>

namespace tutti {

class MusicXmlReader
{
public:
    MusicXmlReader(const QByteArray &bytes, const QString &fileName);

    bool read();
    QString error() const { return m_error; }
    WrittenScore takeScore() { return std::move(m_score); }

    static constexpr int maxTicksPerQuarter = 32767; // the most a Standard MIDI File can hold

private:
    struct PartListEntry
    {
        QString name;
        QString instrumentName;
        int program = -1;
        int channel = -1;
        QHash<QString, int> unpitchedByInstrument; // score-instrument id -> MIDI key
    };

    void readScorePartwise();
    void readWork();
    void readPartList();
    void readScorePart();
    void readMidiInstrument(PartListEntry &entry);
    void readPart();
    void readMeasure(WrittenPart &part);
    void readAttributes(WrittenMeasure &measure);
    void readKey(WrittenMeasure &measure);
    void readTime(WrittenMeasure &measure);
    void readTranspose();
    void readNote(WrittenPart &part, WrittenMeasure &measure);
    void readNotations(WrittenNote &note, bool &tiedStart, bool &tiedStop);
    void readDirection(WrittenMeasure &measure);
    void readSound(const QXmlStreamAttributes &attributes, Tick at, WrittenMeasure &measure);
    void readBarline(WrittenMeasure &measure);
    void readBackupOrForward(bool forward);

    void setDivisions(double divisions);
    bool toTicks(double amount, Tick *ticks); // false once an error has been raised
    double readNumber();               // NaN when the text is not a finite number
    std::optional<int> readInteger();  // rounded; empty when not a number of sensible size
    QString readText();
    void finishWarnings();

    XmlCursor m_xml;
    QString m_fileName;
    QString m_error;
    WrittenScore m_score;
    QHash<QString, PartListEntry> m_partList;
    const PartListEntry *m_currentPartEntry = nullptr;

    // State of the part being read
    double m_divisions = 1.0;
    int m_transpose = 0;     // semitones from written to sounding pitch
    Tick m_position = 0;     // from the start of the measure
    Tick m_lastOnset = 0;    // onset of the last note that was not a <chord/> follower
    Tick m_measureEnd = 0;
    QList<int> m_activeEnding;
    bool m_previousEndedFinal = false; // the last measure closed with a final bar line
    WrittenNote::Tremolo m_chordTremolo = WrittenNote::Tremolo::None; // of the chord being read
    int m_chordTremoloMarks = 0;
    int m_chordFlags = 0;

    int m_graceNotes = 0;
    int m_cueNotes = 0;
    int m_notesWithoutDuration = 0;
    int m_pitchesOutOfRange = 0;
    int m_roundedDurations = 0;
    int m_ignoredTempos = 0;
    int m_ignoredTimeSignatures = 0;
};

} // namespace tutti
// end of musicxmlreader.h
