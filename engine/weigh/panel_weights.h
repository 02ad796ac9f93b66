// The panel's weights: members' judgements averaged within each stakeholder
// group, then across groups by group weight, so that a small group weighs as
// much as a large one. See docs/methods.md, "Panel weighting".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "weighbridge/criteria_tree.h"
#include "weighbridge/decision.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// Criterion id -> local weight (its share among its siblings; siblings sum
// to 1). Holds every criterion of the tree; kRootId is not a criterion.
using LocalWeights = std::map<std::string, double>;

// Criterion id -> global weight (the product of local weights down its path).
using GlobalWeights = std::map<std::string, double>;

struct PanelWeights {
  LocalWeights local;                  // the whole panel's
  std::vector<UnjudgedNode> unjudged;  // nodes given equal weights, in WeighedNodes() order
  // Group id -> that group's own mean at the nodes it weighed and the
  // panel's weights at the nodes it did not; every criterion.
  std::map<std::string, LocalWeights> groups;
};

// Weighs the children of every node in tree.WeighedNodes(). At each node:
// a group's weights are the arithmetic mean of its members' normalised
// judgements on that node (a group with none takes no part there); the
// panel's are the mean of those groups' weights, weighted by Group::weight.
// A node nobody weighed, or weighed only by groups of weight 0, gives its
// children equal weights and is listed in `unjudged`; an only child gets 1
// and is never listed. Precondition: `panel` came from the loader (members,
// groups and parents resolve; judgements are points or direct).
PanelWeights WeighPanel(const CriteriaTree& tree, const Panel& panel);

// The global weight of every criterion: its local weight times its parent's
// global weight (kRootId's is 1). Precondition: `local` holds every criterion.
GlobalWeights GlobalFromLocal(const CriteriaTree& tree, const LocalWeights& local);

// Each group's share of the panel, Group::weight / the sum of all group
// weights, in panel.groups order (empty when there are no groups).
// Precondition: not every weight is 0.
std::vector<double> GroupShares(const Panel& panel);

}  // namespace weighbridge
