// Price's fixed share of the total. When price has a share, root's two
// children are `price` (the share) and `quality` (1 - share): the procurement
// sets them, never the panel, so the panel's weights there are replaced.
#pragma once

#include "engine/weigh/panel_weights.h"
#include "weighbridge/costs.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// When `tree` has the price branch: sets the local weights of price and
// quality, for the panel and for every group, to share and 1 - share, and
// drops root from `weights.unjudged` (no one is meant to weigh it). Does
// nothing otherwise.
void SetPriceShare(const CriteriaTree& tree, const PriceSettings& price, PanelWeights& weights);

}  // namespace weighbridge
