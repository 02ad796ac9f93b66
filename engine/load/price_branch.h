// When price has a share, the criteria tree gets two nodes under its root:
// `quality`, which holds the framework's top level (and the procurement's
// top-level local criteria), and `price`, a leaf scored from the bids'
// present values. Their weights are set by the procurement, never by the
// panel (see engine/cost/price_share.h).
#pragma once

#include <vector>

#include "weighbridge/costs.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// Moves every top-level criterion under a new branch `quality` and adds the
// leaf `price` after it, both at the top. Call before the tree is checked,
// and only when price.share > 0. `price.share_pos` becomes where both nodes
// are said to be declared.
void AddPriceBranch(const PriceSettings& price, std::vector<Criterion>& criteria);

}  // namespace weighbridge
