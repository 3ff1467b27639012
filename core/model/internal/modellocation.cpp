// SPDX-License-Identifier: GPL-3.0-or-later
// modellocation.cpp — the search order for the shipped model file.
#include "model/modellocation.h"
#include "io/searchpath.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace tutti {

QStringList modelSearchOrder()
{
    const QString name = QString::fromUtf16(modelFileName);
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("TUTTI_MODEL");
    if (!fromEnvironment.isEmpty())
        paths << fromEnvironment;
    // applicationDirPath() needs the application object; tools without one skip this entry.
    if (QCoreApplication::instance())
        paths << QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../share/tutti/models/"_s + name);
    paths << QDir::cleanPath(QString::fromUtf8(TUTTI_SOURCE_MODEL_DIR) + u'/' + name);
    return paths;
}

QString defaultModelPath()
{
    return firstExistingFile(modelSearchOrder());
}

QString noModelMessage()
{
    return u"No music model found: Tutti looks for %1 in share/tutti/models beside the program and in the "
           "source tree's models/, or for the file named by TUTTI_MODEL. Editing and playback work without it."_s
        .arg(QString::fromUtf16(modelFileName));
}

} // namespace tutti
// end of modellocation.cpp
