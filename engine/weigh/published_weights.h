// Weighing with the weights as published when the method was fixed, instead
// of the panel's own: the totals then use exactly the rounded figures that
// suppliers were told (docs/methods.md, "Publishing the weights").
#pragma once

#include <map>
#include <string>

#include "engine/weigh/panel_weights.h"
#include "weighbridge/criteria_tree.h"

namespace weighbridge {

// Leaf id -> published share in tenths of a percent (weighbridge/method_freeze.h).
using PublishedTenthsMap = std::map<std::string, long long>;

// Sets the whole panel's local weights (weights.local) to those that give the
// published leaf weights: a node's local weight is its published share over
// its parent's, a heading's share being the sum of its leaves'. Under a
// heading published at 0 the panel's local weights are kept (they cannot
// change a total there). The groups' own weights are left as they are. A leaf
// missing from `tenths` counts as 0.
void UsePublishedWeights(const CriteriaTree& tree, const PublishedTenthsMap& tenths,
                         PanelWeights& weights);

// Every criterion's global weight as published: its tenths / 1000, a heading's
// the sum of its leaves', so that a leaf's weight is exactly the published one
// and not a product of rounded local weights.
GlobalWeights PublishedGlobal(const CriteriaTree& tree, const PublishedTenthsMap& tenths);

}  // namespace weighbridge
