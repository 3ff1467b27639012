// SPDX-License-Identifier: GPL-3.0-or-later
// librarybesidecore.cpp — dladdr finds tutti_core's own file; dlopen opens its neighbour.
#include "io/librarybesidecore.h"

#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

using namespace Qt::StringLiterals;

namespace tutti {

QString libraryBesideCore(const QString &fileName)
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<const void *>(&libraryBesideCore), &info) == 0 || !info.dli_fname)
        return fileName; // the loader's own search path
    return QFileInfo(QFile::decodeName(info.dli_fname)).absolutePath() + u"/"_s + fileName;
}

void *openLibraryBesideCore(const QString &fileName, const char *entry, QString &error)
{
    const QString path = libraryBesideCore(fileName);
    // RTLD_NOW: a missing symbol fails here, with a message, not at the first call.
    // RTLD_LOCAL: the library's symbols (LibTorch's thousands) stay out of the global scope.
    void *handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        error = QString::fromLocal8Bit(dlerror());
        return nullptr;
    }
    void *function = dlsym(handle, entry);
    if (!function)
        error = path + u": no "_s + QLatin1StringView(entry);
    return function;
}

} // namespace tutti
// end of librarybesidecore.cpp
