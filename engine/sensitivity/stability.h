// Weight-stability intervals: for each node with siblings, the range of its
// local weight w (siblings rescaled in proportion, the rest of the tree held)
// over which the winner stays first and the ranking stays as it is.
//
// Every total is piecewise linear in w: linear between the points where a cap
// starts or stops biting. Those points are found exactly (each cap's margin
// is linear until an earlier cap changes), the totals are worked out at each,
// and the crossings are solved on the straight pieces in between, so no
// stepping is involved. Only a cap inside an earlier cap whose score moves
// with w bends the totals; on such a piece the first crossing is found on a
// grid of 64 points and then by halving to machine precision, and the
// interval is marked inexact (a crossing and its return within one grid
// step could be missed).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/sensitivity/flat_model.h"
#include "weighbridge/sensitivity.h"

namespace weighbridge {

// Local weights with `node`'s set to `w` and its siblings sharing 1 - w in
// proportion to today's weights (equally when theirs are all 0).
// Precondition: `node` has at least one sibling; 0 <= w <= 1.
std::vector<double> Reweighed(const FlatTree& tree, int node, double w);

// The intervals of every node with siblings, in tree order, leaving out
// `price` and `quality` (whose shares the procurement sets). `winner` is the
// index, among model.eligible(), of the candidate ranked first. With no
// eligible candidate: empty. Precondition: tie_tolerance >= 0.
std::vector<StabilityInterval> StabilityIntervals(const FlatModel& model, std::size_t winner,
                                                  double tie_tolerance);

// The bound closest to today's weight, measured by the change in the node's
// global weight, beyond which someone else comes first; null when no weight
// change alone can do it.
std::optional<WeightTipping> SmallestTipping(const FlatModel& model,
                                             const std::vector<StabilityInterval>& intervals);

}  // namespace weighbridge
