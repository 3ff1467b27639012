// SPDX-License-Identifier: GPL-3.0-or-later
// personalmodels.h — where Personalize and Opt Out keep the models they write.
//
// Usage:
//   QString path = tutti::personalModelPath(u"my songs"_s);  // <AppDataLocation>/models/my songs.safetensors
//   for (const QString &file : tutti::personalModelPaths()) chooser->addItem(file);
#pragma once

#include <QString>
#include <QStringList>

namespace tutti {

// <AppDataLocation>/models, created when missing.
QString personalModelDirectory();
// A file in it for `name` (characters other than letters, digits, space, '-' and '_' become '_').
QString personalModelPath(const QString &name);
// Every .safetensors in it, sorted by name.
QStringList personalModelPaths();

} // namespace tutti
// end of personalmodels.h
