#include "engine/sensitivity/promethee.h"

namespace weighbridge {

std::vector<double> PrometheeNetFlows(const std::vector<std::vector<double>>& x,
                                      const std::vector<double>& w,
                                      const std::vector<bool>& benefit, double indifference) {
  const std::size_t n = x.size();
  std::vector<double> flow(n, 0.0);
  if (n < 2) return flow;
  for (std::size_t a = 0; a < n; ++a) {
    double balance = 0;
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      for (std::size_t j = 0; j < w.size(); ++j) {
        const double d = benefit[j] ? x[a][j] - x[b][j] : x[b][j] - x[a][j];
        if (d > indifference) balance += w[j];   // a preferred to b on j
        if (-d > indifference) balance -= w[j];  // b preferred to a on j
      }
    }
    flow[a] = balance / static_cast<double>(n - 1);
  }
  return flow;
}

}  // namespace weighbridge
