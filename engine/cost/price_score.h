// Price scores from present values, by the formulas public buyers use.
// docs/methods.md, "Price", gives each formula, its source and its clamps.
#pragma once

#include "weighbridge/costs.h"

namespace weighbridge {

// The price score, 0-100, of a bid whose present value is `own` when the
// lowest present value in the price pool is `lowest`:
//   lowest-relative     100 x lowest / own
//   linear              100 x (zero_at_ratio x lowest - own) / (zero_at_ratio x lowest - lowest)
//   deduct-per-percent  100 - points_per_percent x (own - lowest) / lowest x 100
//   log                 100 x (1 - ln(own / lowest) / ln(log_zero_at))
// each clamped to [0, 100], so a bid outside the pool that is cheaper than
// the lowest in it scores 100. Preconditions: lowest > 0, own > 0, the
// method is not quality-only, and the ratios are as the loader checks them.
double PriceScore(const PriceSettings& price, double own, double lowest);

}  // namespace weighbridge
