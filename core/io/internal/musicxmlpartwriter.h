// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlpartwriter.h — writes one laid-out part as a MusicXML <part>, measure by measure.
//
// Usage (inside core/io only):
//   tutti::MusicXmlPartWriter part(xml, layout, layout.parts()[i], u"P1"_s, i == 0);
//   part.writeScorePart();   // inside <part-list>
//   part.writePart();        // after </part-list>
//
// Each measure holds, per staff, its first voice (a whole-measure rest when silent) and
// every other voice that sounds in it, each filled with rests and joined by <backup>.
// Notes crossing a bar line or a beat the metre keeps visible are tied; triplet windows
// get 3:2 time modifications and a bracket. The first part also carries the tempo marks.
#pragma once

#include "musicxmllayout.h"
#include "musicxmlnotation.h"

#include <QString>
#include <QXmlStreamWriter>

#include <vector>

namespace tutti {

class MusicXmlPartWriter
{
public:
    MusicXmlPartWriter(QXmlStreamWriter &xml, const MusicXmlLayout &layout, const LaidPart &part, const QString &id,
                       bool carriesTempo);

    void writeScorePart();
    void writePart();

private:
    struct Piece // one written note value of a chord or rest
    {
        qint64 start = 0;
        NoteValue value;
        qint64 duration = 0;         // sounding divisions
        bool tuplet = false;
        bool tupletStart = false;
        bool tupletStop = false;
        const char *normalType = nullptr;
    };

    void writeMeasure(std::size_t index, std::vector<std::size_t> &active, std::size_t &next);
    void writeAttributes(const LaidMeasure &measure, bool first);
    void writeTempo(int microsecondsPerQuarter);
    void writeVoice(const LaidMeasure &measure, int staff, int voice, const std::vector<const LaidNote *> &notes);
    std::vector<Piece> pieces(const LaidMeasure &measure, qint64 from, qint64 to) const;
    void writeChord(const LaidMeasure &measure, int staff, int voice, const std::vector<const LaidNote *> &chord,
                    qint64 from, qint64 to);
    void writeRest(const Piece &piece, int staff, int voice);
    void writeMeasureRest(qint64 length, int staff, int voice);
    void writeValue(const Piece &piece, int staff);
    void writeTupletMarks(const Piece &piece);
    QString instrumentId(int drumKey) const; // drumKey -1: the part's only instrument

    QXmlStreamWriter &m_xml;
    const MusicXmlLayout &m_layout;
    const LaidPart &m_part;
    QString m_id;
    bool m_carriesTempo;
    NoteValueGrid m_grid;
    std::vector<int> m_drumKeys; // distinct drum sounds, for <score-instrument> ids
    int m_restVoice[2] = {1, 5};
};

} // namespace tutti
// end of musicxmlpartwriter.h
