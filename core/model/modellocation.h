// SPDX-License-Identifier: GPL-3.0-or-later
// modellocation.h — where Tutti finds its music transformer without asking the user.
//
// Usage:
//   QString path = tutti::defaultModelPath();     // empty when no model file is found
//   if (path.isEmpty()) status(tutti::noModelMessage());
//
// The search order: the file named by the environment variable TUTTI_MODEL, then
// tutti-mmt2.safetensors (the second model) in share/tutti/models beside an installed executable
// (<prefix>/bin/../share/tutti/models), then in the source tree's models/ (a build run from
// its build folder). Only the existence of a file is checked here; loading validates it.
#pragma once

#include <QString>
#include <QStringList>

namespace tutti {

inline constexpr char16_t modelFileName[] = u"tutti-mmt2.safetensors";

QStringList modelSearchOrder();
QString defaultModelPath();
QString noModelMessage();

} // namespace tutti
// end of modellocation.h
