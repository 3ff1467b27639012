// SPDX-License-Identifier: GPL-3.0-or-later
// originalitylocation.cpp — the corpus index travels with the model it was built for.
#include "analysis/originalityindex.h"

#include "model/modellocation.h"
#include "io/searchpath.h"

#include <QDir>
#include <QFileInfo>

namespace tutti {

QStringList originalityIndexSearchOrder()
{
    const QString name = QString::fromUtf16(originalityIndexFileName);
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("TUTTI_CORPUS_INDEX");
    if (!fromEnvironment.isEmpty())
        paths << fromEnvironment;
    for (const QString &model : modelSearchOrder()) {
        const QString beside = QFileInfo(model).dir().filePath(name);
        if (!paths.contains(beside))
            paths << beside;
    }
    return paths;
}

QString defaultOriginalityIndexPath()
{
    return firstExistingFile(originalityIndexSearchOrder());
}

} // namespace tutti
// end of originalitylocation.cpp
