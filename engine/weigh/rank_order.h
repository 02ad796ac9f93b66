// Weights from an order of importance: the rank-order centroid (Barron and
// Barrett 1996), with tied criteria sharing their positions' weights. See
// docs/methods.md, "Putting criteria in order".
#pragma once

#include <string>
#include <vector>

namespace weighbridge {

// The rank-order centroid weight of each position 1..n, most important
// first: w_k = (1/n) * (1/k + 1/(k+1) + ... + 1/n). They sum to 1.
// Precondition: n >= 1.
std::vector<double> RankOrderCentroid(int n);

// The local weights an order gives `children` (in the children's order).
// `order` lists every child once, most important first; each inner list is a
// set of tied children, who each get the mean of the centroid weights of the
// positions they share. Precondition: the loader's checks (every child
// exactly once, nothing else).
std::vector<double> RankWeights(const std::vector<std::vector<std::string>>& order,
                                const std::vector<std::string>& children);

}  // namespace weighbridge
