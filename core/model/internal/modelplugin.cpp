// SPDX-License-Identifier: GPL-3.0-or-later
// modelplugin.cpp — finding and opening the model library once.
#include "model/internal/modelplugin.h"

#include "io/librarybesidecore.h"

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
    QString error;
    using Entry = ModelPlugin *(*)();
    const auto entry = reinterpret_cast<Entry>(openLibraryBesideCore(QStringLiteral(TUTTI_MODEL_LIBRARY), modelPluginEntry, error));
    loaded.plugin = entry ? entry() : nullptr;
    if (!loaded.plugin)
        loaded.error = u"Tutti's model library could not be loaded: "_s + (entry ? modelPluginPath() + u": no plugin"_s : error);
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
    return libraryBesideCore(QStringLiteral(TUTTI_MODEL_LIBRARY));
}

} // namespace tutti
// end of modelplugin.cpp
