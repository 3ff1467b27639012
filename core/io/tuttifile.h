// SPDX-License-Identifier: GPL-3.0-or-later
// tuttifile.h — Tutti's own project format: versioned JSON, saved atomically.
//
// Usage:
//   QString error = tutti::writeTuttiFile(score, u"piece.tutti"_s);  // empty on success
//   tutti::ScoreReadResult r = tutti::readTuttiFile(u"piece.tutti"_s);
//
// The file is written to a temporary file beside the target and renamed over it only once
// complete (QSaveFile), so a crash mid-save leaves the previous file intact. Files from a
// newer format version are refused with a message rather than half-read.
#pragma once

#include "readresult.h"

#include <QByteArray>
#include <QString>

namespace tutti {

inline constexpr int tuttiFormatVersion = 1;

QByteArray tuttiJson(const Score &score);
ScoreReadResult readTuttiJson(const QByteArray &bytes, const QString &fileName);
ScoreReadResult readTuttiFile(const QString &path);
QString writeTuttiFile(const Score &score, const QString &path); // empty on success

} // namespace tutti
// end of tuttifile.h
