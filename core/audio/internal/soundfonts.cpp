// SPDX-License-Identifier: GPL-3.0-or-later
// soundfonts.cpp — the compiled-in search order for the default SoundFont.
#include "audio/soundfonts.h"
#include "io/searchpath.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace tutti::audio {

QStringList soundFontSearchOrder()
{
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("TUTTI_SOUNDFONT");
    if (!fromEnvironment.isEmpty())
        paths << fromEnvironment;
    QFile list(u":/soundfonts/search-order.txt"_s);
    if (list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        for (const QByteArray &raw : list.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (!line.isEmpty() && !line.startsWith(u'#'))
                paths << line;
        }
    }
    return paths;
}

QString defaultSoundFont()
{
    return firstExistingFile(soundFontSearchOrder());
}

QString noSoundFontMessage()
{
    return u"No SoundFont found: install Debian's musescore-general-soundfont-small or "
           "timgm6mb-soundfont, or choose an .sf2/.sf3 file. Tutti works silently until then."_s;
}

} // namespace tutti::audio
// end of soundfonts.cpp
