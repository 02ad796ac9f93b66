#include "engine/weigh/rank_order.h"

#include <algorithm>
#include <cassert>

namespace weighbridge {

std::vector<double> RankOrderCentroid(int n) {
  assert(n >= 1);
  // Summed from the least important position up, so each weight adds one
  // term to the next one's sum: w_n = 1/n^2, w_k = w_(k+1) + 1/(k n).
  std::vector<double> w(n);
  double tail = 0;
  for (int k = n; k >= 1; --k) {
    tail += 1.0 / k;
    w[k - 1] = tail / n;
  }
  return w;
}

std::vector<double> RankWeights(const std::vector<std::vector<std::string>>& order,
                                const std::vector<std::string>& children) {
  const std::vector<double> centroid = RankOrderCentroid(static_cast<int>(children.size()));
  std::vector<double> out(children.size(), 0.0);
  std::size_t position = 0;  // the first position the next set of ties takes
  for (const std::vector<std::string>& tied : order) {
    double sum = 0;
    for (std::size_t k = 0; k < tied.size(); ++k) sum += centroid[position + k];
    const double share = sum / static_cast<double>(tied.size());
    for (const std::string& child : tied) {
      auto it = std::find(children.begin(), children.end(), child);
      assert(it != children.end() && "the loader checks every child in an order");
      out[it - children.begin()] = share;
    }
    position += tied.size();
  }
  return out;
}

}  // namespace weighbridge
