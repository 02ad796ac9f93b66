// PROMETHEE II (Brans and Vincke, "A preference ranking organisation method",
// Management Science 31(6), 1985) with the usual preference function on
// every criterion: a strictly better value is fully preferred, anything else
// not at all. A cross-check beside the weighted sum, never a replacement.
#pragma once

#include <vector>

namespace weighbridge {

// The net outranking flow of each row of `x` (alternatives by criteria):
//   pi(a, b) = sum_j w_j P_j(a, b), P_j(a, b) = 1 when a beats b on j by
//   more than `indifference` (in the right direction: up when benefit[j],
//   down otherwise), else 0;
//   phi(a) = (1 / (n - 1)) sum_b (pi(a, b) - pi(b, a)).
// The weights are used as given (the engine's sum to 1). With a single
// alternative its flow is 0. Precondition: indifference >= 0; every row has
// w.size() entries; benefit.size() == w.size().
std::vector<double> PrometheeNetFlows(const std::vector<std::vector<double>>& x,
                                      const std::vector<double>& w,
                                      const std::vector<bool>& benefit, double indifference = 0);

}  // namespace weighbridge
