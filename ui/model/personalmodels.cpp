// SPDX-License-Identifier: GPL-3.0-or-later
// personalmodels.cpp — the user's data folder for personal and opted-out models.
#include "model/personalmodels.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace tutti {

QString personalModelDirectory()
{
    const QString directory = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"models"_s);
    QDir().mkpath(directory);
    return directory;
}

QString personalModelPath(const QString &name)
{
    QString safe;
    for (QChar c : name.trimmed())
        safe += c.isLetterOrNumber() || c == u' ' || c == u'-' || c == u'_' ? c : QChar(u'_');
    return QDir(personalModelDirectory()).filePath((safe.isEmpty() ? u"personal"_s : safe) + u".safetensors"_s);
}

QStringList personalModelPaths()
{
    const QDir directory(personalModelDirectory());
    QStringList paths;
    for (const QString &name : directory.entryList({u"*.safetensors"_s}, QDir::Files, QDir::Name))
        paths << directory.filePath(name);
    return paths;
}

} // namespace tutti
// end of personalmodels.cpp
