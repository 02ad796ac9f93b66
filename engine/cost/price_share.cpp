#include "engine/cost/price_share.h"

#include <algorithm>

namespace weighbridge {

void SetPriceShare(const CriteriaTree& tree, const PriceSettings& price, PanelWeights& weights) {
  if (!tree.Find(kPriceId)) return;
  auto set = [&](LocalWeights& local) {
    local[kPriceId] = price.share;
    local[kQualityId] = 1.0 - price.share;
  };
  set(weights.local);
  for (auto& [group, local] : weights.groups) set(local);
  // The panel weighs quality's children (a judgement on root is read as one
  // on quality), so root always looks unjudged to the panel; it is not.
  std::erase_if(weights.unjudged, [](const UnjudgedNode& u) { return u.node == kRootId; });
}

}  // namespace weighbridge
