// SPDX-License-Identifier: GPL-3.0-or-later
// torchmodelplugin.cpp — the model library's one exported symbol (modelplugin.h).
#include "model/internal/torchmodelplugin.h"

#include <string_view>

static_assert(std::string_view(tutti::modelPluginEntry) == "tuttiModelPlugin", "the name tutti_core looks up");

extern "C" __attribute__((visibility("default"))) tutti::ModelPlugin *tuttiModelPlugin()
{
    static tutti::TorchModelPlugin plugin;
    return &plugin;
}

// end of torchmodelplugin.cpp
