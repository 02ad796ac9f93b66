#include "weighbridge/costs.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace weighbridge {

double PriceScore(const PriceSettings& price, double own, double lowest) {
  assert(lowest > 0 && own > 0 && "the loader refuses a present value of 0");
  double score = 0;
  switch (price.method) {
    case PriceMethod::kLowestRelative:
      score = 100.0 * lowest / own;
      break;
    case PriceMethod::kLinear: {
      // A straight line through (lowest, 100) and (zero_at_ratio x lowest, 0).
      const double zero_at = price.zero_at_ratio * lowest;
      score = 100.0 * (zero_at - own) / (zero_at - lowest);
      break;
    }
    case PriceMethod::kDeductPerPercent: {
      const double percent_above = (own - lowest) / lowest * 100.0;
      score = 100.0 - price.points_per_percent * percent_above;
      break;
    }
    case PriceMethod::kLog:
      // The log formula (Negometrix): 0 at log_zero_at times the lowest.
      score = 100.0 * (1.0 - std::log(own / lowest) / std::log(price.log_zero_at));
      break;
    case PriceMethod::kQualityOnly:
      assert(false && "quality-only scores no price");
      break;
  }
  // Beyond the formulas' ends: nothing scores below 0 or above 100, so a bid
  // outside the pool that is cheaper than the lowest in it scores 100.
  return std::clamp(score, 0.0, 100.0);
}

}  // namespace weighbridge
