// SPDX-License-Identifier: GPL-3.0-or-later
// instrumentnames.cpp — General MIDI program from an instrument or part name, in English,
// Italian, German or French, with the usual score abbreviations.
#include "io/musicxml.h"

#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

struct NameRule
{
    const char16_t *word; // lower case, without accents
    int program;
    bool wholeWord;       // otherwise the word only has to start a word of the name
};

// Checked in order: the more specific names come before the names they contain
// ("contrabassoon" before "contrabass", "english horn" before "horn", instruments before
// the voice ranges that also name instruments: "alto saxophone", "bass clarinet").
constexpr std::array rules = {
    NameRule{u"contrabassoon", 70, false}, NameRule{u"contrafagott", 70, false},
    NameRule{u"kontrafagott", 70, false},  NameRule{u"contrebasson", 70, false},
    NameRule{u"violoncell", 42, false},    NameRule{u"cello", 42, false},
    NameRule{u"celli", 42, true},          NameRule{u"vc", 42, true},
    NameRule{u"vlc", 42, true},
    NameRule{u"contrabass", 43, false},    NameRule{u"kontrabass", 43, false},
    NameRule{u"contrebasse", 43, false},   NameRule{u"double bass", 43, false},
    NameRule{u"string bass", 43, false},   NameRule{u"cb", 43, true},
    NameRule{u"kb", 43, true},
    NameRule{u"viola", 41, false},         NameRule{u"viole", 41, true},
    NameRule{u"bratsche", 41, false},      NameRule{u"vla", 41, true},
    NameRule{u"va", 41, true},
    NameRule{u"violin", 40, false},        NameRule{u"violon", 40, true},
    NameRule{u"violons", 40, true},        NameRule{u"geige", 40, false},
    NameRule{u"vl", 40, true},             NameRule{u"vln", 40, true},
    NameRule{u"vn", 40, true},             NameRule{u"vni", 40, true},
    NameRule{u"piccolo", 72, false},       NameRule{u"ottavino", 72, false},
    NameRule{u"pikkolo", 72, false},       NameRule{u"petite flute", 72, false},
    NameRule{u"english horn", 69, false},  NameRule{u"cor anglais", 69, false},
    NameRule{u"corno inglese", 69, false}, NameRule{u"englischhorn", 69, false},
    NameRule{u"recorder", 74, false},      NameRule{u"blockflote", 74, false},
    NameRule{u"flute", 73, false},         NameRule{u"flauto", 73, false},
    NameRule{u"flauti", 73, false},        NameRule{u"flote", 73, false},
    NameRule{u"floete", 73, false},        NameRule{u"flauta", 73, false},
    NameRule{u"oboe", 68, false},          NameRule{u"oboi", 68, false},
    NameRule{u"hautbois", 68, false},
    NameRule{u"clarinet", 71, false},      NameRule{u"klarinette", 71, false},
    NameRule{u"clarinette", 71, false},
    NameRule{u"bassoon", 70, false},       NameRule{u"fagott", 70, false},
    NameRule{u"basson", 70, false},
    NameRule{u"soprano sax", 64, false},   NameRule{u"alto sax", 65, false},
    NameRule{u"tenor sax", 66, false},     NameRule{u"baritone sax", 67, false},
    NameRule{u"saxophon", 65, false},
    NameRule{u"cornet", 56, false},        NameRule{u"trumpet", 56, false},
    NameRule{u"tromba", 56, false},        NameRule{u"trombe", 56, false},
    NameRule{u"tromp", 56, false},
    NameRule{u"trombon", 57, false},       NameRule{u"posaune", 57, false},
    NameRule{u"tuba", 58, false},
    NameRule{u"french horn", 60, false},   NameRule{u"horn", 60, false},
    NameRule{u"waldhorn", 60, false},      NameRule{u"corno", 60, false},
    NameRule{u"corni", 60, false},         NameRule{u"cor", 60, true},
    NameRule{u"cors", 60, true},
    NameRule{u"timpan", 47, false},        NameRule{u"pauke", 47, false},
    NameRule{u"timbales", 47, false},
    NameRule{u"harpsichord", 6, false},    NameRule{u"cembalo", 6, false},
    NameRule{u"clavecin", 6, false},
    NameRule{u"harp", 46, false},          NameRule{u"arpa", 46, false},
    NameRule{u"harfe", 46, false},
    NameRule{u"celesta", 8, false},        NameRule{u"glockenspiel", 9, false},
    NameRule{u"vibraphon", 11, false},     NameRule{u"marimba", 12, false},
    NameRule{u"xylophon", 13, false},
    NameRule{u"piano", 0, false},          NameRule{u"klavier", 0, false},
    NameRule{u"organ", 19, false},         NameRule{u"organo", 19, false},
    NameRule{u"orgel", 19, false},         NameRule{u"orgue", 19, false},
    NameRule{u"bass guitar", 33, false},   NameRule{u"electric bass", 33, false},
    NameRule{u"guitar", 24, false},        NameRule{u"chitarra", 24, false},
    NameRule{u"gitarre", 24, false},       NameRule{u"guitare", 24, false},
    NameRule{u"strings", 48, true},        NameRule{u"streicher", 48, false},
    NameRule{u"choir", 52, false},         NameRule{u"chorus", 52, false},
    NameRule{u"coro", 52, true},           NameRule{u"chor", 52, true},
    NameRule{u"soprano", 52, false},       NameRule{u"sopran", 52, false},
    NameRule{u"mezzo", 52, false},         NameRule{u"contralto", 52, false},
    NameRule{u"alto", 52, false},          NameRule{u"alt", 52, true},
    NameRule{u"tenor", 52, false},         NameRule{u"baritone", 52, false},
    NameRule{u"bariton", 52, false},       NameRule{u"bass", 52, true},
    NameRule{u"basso", 52, true},          NameRule{u"basse", 52, true},
    NameRule{u"voice", 52, false},         NameRule{u"voix", 52, true},
    NameRule{u"stimme", 52, false},
};

// "Flöte 1." -> " flote " : accents dropped, lower case, words separated by single spaces.
QString simplifiedName(const QString &name)
{
    QString letters;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetter())
            letters.append(c.toLower());
        else if (!c.isMark())
            letters.append(u' ');
    }
    return u' ' + letters.simplified() + u' ';
}

} // namespace

int programFromInstrumentName(const QString &name)
{
    const QString simplified = simplifiedName(name);
    for (const NameRule &rule : rules) {
        const QString word = QString::fromUtf16(rule.word);
        const QString needle = rule.wholeWord ? QString(u' ' + word + u' ') : QString(u' ' + word);
        if (simplified.contains(needle))
            return rule.program;
    }
    return -1;
}

} // namespace tutti
// end of instrumentnames.cpp
