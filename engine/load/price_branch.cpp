#include "engine/load/price_branch.h"

namespace weighbridge {

void AddPriceBranch(const PriceSettings& price, std::vector<Criterion>& criteria) {
  for (Criterion& c : criteria) {
    if (c.parent == kRootId) c.parent = kQualityId;
  }
  Criterion quality;
  quality.id = kQualityId;
  quality.parent = kRootId;
  quality.title = "Quality";
  quality.assess = Assess::kBranch;
  quality.pos = quality.parent_pos = quality.assess_pos = price.share_pos;
  Criterion price_leaf;
  price_leaf.id = kPriceId;
  price_leaf.parent = kRootId;
  price_leaf.title = "Price";
  price_leaf.question = "The bid's whole-life cost, as its present value.";
  price_leaf.assess = Assess::kPrice;
  price_leaf.pos = price_leaf.parent_pos = price_leaf.assess_pos = price.share_pos;
  // Quality first and price last, so that tree order lists the quality
  // criteria, then price: the order of the contract's criteria[].
  criteria.insert(criteria.begin(), std::move(quality));
  criteria.push_back(std::move(price_leaf));
}

}  // namespace weighbridge
