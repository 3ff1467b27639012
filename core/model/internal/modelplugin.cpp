// SPDX-License-Identifier: GPL-3.0-or-later
// modelplugin.cpp — finding and opening the model library once.
#include "model/internal/modelplugin.h"

#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

struct LoadedLibrary
{
    ModelPlugin *plugin = nullptr;
    QString error;
};

LoadedLibrary openLibrary()
{
    LoadedLibrary loaded;
    const QString path = modelPluginPath();
    const auto fail = [&loaded](const QString &why) {
        loaded.error = u"Tutti's model library could not be loaded: "_s + why;
        return loaded;
    };
    // RTLD_NOW: a missing symbol fails here, with a message, not at the first call.
    // RTLD_LOCAL: LibTorch's thousands of symbols stay out of the process's global scope.
    void *handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return fail(QString::fromLocal8Bit(dlerror()));
    using Entry = ModelPlugin *(*)();
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, modelPluginEntry));
    if (!entry)
        return fail(path + u": no "_s + QLatin1StringView(modelPluginEntry));
    loaded.plugin = entry();
    if (!loaded.plugin)
        return fail(path + u": no plugin"_s);
    return loaded;
}

const LoadedLibrary &library()
{
    static const LoadedLibrary loaded = openLibrary(); // once; concurrent first calls wait
    return loaded;
}

} // namespace

ModelPlugin::~ModelPlugin() = default;

ModelPlugin *modelPlugin(QString &error)
{
    const LoadedLibrary &loaded = library();
    error = loaded.error;
    return loaded.plugin;
}

ModelPlugin &loadedModelPlugin()
{
    QString error;
    ModelPlugin *plugin = modelPlugin(error);
    if (!plugin)
        qFatal("%s", qPrintable(error)); // unreachable: a TransformerModel exists only when it loaded
    return *plugin;
}

QString modelPluginPath()
{
    // The file that holds this function: libtutti_core.so (or an executable linking it statically).
    Dl_info info{};
    if (dladdr(reinterpret_cast<const void *>(&modelPluginPath), &info) == 0 || !info.dli_fname)
        return QStringLiteral(TUTTI_MODEL_LIBRARY);
    return QFileInfo(QFile::decodeName(info.dli_fname)).absolutePath() + u"/"_s + QStringLiteral(TUTTI_MODEL_LIBRARY);
}

} // namespace tutti
// end of modelplugin.cpp
