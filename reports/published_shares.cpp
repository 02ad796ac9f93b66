// The one rounding of the published shares, used by the methodology and by
// every document sent after it: the published figure is the one suppliers
// were told, so a summary that rounded each weight on its own could show
// 33.3% where the methodology said 33.4%. docs/methods.md, "Publishing the
// weights".
#include "reports/published_shares.h"

#include <vector>

#include "reports/largest_remainder.h"
#include "reports/number_format.h"

namespace weighbridge {

std::map<std::string, long long> PublishedTenths(const Procurement& procurement,
                                                 const Decision& decision) {
  std::map<std::string, double> global;
  for (const NodeWeight& w : decision.weights) global[w.criterion] = w.global;
  const CriteriaTree& tree = procurement.framework.tree;
  std::vector<double> shares;
  for (const std::string& leaf : tree.leaves()) shares.push_back(global[leaf]);
  const std::vector<long long> units = LargestRemainder(shares, 1);
  std::map<std::string, long long> tenths;
  for (std::size_t i = 0; i < tree.leaves().size(); ++i) tenths[tree.leaves()[i]] = units[i];
  // Children come after their parents in nodes(), so walking backwards adds
  // each node to its parent after all of its own children were added to it.
  for (auto it = tree.nodes().rbegin(); it != tree.nodes().rend(); ++it) {
    if (it->parent != kRootId) tenths[it->parent] += tenths[it->id];
  }
  return tenths;
}

std::string TenthsPercent(long long tenths) {
  return FormatFixed(static_cast<double>(tenths) / 10, 1) + "%";
}

}  // namespace weighbridge
