// SMAA's panel mode: weights that vary as much as the panel disagrees. Each
// draw resamples, within every stakeholder group, as many members as the
// group has (with replacement, among the members who judged anything), and
// weighs the tree again as the engine does (engine/weigh/panel_weights.h):
// members' weights combined within each group, the groups combined by their
// fixed weights. So a group's voice never grows or shrinks with the draw;
// only which of its members speak, and how often, changes (a bootstrap of
// the panel within groups; Efron and Tibshirani, An Introduction to the
// Bootstrap, 1993).
#pragma once

#include <vector>

#include "engine/sensitivity/flat_model.h"
#include "engine/sensitivity/smaa.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

class PanelResampler {
 public:
  // `tree` is the decision's flattened tree. References must outlive this.
  PanelResampler(const Procurement& procurement, const FlatTree& tree);

  // Local weights per node of `tree` had member k (procurement.panel.members
  // order) counted multiplicity[k] times. With every multiplicity 1 these
  // are the engine's weights. Nodes nobody on the panel weighs (and the
  // price split) keep today's weights.
  std::vector<double> Local(const std::vector<int>& multiplicity) const;

  // One resampled weighting: each leaf's global weight into g (per slot).
  void Draw(LaneStream& stream, double* g) const;

  // Members who made at least one judgement.
  int judging_members() const;
  // The most members who made a judgement in any one group: below 2, no
  // draw can differ from today's weights.
  int largest_group() const;

 private:
  struct Entry {
    int member = 0;          // index into panel.members
    int group = 0;           // index into panel.groups
    std::vector<double> w;   // the member's weights on the node's children
  };
  struct Node {
    int node = -1;               // flat index; -1 for the root
    std::vector<int> children;   // flat indices, in order
    std::vector<Entry> entries;  // judgements that count, in panel order
  };

  std::vector<double> Exact(const std::vector<int>& multiplicity) const;

  const Procurement& p_;
  const FlatTree& tree_;
  bool fast_ = true;  // the arithmetic mean within groups: done here
  std::vector<Node> nodes_;
  std::vector<std::vector<int>> pools_;  // per group: members who judged anything
  std::vector<bool> fixed_;              // per flat node: weights kept as today
};

}  // namespace weighbridge
