// The panel's weights: members' judgements combined within each stakeholder
// group, then across groups by group weight, so that a small group weighs as
// much as a large one. See docs/methods.md, "Panel weighting".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/weigh/judgement_weights.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/decision.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// Criterion id -> local weight (its share among its siblings; siblings sum
// to 1). Holds every criterion of the tree; kRootId is not a criterion.
using LocalWeights = std::map<std::string, double>;

// Criterion id -> global weight (the product of local weights down its path).
using GlobalWeights = std::map<std::string, double>;

// One member's judgement, worked out once.
struct AnalysedJudgement {
  const Judgement* judgement = nullptr;  // points into the Panel weighed
  std::string group;                     // the member's group
  std::vector<std::string> children;     // of judgement->parent, in tree order
  JudgementResult result;                // weights over `children`, consistency
  // Left out of every weight: its consistency ratio is above the panel's
  // exclude_cr_above.
  bool excluded = false;
};

// Where a group's weights on a node could not be combined as within_group
// asks, and what was done instead.
struct CombineNote {
  std::string group;
  std::string node;
  std::string note;  // plain words, e.g. "not everyone ... so the mean was used"
};

struct PanelWeights {
  LocalWeights local;                  // the whole panel's
  std::vector<UnjudgedNode> unjudged;  // nodes given equal weights, in WeighedNodes() order
  // Group id -> that group's own weights at the nodes it weighed and the
  // panel's weights at the nodes it did not; every criterion.
  std::map<std::string, LocalWeights> groups;
  // Node -> group id -> that group's combined weights over the node's
  // children, only where the group weighed the node.
  std::map<std::string, std::map<std::string, std::vector<double>>> group_nodes;
  std::vector<AnalysedJudgement> judgements;  // every judgement, in panel order
  std::vector<CombineNote> notes;             // in WeighedNodes() order, then group order
};

// Weighs the children of every node in tree.WeighedNodes(). At each node:
// a group's weights combine its members' judgements on that node as
// panel.options.within_group says (a group with none takes no part there);
// the panel's are the mean of those groups' weights, weighted by
// Group::weight. Judgements whose consistency ratio is above
// panel.options.exclude_cr_above are left out. A node nobody weighed, or
// weighed only by groups of weight 0, gives its children equal weights and is
// listed in `unjudged`; an only child gets 1 and is never listed.
// Precondition: `panel` came from the loader (members, groups and parents
// resolve; values and comparisons are checked).
PanelWeights WeighPanel(const CriteriaTree& tree, const Panel& panel);

// The global weight of every criterion: its local weight times its parent's
// global weight (kRootId's is 1). Precondition: `local` holds every criterion.
GlobalWeights GlobalFromLocal(const CriteriaTree& tree, const LocalWeights& local);

// Each group's share of the panel, Group::weight / the sum of all group
// weights, in panel.groups order (empty when there are no groups).
// Precondition: not every weight is 0.
std::vector<double> GroupShares(const Panel& panel);

}  // namespace weighbridge
