// SPDX-License-Identifier: GPL-3.0-or-later
// indexcopyguard.h — the originality index as the sampler's copy guard.
//
// Usage:
//   request.copyGuard = tutti::makeIndexCopyGuard(index);   // generation/suggestion.h
//   // every candidate then stays clear of what checkSuggestion(index, ...) would flag
//
// The guard shares the index (an immutable value), so it may outlive the caller's copy and
// serve several threads at once.
#pragma once

#include "analysis/originalityindex.h"
#include "generation/copyguard.h"

#include <memory>

namespace tutti {

// Null when the index is empty: nothing to avoid.
std::shared_ptr<const CopyGuard> makeIndexCopyGuard(const OriginalityIndex &index,
                                                    int thresholdNotes = defaultCopyThresholdNotes);

} // namespace tutti
// end of indexcopyguard.h
