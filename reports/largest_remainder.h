// Rounding shares so that the rounded figures still add up to the whole: the
// largest-remainder (Hamilton) method, used to publish criteria weights as
// percentages that sum to exactly 100%.
#pragma once

#include <vector>

namespace weighbridge {

// `shares` (each >= 0, adding up to 1) as whole numbers of units of
// 10^-decimals percent that add up to exactly 100 x 10^decimals: with
// decimals = 1, tenths of a percent adding up to 1000. Each share first gets
// the whole units below it; the units still missing go one each to the
// shares with the largest remainders, and among equal remainders to the one
// that comes first. Precondition (asserted): decimals from 0 to 3, no share
// below 0, and the shares add up to 1 within 1e-6. Empty in, empty out.
std::vector<long long> LargestRemainder(const std::vector<double>& shares, int decimals);

}  // namespace weighbridge
