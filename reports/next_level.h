// What a higher score needed: the scale's next described level above a
// score, for the good practice of telling a supplier why it did not score
// more (Trowers & Hamlins, "Assessment summaries: practical tips", 2025).
#pragma once

#include "weighbridge/framework.h"

namespace weighbridge {

// The lowest described level of `scale` strictly above `score` (by more than
// 1e-9, so a score at a level is not told to reach that same level); null
// when no described level is higher, or the scale describes no levels.
const ScaleLevel* NextLevelUp(const Scale& scale, double score);

}  // namespace weighbridge
