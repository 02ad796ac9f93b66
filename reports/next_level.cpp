#include "reports/next_level.h"

namespace weighbridge {

const ScaleLevel* NextLevelUp(const Scale& scale, double score) {
  // Levels are ordered by value once loaded, but a framework built in code
  // need not be, so look for the lowest above rather than the first.
  const ScaleLevel* best = nullptr;
  for (const ScaleLevel& level : scale.levels) {
    if (level.value > score + 1e-9 && (!best || level.value < best->value)) best = &level;
  }
  return best;
}

}  // namespace weighbridge
